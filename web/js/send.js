// Writes to the app's own API as the person of "Wie ben ik". A refusal becomes an ApiProblem that
// keeps the server's problem+json fields ({status, code, where, detail, current, ...}), so forms
// can put the message next to the field it concerns.
//
// API
//   send(method, path, { body, ifMatch, identity }) -> Promise of { status, etag, body }
//   ApiProblem: Error with .status, .code, .where, .detail, .problem (the whole body)
import { currentIdentity } from './identity.js';

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code;
    this.where = problem.where;
    this.detail = problem.detail;
    this.problem = problem;
  }
}

async function readBody(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

export async function send(method, path, { body, ifMatch, identity = currentIdentity() } = {}) {
  const headers = { Accept: 'application/json, application/geo+json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  // Header values travel as Latin-1: names with accents or other scripts go percent-encoded.
  if (identity) {
    headers['X-Zorgbeeld-Author'] = encodeURIComponent(identity.author);
    headers['X-Zorgbeeld-Organisation'] = encodeURIComponent(identity.organisation);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiProblem(0, { code: 'Unreachable', detail: 'de server is niet bereikbaar' });
  }
  const result = await readBody(response);
  if (!response.ok) throw new ApiProblem(response.status, result || { title: response.statusText });
  return { status: response.status, etag: response.headers.get('ETag'), body: result };
}

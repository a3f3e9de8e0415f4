// The incident and picture API as the UI uses it: JSON in and out, who is writing in the two
// author headers (percent-encoded), If-Match on updates, and failures as ApiError with the
// server's `where` (the field at fault), `status` and, on a lost update (412), the `current` state.
import { currentIdentity } from './who.js';

export class ApiError extends Error {
  constructor(status, body, path) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    this.status = status;
    this.where = body?.where || null;
    this.current = body?.current || null;
    this.requestId = body?.requestId || null;
    this.path = path;
  }
}

export const etag = (version) => `"${version}"`;

async function request(method, path, { body, version } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    const me = currentIdentity();
    if (me) {
      headers['X-Zorgbeeld-Author'] = encodeURIComponent(me.author);
      headers['X-Zorgbeeld-Organisation'] = encodeURIComponent(me.organisation);
    }
    headers['Content-Type'] = 'application/json';
  }
  if (version != null) headers['If-Match'] = etag(version);
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { detail: 'de server is niet bereikbaar' }, path);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page, say): the status has to do.
  }
  if (!response.ok) throw new ApiError(response.status, json, path);
  return json;
}

export const get = (path) => request('GET', path);
export const post = (path, body, version) => request('POST', path, { body, version });
export const patch = (path, body, version) => request('PATCH', path, { body, version });
export const put = (path, body, version) => request('PUT', path, { body, version });

/** The query string for `at` (an ISO time) or '' for now. */
export const atQuery = (at) => (at ? `?at=${encodeURIComponent(at)}` : '');

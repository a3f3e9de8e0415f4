// Any request to the app's own API, as the logged-in user: with If-Match when given, the session's
// CSRF token on every change, and a refusal thrown as ApiError (status, where = the field at fault,
// current = the current state on a lost update (412), requestId; message = the server's detail).
// A 401 (the session ended) goes to the login page.
//
// API
//   send(method, path, { body, ifMatch }) -> Promise of the response body (parsed JSON, or null)
import { loadMe, toLogin } from './me.js';

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

export async function send(method, path, { body, ifMatch } = {}) {
  const headers = { Accept: 'application/json, application/geo+json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (method !== 'GET') headers['X-CSRF-Token'] = (await loadMe()).csrfToken;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { detail: 'de server is niet bereikbaar' }, path);
  }
  if (response.status === 401) {
    toLogin();
    return new Promise(() => {});
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

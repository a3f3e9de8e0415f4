// The incident and picture API as the UI uses it: JSON in and out, who is writing in the two
// author headers (percent-encoded), If-Match on updates, and failures as ApiError with the
// server's `where` (the field at fault), `status` and, on a lost update (412), the `current` state.
import { ApiError, send } from '../send.js';

export { ApiError };

export const etag = (version) => `"${version}"`;

const request = (method, path, { body, version } = {}) =>
  send(method, path, { body, ifMatch: version == null ? undefined : etag(version) });

export const get = (path) => request('GET', path);
export const post = (path, body, version) => request('POST', path, { body, version });
export const patch = (path, body, version) => request('PATCH', path, { body, version });
export const put = (path, body, version) => request('PUT', path, { body, version });

/** The query string for `at` (an ISO time) or '' for now. */
export const atQuery = (at) => (at ? `?at=${encodeURIComponent(at)}` : '');

// The picture elements of an incident over HTTP (/api/incidents/{id}/elements). Writes are made as
// the logged-in user; updates and deletes send the version they were made on (If-Match), so a
// change made by someone else in the meantime is refused (412) instead of overwritten.
import { atQuery, etag, get, post, put } from '../incident/api.js';
import { send } from '../send.js';

const base = (incidentId) => `/api/incidents/${incidentId}/elements`;
const repairQuery = (repair) => (repair ? '?repair=true' : '');

/** The elements valid at `at` (an ISO time), or now when `at` is null. */
export const listElements = (incidentId, at) => get(`${base(incidentId)}${atQuery(at)}`);

/** @param repair let the server repair a self-intersecting polygon instead of refusing it */
export const createElement = (incidentId, feature, repair = false) => post(`${base(incidentId)}${repairQuery(repair)}`, feature);

/** Replaces `current` (the version that was edited) with `feature`. */
export const replaceElement = (incidentId, current, feature, repair = false) =>
  put(`${base(incidentId)}/${encodeURIComponent(current.id)}${repairQuery(repair)}`, feature, current.properties.version);

/** Ends the element's validity; it stays in the history. */
export const endElement = (incidentId, current) =>
  send('DELETE', `${base(incidentId)}/${encodeURIComponent(current.id)}`, { ifMatch: etag(current.properties.version) });

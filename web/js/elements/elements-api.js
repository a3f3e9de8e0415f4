// The picture elements of an incident over HTTP (/api/incidents/{id}/elements). Writes carry the
// person of "Wie ben ik"; updates and deletes send the version they were made on (If-Match), so a
// change made by someone else in the meantime is refused (412) instead of overwritten.
import { getJson } from '../api.js';
import { send } from '../send.js';

const base = (incidentId) => `/api/incidents/${incidentId}/elements`;
const etag = (feature) => `"${feature.properties.version}"`;

/** The elements valid at `at` (an ISO time), or now when `at` is null. */
export function listElements(incidentId, at) {
  return getJson(at ? `${base(incidentId)}?at=${encodeURIComponent(at)}` : base(incidentId));
}

/** @param repair let the server repair a self-intersecting polygon instead of refusing it */
export async function createElement(incidentId, feature, repair = false) {
  return (await send('POST', `${base(incidentId)}${repair ? '?repair=true' : ''}`, { body: feature })).body;
}

/** Replaces `current` (the version that was edited) with `feature`. */
export async function replaceElement(incidentId, current, feature, repair = false) {
  const path = `${base(incidentId)}/${encodeURIComponent(current.id)}${repair ? '?repair=true' : ''}`;
  return (await send('PUT', path, { body: feature, ifMatch: etag(current) })).body;
}

/** Ends the element's validity; it stays in the history. */
export async function endElement(incidentId, current) {
  await send('DELETE', `${base(incidentId)}/${encodeURIComponent(current.id)}`, { ifMatch: etag(current) });
}

// The institution status API as the UI uses it, and the latest status of every institution that
// reported (statusById), shared by the map rings, the popups and the Capaciteit tab.
import { getJson } from '../api.js';
import { send } from '../send.js';

export const OVERVIEW = '/api/institutions/status';
export const statusById = new Map();
export const path = (id) => `/api/institutions/${encodeURIComponent(id)}/status`;

let vocabulary = null;
/** The vocabulary once loaded, for code that cannot wait (a popup being built). */
export const known = { words: null };

/** The codes and Dutch labels (GET /api/vocabularies/institution-status), loaded once. */
export async function words() {
  vocabulary ??= getJson('/api/vocabularies/institution-status').then((w) => {
    known.words = w;
    return w;
  });
  return vocabulary;
}

/** Dutch label of a code in one of the vocabulary lists; 'onbekend' for null. */
export function label(list, code) {
  if (code == null) return 'onbekend';
  return list.find((e) => e.code === code)?.label ?? code;
}

/** Every reported institution's latest status, now or at `at` (an ISO time). */
export const fetchOverview = (at) => getJson(at ? `${OVERVIEW}?at=${encodeURIComponent(at)}` : OVERVIEW);
export const fetchCurrent = (id) => getJson(path(id));
export const fetchHistory = (id) => getJson(`${path(id)}/history`);

export async function sendReport(id, body, version) {
  return send('POST', path(id), { body, ifMatch: version == null ? undefined : `"${version}"` });
}

export async function confirmUnchanged(id, version) {
  return send('POST', `${path(id)}/confirm`, { ifMatch: `"${version}"` });
}

// The network analysis API as the UI uses it (failures as incident/api.js's ApiError).
import { get, put } from '../incident/api.js';

const base = (incidentId) => `/api/incidents/${incidentId}`;
const ringsQuery = (rings) => (rings ? `rings=${encodeURIComponent(rings)}` : '');
const query = (...parts) => {
  const filled = parts.filter(Boolean);
  return filled.length ? `?${filled.join('&')}` : '';
};

export const fetchAnalysis = (incidentId, rings) => get(`${base(incidentId)}/affected${query(ringsQuery(rings))}`);
export const fetchRings = (incidentId, rings) => get(`${base(incidentId)}/affected/rings${query(ringsQuery(rings))}`);
export const fetchCallList = (incidentId) => get(`${base(incidentId)}/call-list`);
export const fetchChanges = (incidentId) => get(`${base(incidentId)}/affected/changes?limit=50`);
export const csvUrl = (incidentId, rings) => `${base(incidentId)}/affected${query('format=csv', ringsQuery(rings))}`;
export const callListCsvUrl = (incidentId) => `${base(incidentId)}/call-list?format=csv`;

/** Sets a status; {@code version} is that of the status shown (0: none recorded yet, so no If-Match). */
export const setStatus = (incidentId, institutionId, status, note, version) =>
  put(`${base(incidentId)}/stakeholders/${encodeURIComponent(institutionId)}`, { status, note: note || null },
    version > 0 ? version : undefined);

export const fetchExposure = (incidentId, { institution, organisation }, since) => get(`${base(incidentId)}/exposure${query(
  institution && `institution=${encodeURIComponent(institution)}`,
  organisation && `organisation=${encodeURIComponent(organisation)}`,
  since && `since=${encodeURIComponent(since)}`)}`);

export const searchSubjects = (text) => get(`/api/exposure/subjects?q=${encodeURIComponent(text)}`);
export const fetchStatuses = () => get('/api/vocabularies/stakeholder-statuses');
export const fetchTypes = () => get('/api/vocabularies/institution-types');

// The alerting API as the UI uses it (failures as send.js's ApiError).
import { get, post, put } from '../incident/api.js';
import { send } from '../send.js';

const base = (incidentId) => `/api/incidents/${incidentId}/alerts`;

export const previewAlert = (incidentId, body) => post(`${base(incidentId)}/preview`, body);
export const sendAlert = (incidentId, body) => post(base(incidentId), body);
export const listAlerts = (incidentId) => get(base(incidentId));
export const fetchAlert = (incidentId, alertId) => get(`${base(incidentId)}/${alertId}`);
export const capUrl = (incidentId, alertId) => `${base(incidentId)}/${alertId}?format=cap`;
export const acknowledge = (incidentId, alertId, note) => post(`${base(incidentId)}/${alertId}/acknowledgements`, note ? { note } : {});
export const receipt = (incidentId, alertId, state) => post(`${base(incidentId)}/${alertId}/receipts`, { state });
export const fetchInbox = () => get('/api/me/alerts');
export const fetchWarnings = (incidentId) => get(`/api/incidents/${incidentId}/warnings`);
export const fetchExternalWarnings = (incidentId) => get(`/api/incidents/${incidentId}/external-warnings`);

const settingPath = (institutionId) => `/api/institutions/${encodeURIComponent(institutionId)}/warning-setting`;
export const fetchWarningSetting = (institutionId) => get(settingPath(institutionId));
export const saveWarningSetting = (institutionId, body, version) => put(settingPath(institutionId), body, version || undefined);
export const removeWarningSetting = (institutionId, version) => send('DELETE', settingPath(institutionId), { ifMatch: `"${version}"` });

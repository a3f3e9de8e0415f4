// How a status report reads in Dutch: the popup section and the small badges shared by the table.
import { el } from '../dom.js';
import { formatDateTime, relativeAge } from '../format.js';
import { mayReportStatus } from '../rights.js';
import { statusIcon } from '../shapes.js';
import { label, statusById } from './status-api.js';

/** "Beperkt", with the ring as on the map. */
export function operationalBadge(words, code) {
  return el('span', { class: `zb-opstatus zb-opstatus--${code ?? 'onbekend'}` },
    code ? statusIcon(code, 16) : null, label(words.operationalStatuses, code));
}

/** "SEH gesloten", in words and with a distinct style for closed and diversion. */
export function emergencyBadge(words, ed) {
  const code = ed?.status ?? null;
  return el('span', { class: `zb-seh zb-seh--${code ?? 'onbekend'}` }, `SEH ${label(words.emergencyDepartmentStatuses, code).toLowerCase()}`);
}

/** "14:05 (4 min geleden)" and, when stale, a "verouderd" badge. */
export function ageWords(item) {
  const at = new Date(item.report.reportedAt);
  return el('span', { class: 'zb-status-age' }, `${formatDateTime(at)} (${relativeAge(at)})`,
    item.stale ? el('span', { class: 'zb-badge zb-badge--stale' }, 'verouderd') : null);
}

/** "2 van 12 vrij", "? van 20 vrij" for an unknown free count. */
export const bedWords = (bed) => `${bed.available ?? '?'} van ${bed.total ?? '?'} vrij`;

/**
 * The status part of an institution's popup ({id, regionCode}): the latest report, or that there is
 * none; "Status melden" only for who may report it (rights.js).
 */
export function statusSection(institution, words) {
  const { id } = institution;
  const item = statusById.get(id);
  const actions = el('p', { class: 'zb-popup__actions' },
    mayReportStatus(institution)
      && el('button', { type: 'button', class: 'zb-button zb-button--small', dataset: { statusReport: id } }, 'Status melden'),
    item && el('button', { type: 'button', class: 'zb-button zb-button--small', dataset: { statusHistory: id } }, 'Verloop bedden'));
  if (!item || !words) return el('div', { class: 'zb-popup__status' }, el('p', { class: 'zb-popup__none' }, 'Nog geen statusmelding.'), actions);
  const r = item.report;
  const beds = Object.entries(r.beds);
  return el('div', { class: 'zb-popup__status', dataset: { status: r.operationalStatus ?? 'onbekend' } },
    el('p', {}, operationalBadge(words, r.operationalStatus), ' ', emergencyBadge(words, r.emergencyDepartment)),
    r.emergencyDepartment.reason && el('p', { class: 'zb-popup__reason' }, `Reden: ${r.emergencyDepartment.reason}`),
    beds.length > 0 && el('ul', { class: 'zb-popup__beds' },
      beds.map(([type, bed]) => el('li', {}, `${label(words.bedTypes, type)}: ${bedWords(bed)}`))),
    r.needs && el('p', {}, `Behoefte: ${r.needs}`),
    el('p', { class: 'zb-popup__when' }, 'Gemeld ', ageWords(item), ` door ${r.author} (${r.organisation})`),
    actions);
}

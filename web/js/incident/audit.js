// The audit trail of an incident (Hoofd Informatie of its region, beheerder): every write with who
// (login, organisation, role), when, what and the object, newest last; downloadable as CSV.
//
// API
//   openAudit(incident)   opens the dialog
import { openDialog } from '../dialog.js';
import { el } from '../dom.js';
import { formatDateTime } from '../format.js';
import { send } from '../send.js';
import { dutchMessage } from './errors.js';

export function openAudit(incident) {
  const base = `/api/incidents/${incident.id}/audit`;
  const body = el('div', { class: 'zb-audit', 'aria-live': 'polite' }, el('p', { class: 'zb-empty' }, 'Audittrail laden…'));
  openDialog({ id: 'audit-dialog', title: `Audittrail: ${incident.title}`, wide: true },
    el('p', {}, el('a', { class: 'zb-button', id: 'audit-csv', href: `${base}?format=csv`, download: `audit-incident-${incident.id}.csv` },
      'Download als CSV')),
    body);
  send('GET', base).then(({ entries }) => {
    body.replaceChildren(entries.length ? el('table', { class: 'zb-table', 'aria-label': 'Audittrail' },
      el('thead', {}, el('tr', {}, ['Tijd', 'Login', 'Organisatie', 'Rol', 'Wat', 'Object'].map((h) => el('th', {}, h)))),
      el('tbody', {}, entries.map((e) => el('tr', { dataset: { action: e.action } },
        el('td', {}, formatDateTime(new Date(e.occurredAt))),
        el('td', {}, e.login),
        el('td', {}, e.organisation),
        el('td', {}, e.roles.join(', ')),
        el('td', {}, e.action),
        el('td', {}, `${e.objectType} ${e.objectId ?? ''}`.trim())))))
      : el('p', { class: 'zb-empty' }, 'Nog niets vastgelegd.'));
  }).catch((e) => {
    body.replaceChildren(el('p', { class: 'zb-form__error', role: 'alert' }, dutchMessage(e)));
  });
}

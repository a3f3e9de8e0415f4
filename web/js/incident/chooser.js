// The incident list (with filters; closed incidents stay readable) and the new-incident form, in
// one dialog opened from the top bar (the form only for a Hoofd Informatie). While it is open it follows the incident list stream
// (/api/live): new incidents and changed ones (status, GRIP, regie) show up in place.
import { el } from '../dom.js';
import { formatDateTime } from '../format.js';
import { followIncidentList } from '../live.js';
import { mayStartIncident } from '../rights.js';
import { get } from './api.js';
import { dutchMessage } from './errors.js';
import { newIncidentForm } from './incident-forms.js';
import { label, options } from './words.js';

/** Opens the dialog; `onChoose(id)` runs when an incident is picked or has just been started. */
export function openChooser(onChoose) {
  const dialog = el('dialog', { class: 'zb-dialog zb-dialog--wide', 'aria-labelledby': 'zb-chooser-title' });
  const close = () => dialog.close();
  const list = el('ul', { class: 'zb-incident-list', 'aria-label': 'Incidenten' });
  const status = el('p', { class: 'zb-empty', role: 'status' });
  const filters = el('form', { class: 'zb-filters', 'aria-label': 'Filters', onsubmit: (e) => e.preventDefault() },
    filter('Status', 'status', [{ code: '', text: 'Alle' }, ...options('statuses')]),
    filter('Type', 'type', [{ code: '', text: 'Alle' }, ...options('types')]),
    filter('Oefening', 'exercise', [{ code: '', text: 'Alle' }, { code: 'false', text: 'Geen oefeningen' }, { code: 'true', text: 'Alleen oefeningen' }]));
  const pick = (id) => {
    close();
    onChoose(id);
  };
  const refresh = async () => {
    const query = new URLSearchParams([...new FormData(filters)].filter(([, v]) => v));
    status.textContent = 'Incidenten laden…';
    try {
      const { incidents } = await get(`/api/incidents?${query}`);
      incidents.forEach((i) => shown.set(i.id, i.version));
      list.replaceChildren(...incidents.map((i) => incidentRow(i, pick)));
      status.textContent = incidents.length ? '' : 'Geen incidenten met deze filters.';
    } catch (error) {
      status.textContent = dutchMessage(error);
    }
  };
  filters.addEventListener('change', refresh);
  const shown = new Map();
  const matches = (incident) => [...new FormData(filters)].every(([name, value]) => !value || String(incident[name]) === value);
  const apply = (change) => {
    // null: the server could not replay what was missed; read the list again.
    if (change == null) {
      refresh();
      return;
    }
    const incident = change.data;
    if (!incident) return;
    const old = list.querySelector(`[data-incident-id="${incident.id}"]`);
    if (old && shown.get(incident.id) >= incident.version) return;
    shown.set(incident.id, incident.version);
    const row = matches(incident) ? incidentRow(incident, pick) : null;
    if (old && row) old.replaceWith(row);
    else if (old) old.remove();
    else if (row) list.prepend(row);
    status.textContent = list.children.length ? '' : 'Geen incidenten met deze filters.';
  };
  const stopFollowing = followIncidentList(apply);

  const start = el('section', { class: 'zb-chooser__new', hidden: true },
    el('h3', {}, 'Nieuw incident'),
    newIncidentForm((incident) => pick(incident.id), () => { start.hidden = true; startButton.hidden = false; }));
  const startButton = el('button', {
    type: 'button', class: 'zb-button zb-button--primary',
    onclick: () => {
      start.hidden = false;
      startButton.hidden = true;
      start.querySelector('input').focus();
    },
  }, 'Nieuw incident starten');

  dialog.append(
    el('div', { class: 'zb-dialog__head' },
      el('h2', { id: 'zb-chooser-title' }, 'Incidenten'),
      el('button', { type: 'button', class: 'zb-button', onclick: close, 'aria-label': 'Sluiten' }, 'Sluiten')),
    // Only a Hoofd Informatie starts incidents (of its own region).
    mayStartIncident() ? startButton : null, mayStartIncident() ? start : null, filters, status, list);
  dialog.addEventListener('close', () => {
    stopFollowing();
    dialog.remove();
  });
  document.body.append(dialog);
  dialog.showModal();
  refresh();
}

function filter(text, name, choices) {
  const id = `zb-filter-${name}`;
  return el('div', { class: 'zb-field' }, el('label', { for: id }, text),
    el('select', { id, name }, choices.map((c) => el('option', { value: c.code }, c.text))));
}

function incidentRow(incident, pick) {
  return el('li', { class: `zb-incident-list__item zb-incident-list__item--${incident.status}`, dataset: { incidentId: incident.id } },
    el('button', { type: 'button', class: 'zb-incident-list__open', onclick: () => pick(incident.id) },
      el('span', { class: 'zb-incident-list__title' }, incident.title),
      incident.exercise ? el('span', { class: 'zb-tag zb-tag--exercise' }, 'OEFENING') : null),
    el('span', { class: 'zb-incident-list__facts' },
      [label('types', incident.type), label('grip', incident.grip), label('statuses', incident.status),
        `gestart ${formatDateTime(new Date(incident.startedAt))}`].join(' · ')));
}

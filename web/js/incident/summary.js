// The incident in the top bar: title, type, GRIP level, care phase, status and who holds the
// regie; and for an exercise the OEFENING banner across the whole page.
import { el } from '../dom.js';
import { formatDateTime } from '../format.js';
import { label } from './words.js';

/**
 * Renders the incident (null: none chosen) into the top bar; `onChoose` opens the list, `onEdit` the
 * change form, `onInvite` the invitations, `onAudit` the audit trail and `onQuality` the picture-quality panel
 * (each left out when null); `extra` are more buttons (printing, the snapshot).
 */
export function renderSummary(container, incident, { onChoose, onEdit, onInvite, onAudit, onQuality, readOnly, extra = [] }) {
  if (!incident) {
    container.replaceChildren(el('button', { type: 'button', class: 'zb-topbar-button', onclick: onChoose }, 'Incident kiezen of starten'));
    return;
  }
  const regie = incident.regie ? `${incident.regie.person} (${incident.regie.organisation})` : 'onbekend';
  container.replaceChildren(el('div', { class: 'zb-summary' },
    incident.exercise ? el('span', { class: 'zb-summary__exercise' }, 'OEFENING') : null,
    el('span', { class: 'zb-summary__title', title: incident.title }, incident.title),
    el('ul', { class: 'zb-summary__facts', 'aria-label': 'Kenmerken van het incident' },
      el('li', {}, label('types', incident.type)),
      el('li', {}, label('grip', incident.grip)),
      el('li', {}, label('carePhases', incident.carePhase)),
      el('li', { class: `zb-summary__status zb-summary__status--${incident.status}` }, label('statuses', incident.status)),
      incident.origin ? el('li', { class: 'zb-summary__origin', title: `Overgenomen uit een momentopname van incident ${incident.origin.sourceIncidentId}` },
        incident.origin.readOnly ? 'Archief (alleen lezen)' : 'Overgedragen') : null,
      el('li', { title: `Gestart ${formatDateTime(new Date(incident.startedAt))}` }, `Regie: ${regie}`)),
    el('div', { class: 'zb-summary__actions' },
      readOnly ? null : el('button', { type: 'button', class: 'zb-topbar-button', onclick: onEdit }, 'Wijzigen'),
      onInvite ? el('button', { type: 'button', class: 'zb-topbar-button', id: 'invite-button', onclick: onInvite }, 'Uitnodigen') : null,
      onAudit ? el('button', { type: 'button', class: 'zb-topbar-button', id: 'audit-button', onclick: onAudit }, 'Audittrail') : null,
      onQuality ? el('button', { type: 'button', class: 'zb-topbar-button', id: 'quality-button', onclick: onQuality }, 'Beeldkwaliteit') : null,
      ...extra,
      el('button', { type: 'button', class: 'zb-topbar-button', onclick: onChoose }, 'Ander incident'))));
}

/** Shows or hides the OEFENING banner under the top bar. */
export function showExerciseBanner(exercise) {
  let banner = document.getElementById('zb-exercise-banner');
  if (exercise && !banner) {
    banner = el('div', { id: 'zb-exercise-banner', class: 'zb-exercise-banner', role: 'note' },
      el('strong', {}, 'OEFENING'), ' Dit incident is een oefening. Niets hiervan is echt.');
    document.querySelector('header.topbar').after(banner);
  } else if (!exercise && banner) {
    banner.remove();
  }
  document.body.classList.toggle('zb-is-exercise', Boolean(exercise));
}

// The status of one institution in the incident as buttons (te beoordelen, te informeren,
// geïnformeerd, betrokken, niet relevant) with a note. A click records the status at once, with
// the note typed so far, as the logged-in user; a change someone else made first is refused by the
// server (If-Match) and explained here in Dutch. Disabled for a user whose role may not set this
// institution's status (only the Hoofd Informatie, and an institution's coordinator its own).
import { el } from '../dom.js';
import { dutchMessage } from '../incident/errors.js';
import { maySetStakeholderStatus } from '../rights.js';
import { setStatus } from './analysis-api.js';

let uid = 0;

/**
 * @param item     {institution: {id, name}, status: {status, note, version, author, recordedAt}}
 * @param context  {incidentId, statuses: [{code, label}], readOnly, onSaved()}
 */
export function statusControl(item, { incidentId, statuses, readOnly: closed, onSaved }) {
  const readOnly = closed || !maySetStakeholderStatus(item.institution.id);
  const noteId = `zb-status-note-${++uid}`;
  const note = el('input', { type: 'text', id: noteId, class: 'zb-status__note', maxlength: 1000, value: item.status.note || '',
    placeholder: 'Bijv. wie u sprak en wat is afgesproken', disabled: readOnly });
  const message = el('p', { class: 'zb-status__message', role: 'status' });
  const group = el('div', { class: 'zb-status__buttons', role: 'group', 'aria-label': `Status van ${item.institution.name}` });
  for (const { code, label } of statuses) {
    const pressed = item.status.status === code;
    const button = el('button', { type: 'button', class: 'zb-status__button', 'aria-pressed': String(pressed), disabled: readOnly,
      dataset: { status: code } }, label);
    button.addEventListener('click', () => save(code, button));
    group.append(button);
  }
  note.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      save(item.status.status, null);
    }
  });

  async function save(code, button) {
    group.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    message.textContent = 'Opslaan…';
    message.classList.remove('zb-status__message--error');
    try {
      await setStatus(incidentId, item.institution.id, code, note.value.trim(), item.status.version);
      message.textContent = `Opgeslagen: ${statuses.find((s) => s.code === code)?.label ?? code}.`;
      onSaved();
    } catch (error) {
      message.textContent = dutchMessage(error);
      message.classList.add('zb-status__message--error');
      group.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      if (error.status === 412) onSaved();
      button?.focus();
    }
  }

  const who = item.status.version > 0 && item.status.author
    ? el('p', { class: 'zb-status__who' }, `Laatst gezet door ${item.status.author}${item.status.organisation ? ` (${item.status.organisation})` : ''}`
      + `${item.status.recordedAt ? ` om ${new Date(item.status.recordedAt).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' })}` : ''}.`)
    : null;
  return el('div', { class: 'zb-status' },
    group,
    el('label', { for: noteId, class: 'zb-status__label' }, 'Notitie'),
    note, who, message);
}

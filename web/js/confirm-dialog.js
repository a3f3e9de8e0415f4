// Asks once before a destructive action, in a modal dialog (focus is kept inside; Escape cancels).
//
// API
//   confirmAction({ title, text, confirm }) -> Promise of true (confirmed) or false
import { el } from './dom.js';

export function confirmAction({ title, text, confirm }) {
  const yes = el('button', { type: 'submit', class: 'zb-button zb-button--danger', value: 'yes' }, confirm);
  const no = el('button', { type: 'submit', class: 'zb-button', value: 'no' }, 'Annuleren');
  const dialog = el('dialog', { class: 'zb-dialog', id: 'confirm-dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
    el('form', { method: 'dialog' },
      el('h2', { id: 'confirm-title' }, title),
      el('p', { id: 'confirm-text' }, text),
      el('div', { class: 'zb-form__actions' }, yes, no)));
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'yes');
    });
    dialog.showModal();
    // The safe choice has the focus: a stray Enter must not delete anything.
    no.focus();
  });
}

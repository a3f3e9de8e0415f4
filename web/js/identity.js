// "Wie ben ik": the name and organisation recorded with every change, until login exists. Kept in
// this browser (localStorage) and asked once, the first time someone writes.
//
// API
//   currentIdentity()        {author, organisation} or null when not yet given
//   requireIdentity()        Promise of the identity; asks for it first when unknown (null when the
//                            user cancels)
//   editIdentity()           Promise of the identity after the user changed it (null when cancelled)
//   onIdentityChange(fn)     calls fn(identity) whenever it changes
import { el } from './dom.js';

const KEY = 'zorgbeeld.identity';
const listeners = new Set();

export function currentIdentity() {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY));
    return value?.author && value?.organisation ? value : null;
  } catch {
    return null;
  }
}

export const requireIdentity = () => Promise.resolve(currentIdentity() || editIdentity());

export function onIdentityChange(fn) {
  listeners.add(fn);
}

function field(id, label, value, autocomplete) {
  const input = el('input', { id, name: id, type: 'text', value: value || '', maxlength: '200', autocomplete, required: true });
  return { input, row: el('div', { class: 'zb-field' }, el('label', { for: id }, label), input) };
}

export function editIdentity() {
  const known = currentIdentity();
  const author = field('identity-author', 'Naam', known?.author, 'name');
  const organisation = field('identity-organisation', 'Organisatie', known?.organisation, 'organization');
  const error = el('p', { class: 'zb-field__error', id: 'identity-error', role: 'alert', hidden: true });
  const cancel = el('button', { type: 'button', class: 'zb-button' }, 'Annuleren');
  const form = el('form', { method: 'dialog', novalidate: true },
    el('h2', { id: 'identity-title' }, 'Wie bent u?'),
    el('p', {}, 'Bij elke wijziging aan het beeld staat wie hem maakte. Dit wordt in deze browser onthouden.'),
    author.row, organisation.row, error,
    el('div', { class: 'zb-form__actions' }, el('button', { type: 'submit', class: 'zb-button zb-button--primary' }, 'Opslaan'), cancel));
  const dialog = el('dialog', { class: 'zb-dialog', id: 'identity-dialog', 'aria-labelledby': 'identity-title' }, form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    let result = null;
    form.addEventListener('submit', (e) => {
      const value = { author: author.input.value.trim(), organisation: organisation.input.value.trim() };
      if (!value.author || !value.organisation) {
        e.preventDefault();
        error.textContent = 'Vul uw naam en uw organisatie in.';
        error.hidden = false;
        (value.author ? organisation.input : author.input).focus();
        return;
      }
      window.localStorage.setItem(KEY, JSON.stringify(value));
      result = value;
      listeners.forEach((fn) => fn(value));
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
    dialog.showModal();
  });
}

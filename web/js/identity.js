// "Wie ben ik": shows and changes the name and organisation recorded with every change. Asking
// the first time is incident/identity.js (ensureIdentity); the value lives in incident/who.js.
//
// API
//   changeIdentity()      opens the form with the current values; Promise of the identity (null: cancelled)
//   onIdentityChange(fn)  calls fn(identity) after it was changed here
import { el } from './dom.js';
import { buttons, form, textField } from './incident/forms.js';
import { currentIdentity, saveIdentity } from './incident/who.js';

const listeners = new Set();

export function onIdentityChange(fn) {
  listeners.add(fn);
}

export function changeIdentity() {
  const known = currentIdentity();
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'zb-dialog', id: 'identity-dialog', 'aria-labelledby': 'identity-title' });
    const finish = (identity) => {
      dialog.close();
      dialog.remove();
      resolve(identity);
    };
    dialog.append(
      el('h2', { id: 'identity-title' }, 'Wie ben ik'),
      el('p', {}, 'Bij elke wijziging in het beeld staat wie die maakte. Dit wordt in deze browser onthouden.'),
      form({
        label: 'Naam en organisatie',
        children: [
          textField({ label: 'Naam', name: 'author', value: known?.author, max: 200, required: true }),
          textField({ label: 'Organisatie', name: 'organisation', value: known?.organisation, max: 200, required: true }),
          buttons('Opslaan', () => finish(null)),
        ],
        save: async ({ author, organisation }) => {
          saveIdentity(author, organisation);
          const identity = currentIdentity();
          listeners.forEach((fn) => fn(identity));
          finish(identity);
        },
        onCancel: () => finish(null),
      }));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(null);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

// Asks once who is writing (name and organisation), before the first change from this browser.
import { el } from '../dom.js';
import { buttons, form, textField } from './forms.js';
import { currentIdentity, IdentityCancelled, saveIdentity } from './who.js';

/** Resolves once the user has said who they are (asking in a dialog when not yet known). */
export function ensureIdentity() {
  const known = currentIdentity();
  if (known) return Promise.resolve(known);
  return new Promise((resolve, reject) => {
    const dialog = el('dialog', { class: 'zb-dialog', 'aria-labelledby': 'zb-identity-title' });
    const close = () => {
      dialog.close();
      dialog.remove();
    };
    dialog.append(
      el('h2', { id: 'zb-identity-title' }, 'Wie bent u?'),
      el('p', {}, 'Bij elke wijziging in het beeld staat wie die maakte. Vul uw naam en organisatie in; ze worden in deze browser onthouden.'),
      form({
        label: 'Naam en organisatie',
        children: [
          textField({ label: 'Naam', name: 'author', max: 200, required: true }),
          textField({ label: 'Organisatie', name: 'organisation', max: 200, required: true }),
          buttons('Opslaan', () => { close(); reject(new IdentityCancelled()); }),
        ],
        save: async ({ author, organisation }) => {
          saveIdentity(author, organisation);
          close();
          resolve(currentIdentity());
        },
        onCancel: () => { close(); reject(new IdentityCancelled()); },
      }));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close();
      reject(new IdentityCancelled());
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

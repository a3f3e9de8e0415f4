// "Wie ben ik": the logged-in user, organisation and roles, with the way out (Uitloggen).
//
// API
//   changeIdentity()   opens the dialog; Promise that resolves when it is closed
import { el } from './dom.js';
import { loadMe, logout } from './me.js';

const ROLE_LABELS = {
  beheerder: 'Beheerder',
  organisatiebeheerder: 'Organisatiebeheerder',
  'hoofd-informatie': 'Hoofd Informatie',
  gags: 'GAGS',
  informatiecoordinator: 'Informatiecoördinator',
  lezer: 'Lezer',
};

export async function changeIdentity() {
  const user = await loadMe();
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'zb-dialog', id: 'identity-dialog', 'aria-labelledby': 'identity-title' });
    const close = () => {
      dialog.close();
      dialog.remove();
      resolve();
    };
    const roles = user.roles.map((r) => ROLE_LABELS[r] || r).join(', ') || 'geen rol';
    const done = el('button', { type: 'button', class: 'zb-button zb-button--primary' }, 'Sluiten');
    done.addEventListener('click', close);
    const out = el('button', { type: 'button', class: 'zb-button', id: 'logout-button' }, 'Uitloggen');
    out.addEventListener('click', () => logout());
    dialog.append(
      el('h2', { id: 'identity-title' }, 'Wie ben ik'),
      el('p', {}, `${user.displayName} (${user.login})`),
      el('p', {}, `${user.organisation.name}, regio ${user.organisation.regionCode}`),
      el('p', {}, `Rol: ${roles}`),
      el('div', { class: 'zb-form__buttons' }, done, out));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

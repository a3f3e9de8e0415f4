// "Wie ben ik" in the top bar: the logged-in user and organisation; its dialog shows the roles and
// leads to the user's own API tokens, the warning distance (an institution's coordinator), the Beheer
// page (administrators) and Uitloggen.
//
// API
//   showIdentity(button)   fills the top-bar button with name and organisation and opens the dialog on click
//   roleLabel(code)        a role in Dutch
import { openDialog } from './dialog.js';
import { el } from './dom.js';
import { loadMe, logout } from './me.js';
import { openWarningSetting } from './alerts/warning-setting.js';
import { mayManage, maySetWarningDistance } from './rights.js';
import { openTokens } from './tokens.js';

const ROLE_LABELS = {
  beheerder: 'Beheerder',
  organisatiebeheerder: 'Organisatiebeheerder',
  'hoofd-informatie': 'Hoofd Informatie',
  gags: 'GAGS',
  informatiecoordinator: 'Informatiecoördinator',
  lezer: 'Lezer',
};

export const roleLabel = (code) => ROLE_LABELS[code] || code;

export async function showIdentity(button) {
  const user = await loadMe();
  button.textContent = `${user.displayName} (${user.organisation.name})`;
  button.addEventListener('click', () => openIdentity(user));
}

function openIdentity(user) {
  const roles = user.roles.map(roleLabel).join(', ') || 'geen rol';
  const { close } = openDialog({ id: 'identity-dialog', title: 'Wie ben ik' },
    el('p', {}, `${user.displayName} (${user.login})`),
    el('p', {}, `${user.organisation.name}, regio ${user.organisation.regionCode}`),
    el('p', {}, `Rol: ${roles}`),
    user.institutionId ? el('p', {}, `Spreekt voor zorginstelling ${user.institutionId}`) : null,
    el('div', { class: 'zb-form__buttons' },
      el('button', { type: 'button', class: 'zb-button', id: 'tokens-button', onclick: () => { close(); openTokens(); } }, 'Mijn API-tokens'),
      maySetWarningDistance() ? el('button', { type: 'button', class: 'zb-button', id: 'warning-setting-button',
        onclick: () => { close(); openWarningSetting(user.institutionId); } }, 'Waarschuwingsafstand') : null,
      mayManage() ? el('a', { class: 'zb-button', href: '/beheer.html' }, 'Beheer') : null,
      el('button', { type: 'button', class: 'zb-button', id: 'logout-button', onclick: () => logout() }, 'Uitloggen')));
}

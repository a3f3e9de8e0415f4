// "Mijn API-tokens": the user's own tokens for QGIS, GDAL and scripts (docs/security.md). A new
// token is shown once, right after it is made; a token can be revoked at once.
//
// API
//   openTokens()   opens the dialog
import { openDialog } from './dialog.js';
import { el } from './dom.js';
import { formatDateTime } from './format.js';
import { send } from './send.js';

const SCOPES = { read: 'Alleen lezen', 'read-write': 'Lezen en schrijven' };

export function openTokens() {
  const list = el('div', { class: 'zb-tokens__list' });
  const made = el('div', { class: 'zb-tokens__made', 'aria-live': 'polite' });
  const error = el('p', { class: 'zb-form__error', role: 'alert', hidden: true });

  async function refresh() {
    const { tokens } = await send('GET', '/api/me/tokens');
    list.replaceChildren(tokens.length ? table(tokens) : el('p', { class: 'zb-empty' }, 'U heeft nog geen API-tokens.'));
  }

  function table(tokens) {
    return el('table', { class: 'zb-table', 'aria-label': 'Mijn API-tokens' },
      el('thead', {}, el('tr', {}, ['Naam', 'Rechten', 'Verloopt', 'Laatst gebruikt', ''].map((h) => el('th', {}, h)))),
      el('tbody', {}, tokens.map((t) => el('tr', { dataset: { tokenId: t.id } },
        el('td', {}, t.name),
        el('td', {}, SCOPES[t.scope] || t.scope),
        el('td', {}, formatDateTime(new Date(t.expiresAt))),
        el('td', {}, t.lastUsedAt ? formatDateTime(new Date(t.lastUsedAt)) : 'nooit'),
        el('td', {}, t.active
          ? el('button', { type: 'button', class: 'zb-button zb-button--small zb-button--danger', 'aria-label': `Token ${t.name} intrekken`,
            onclick: () => revoke(t) }, 'Intrekken')
          : el('span', {}, t.revokedAt ? 'ingetrokken' : 'verlopen'))))));
  }

  async function revoke(token) {
    if (!window.confirm(`Token "${token.name}" intrekken? Wat het gebruikt, heeft dan meteen geen toegang meer.`)) return;
    await run(() => send('DELETE', `/api/me/tokens/${token.id}`));
  }

  async function run(work) {
    error.hidden = true;
    try {
      await work();
      await refresh();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  }

  const name = el('input', { id: 'token-name', name: 'name', required: true, maxlength: 100, placeholder: 'Bijv. QGIS op werkplek 3' });
  const scope = el('select', { id: 'token-scope', name: 'scope' },
    Object.entries(SCOPES).map(([code, text]) => el('option', { value: code }, text)));
  const days = el('input', { id: 'token-days', name: 'days', type: 'number', min: 1, max: 365, value: 90, required: true });
  const form = el('form', { class: 'zb-form', 'aria-label': 'Nieuw API-token' },
    el('div', { class: 'zb-field' }, el('label', { for: 'token-name' }, 'Naam'), name),
    el('div', { class: 'zb-field' }, el('label', { for: 'token-scope' }, 'Rechten'), scope),
    el('div', { class: 'zb-field' }, el('label', { for: 'token-days' }, 'Geldig (dagen)'), days),
    el('div', { class: 'zb-form__buttons' }, el('button', { type: 'submit', class: 'zb-button zb-button--primary' }, 'Token maken')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(async () => {
      const created = await send('POST', '/api/me/tokens', { body: { name: name.value, scope: scope.value, expiresInDays: Number(days.value) } });
      form.reset();
      made.replaceChildren(
        el('p', {}, `Token "${created.name}" is gemaakt. Kopieer het nu: het wordt maar één keer getoond.`),
        el('code', { class: 'zb-tokens__secret', id: 'token-secret' }, created.token),
        el('p', { class: 'zb-hint' }, 'Gebruik: kopregel "Authorization: Bearer <token>" (in GDAL: GDAL_HTTP_HEADERS).'));
    });
  });

  openDialog({ id: 'tokens-dialog', title: 'Mijn API-tokens', wide: true },
    el('p', {}, 'Met een API-token lezen QGIS, GDAL of een script het beeld namens u, zonder wachtwoord.'),
    list, made, error, el('h3', {}, 'Nieuw token'), form);
  refresh().catch((e) => { error.textContent = e.message; error.hidden = false; });
}

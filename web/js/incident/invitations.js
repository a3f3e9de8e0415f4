// Invitations to an incident (the Hoofd Informatie of its region): organisations of other regions
// that then see the incident and help with the picture. Inviting and removing are audited writes.
//
// API
//   openInvitations(incidentId)   opens the dialog
import { openDialog } from '../dialog.js';
import { el } from '../dom.js';
import { formatDateTime } from '../format.js';
import { me } from '../me.js';
import { send } from '../send.js';
import { dutchMessage } from './errors.js';

const KINDS = { ghor: 'GHOR', veiligheidsregio: 'Veiligheidsregio', zorginstelling: 'Zorginstelling', overig: 'Overig' };

export function openInvitations(incidentId) {
  const base = `/api/incidents/${incidentId}/invitations`;
  const list = el('div', { class: 'zb-invitations__list' });
  const error = el('p', { class: 'zb-form__error', role: 'alert', hidden: true });
  const choice = el('select', { id: 'invite-organisation', name: 'organisationId', required: true });
  const form = el('form', { class: 'zb-form', 'aria-label': 'Organisatie uitnodigen' },
    el('div', { class: 'zb-field' }, el('label', { for: 'invite-organisation' }, 'Organisatie'), choice),
    el('div', { class: 'zb-form__buttons' }, el('button', { type: 'submit', class: 'zb-button zb-button--primary' }, 'Uitnodigen')));

  async function refresh() {
    const [{ invitations }, { organisations }] = await Promise.all([send('GET', base), send('GET', '/api/organisations')]);
    list.replaceChildren(invitations.length ? el('ul', { class: 'zb-invitations', 'aria-label': 'Uitgenodigde organisaties' },
      invitations.map((i) => el('li', { dataset: { organisationId: i.organisationId } },
        el('span', {}, `${i.name} (${i.regionCode}), uitgenodigd ${formatDateTime(new Date(i.invitedAt))} door ${i.invitedBy}`),
        ' ',
        el('button', { type: 'button', class: 'zb-button zb-button--small zb-button--danger', 'aria-label': `Uitnodiging van ${i.name} intrekken`,
          onclick: () => remove(i) }, 'Intrekken'))))
      : el('p', { class: 'zb-empty' }, 'Nog geen organisaties uitgenodigd. De eigen regio ziet het incident al.'));
    // The own region sees the incident already; the invited ones need no second invitation.
    const region = me().organisation.regionCode.toUpperCase();
    const invited = new Set(invitations.map((i) => i.organisationId));
    const open = organisations.filter((o) => (o.regionCode || '').toUpperCase() !== region && !invited.has(o.id));
    choice.replaceChildren(el('option', { value: '' }, open.length ? 'Kies een organisatie…' : 'Geen andere organisaties'),
      ...open.map((o) => el('option', { value: o.id }, `${o.name} (${KINDS[o.kind] || o.kind}, ${o.regionCode})`)));
  }

  async function run(work) {
    error.hidden = true;
    try {
      await work();
      await refresh();
    } catch (e) {
      error.textContent = dutchMessage(e);
      error.hidden = false;
    }
  }

  function remove(invitation) {
    if (!window.confirm(`De uitnodiging van ${invitation.name} intrekken? Zij zien het incident dan niet meer.`)) return;
    run(() => send('DELETE', `${base}/${invitation.organisationId}`));
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!choice.value) return;
    run(() => send('POST', base, { body: { organisationId: Number(choice.value) } }));
  });

  openDialog({ id: 'invitations-dialog', title: 'Uitnodigingen', wide: true },
    el('p', {}, 'Een uitgenodigde organisatie ziet dit incident en helpt met het beeld en de kaart.'),
    list, error, form);
  refresh().catch((e) => { error.textContent = dutchMessage(e); error.hidden = false; });
}

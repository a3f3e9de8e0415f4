// The Beheer page (/beheer.html): organisations (the beheerder) and users (the beheerder: every
// organisation's; an organisatiebeheerder: the own organisation's). A new user gets a one-time
// enrolment code, shown once, with which the first login sets up the authenticator app; "Nieuwe
// inlogcode" makes another one (and resets the app). The beheerder also restores a snapshot ZIP
// ("Momentopname terugzetten") as a read-only archive or a hand-over. Every change is audited by the server.
import { openDialog } from './dialog.js';
import { el } from './dom.js';
import { roleLabel, showIdentity } from './identity.js';
import { loadMe } from './me.js';
import { hasRole, mayManage } from './rights.js';
import { ApiError, send } from './send.js';

const KINDS = { ghor: 'GHOR', veiligheidsregio: 'Veiligheidsregio', zorginstelling: 'Zorginstelling', overig: 'Overig' };
const ROLES = ['beheerder', 'organisatiebeheerder', 'hoofd-informatie', 'gags', 'informatiecoordinator', 'lezer'];

const root = document.getElementById('admin');
let sequence = 0;

function field(label, input, hint) {
  input.id = input.id || `zb-admin-${++sequence}`;
  return el('div', { class: input.type === 'checkbox' ? 'zb-field zb-field--check' : 'zb-field' },
    el('label', { for: input.id }, label), input, hint ? el('span', { class: 'zb-field__hint' }, hint) : null);
}

const select = (name, entries, value) => el('select', { name },
  entries.map(([code, text]) => el('option', { value: code, selected: code === value }, text)));

/** A form whose submit runs `save(form)`; a refusal is shown in it, in the server's words. */
function adminForm(label, children, submit, save) {
  const error = el('p', { class: 'zb-form__error', role: 'alert', hidden: true });
  const form = el('form', { class: 'zb-form', 'aria-label': label }, ...children, error,
    el('div', { class: 'zb-form__buttons' }, el('button', { type: 'submit', class: 'zb-button zb-button--primary' }, submit)));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    try {
      await save(form);
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
    }
  });
  return form;
}

function roleChecks(selected, mayGrantBeheerder) {
  return el('fieldset', { class: 'zb-admin__roles' }, el('legend', {}, 'Rollen'),
    ROLES.filter((r) => mayGrantBeheerder || r !== 'beheerder').map((r) => field(roleLabel(r),
      el('input', { type: 'checkbox', name: 'roles', value: r, checked: selected.includes(r) }))));
}

const checkedRoles = (form) => [...form.querySelectorAll('input[name=roles]:checked')].map((c) => c.value);
const valueOf = (form, name) => form.elements[name].value.trim();

function showCode(title, user, code, expires) {
  openDialog({ id: 'code-dialog', title },
    el('p', {}, `Geef ${user.displayName} (${user.login}) deze eenmalige code voor de eerste keer inloggen. Hij wordt maar één keer getoond.`),
    el('code', { class: 'zb-tokens__secret', id: 'enrolment-code' }, code),
    expires ? el('p', { class: 'zb-field__hint' }, `Geldig tot ${new Date(expires).toLocaleString('nl-NL')}.`) : null);
}

async function organisationsSection() {
  const { organisations } = await send('GET', '/api/organisations');
  const section = el('section', { class: 'zb-admin__section', 'aria-labelledby': 'orgs-title' }, el('h2', { id: 'orgs-title' }, 'Organisaties'));
  section.append(el('table', { class: 'zb-table', 'aria-label': 'Organisaties' },
    el('thead', {}, el('tr', {}, ['Naam', 'Soort', 'Regio', 'Zorginstelling', 'Inloggen via', ''].map((h) => el('th', {}, h)))),
    el('tbody', {}, organisations.map((o) => el('tr', { dataset: { organisationId: o.id } },
      el('td', {}, o.name), el('td', {}, KINDS[o.kind] || o.kind), el('td', {}, o.regionCode), el('td', {}, o.institutionId || ''),
      el('td', {}, o.federated ? 'eigen identiteitsprovider' : 'wachtwoord en code'),
      el('td', {}, el('button', { type: 'button', class: 'zb-button zb-button--small', 'aria-label': `${o.name} wijzigen`,
        onclick: () => editOrganisation(o) }, 'Wijzigen')))))));
  const name = el('input', { name: 'name', required: true, maxlength: 200 });
  const region = el('input', { name: 'regionCode', required: true, maxlength: 32, placeholder: 'VR09' });
  const institution = el('input', { name: 'institutionId', maxlength: 200 });
  section.append(el('h3', {}, 'Organisatie toevoegen'), adminForm('Organisatie toevoegen', [
    field('Naam', name), field('Soort', select('kind', Object.entries(KINDS), 'ghor')),
    field('Veiligheidsregio', region, 'De code van de regio, bijv. VR09 (Utrecht)'),
    field('Zorginstelling (id)', institution, 'Alleen als de organisatie een zorginstelling uit de referentielaag is'),
  ], 'Toevoegen', async (form) => {
    await send('POST', '/api/organisations', { body: { name: valueOf(form, 'name'), kind: valueOf(form, 'kind'),
      regionCode: valueOf(form, 'regionCode'), institutionId: valueOf(form, 'institutionId') || null } });
    await render();
  }));
  return section;
}

function editOrganisation(o) {
  const { close } = openDialog({ id: 'organisation-dialog', title: `${o.name} wijzigen` }, adminForm('Organisatie wijzigen', [
    field('Naam', el('input', { name: 'name', required: true, maxlength: 200, value: o.name })),
    field('Soort', select('kind', Object.entries(KINDS), o.kind)),
    field('Veiligheidsregio', el('input', { name: 'regionCode', required: true, maxlength: 32, value: o.regionCode })),
  ], 'Opslaan', async (form) => {
    await send('PATCH', `/api/organisations/${o.id}`, { body: { name: valueOf(form, 'name'), kind: valueOf(form, 'kind'),
      regionCode: valueOf(form, 'regionCode') } });
    close();
    await render();
  }));
}

async function usersSection(user, organisations) {
  const beheerder = hasRole('beheerder');
  const { users } = await send('GET', '/api/users');
  const section = el('section', { class: 'zb-admin__section', 'aria-labelledby': 'users-title' },
    el('h2', { id: 'users-title' }, beheerder ? 'Gebruikers' : `Gebruikers van ${user.organisation.name}`));
  section.append(el('table', { class: 'zb-table', 'aria-label': 'Gebruikers' },
    el('thead', {}, el('tr', {}, ['Inlognaam', 'Naam', 'Organisatie', 'Rollen', 'Status', ''].map((h) => el('th', {}, h)))),
    el('tbody', {}, users.map((u) => el('tr', { dataset: { login: u.login } },
      el('td', {}, u.login), el('td', {}, u.displayName), el('td', {}, u.organisation.name),
      el('td', {}, u.roles.map(roleLabel).join(', ')),
      el('td', {}, [u.disabled ? 'geblokkeerd' : 'actief', u.enrolled ? null : 'nog niet ingeschreven', u.lockedUntil ? 'tijdelijk op slot' : null]
        .filter(Boolean).join(', ')),
      el('td', { class: 'zb-admin__actions' },
        el('button', { type: 'button', class: 'zb-button zb-button--small', 'aria-label': `${u.login} wijzigen`, onclick: () => editUser(u, beheerder) }, 'Wijzigen'),
        u.federated ? null : el('button', { type: 'button', class: 'zb-button zb-button--small', 'aria-label': `Nieuwe inlogcode voor ${u.login}`,
          onclick: () => newCode(u) }, 'Nieuwe inlogcode')))))));

  const organisation = beheerder
    ? select('organisationId', organisations.map((o) => [String(o.id), o.name]), String(user.organisation.id))
    : select('organisationId', [[String(user.organisation.id), user.organisation.name]], String(user.organisation.id));
  section.append(el('h3', {}, 'Gebruiker toevoegen'), adminForm('Gebruiker toevoegen', [
    field('Inlognaam', el('input', { name: 'login', required: true, maxlength: 100, pattern: '[A-Za-z0-9._@\\-]{2,100}', autocomplete: 'off' })),
    field('Naam', el('input', { name: 'displayName', required: true, maxlength: 200 })),
    field('Organisatie', organisation),
    roleChecks(['lezer'], beheerder),
    field('Zorginstelling (id)', el('input', { name: 'institutionId', maxlength: 200 }), 'Verplicht voor een informatiecoördinator: de instelling waarvoor hij spreekt'),
    field('Wachtwoord', el('input', { name: 'password', type: 'password', minlength: 12, autocomplete: 'new-password' }),
      'Minstens 12 tekens. Leeg: alleen inloggen via de identiteitsprovider van de organisatie'),
  ], 'Toevoegen', async (form) => {
    const password = form.elements.password.value;
    const created = await send('POST', '/api/users', { body: { login: valueOf(form, 'login'), displayName: valueOf(form, 'displayName'),
      organisationId: Number(valueOf(form, 'organisationId')), roles: checkedRoles(form),
      institutionId: valueOf(form, 'institutionId') || null, ...(password ? { password } : {}) } });
    await render();
    showCode('Gebruiker toegevoegd', created, created.enrolmentCode, created.enrolmentCodeExpires);
  }));
  return section;
}

function editUser(u, beheerder) {
  const { close } = openDialog({ id: 'user-dialog', title: `${u.login} wijzigen` }, adminForm('Gebruiker wijzigen', [
    field('Naam', el('input', { name: 'displayName', required: true, maxlength: 200, value: u.displayName })),
    roleChecks(u.roles, beheerder),
    field('Zorginstelling (id)', el('input', { name: 'institutionId', maxlength: 200, value: u.institutionId || '' })),
    field('Geblokkeerd', el('input', { type: 'checkbox', name: 'disabled', checked: u.disabled })),
  ], 'Opslaan', async (form) => {
    await send('PATCH', `/api/users/${u.id}`, { body: { displayName: valueOf(form, 'displayName'), roles: checkedRoles(form),
      institutionId: valueOf(form, 'institutionId') || null, disabled: form.elements.disabled.checked } });
    close();
    await render();
  }));
}

/** Sends a snapshot ZIP to the restore route as it is (not JSON); returns the new incident. */
async function restoreSnapshot(file, mode, region) {
  const query = new URLSearchParams({ as: mode });
  if (region) query.set('region', region);
  const path = `/api/snapshots/restore?${query}`;
  let response;
  try {
    response = await fetch(path, { method: 'POST', body: file, headers: { 'Content-Type': 'application/zip',
      Accept: 'application/json, application/problem+json', 'X-CSRF-Token': (await loadMe()).csrfToken } });
  } catch {
    throw new ApiError(0, { detail: 'de server is niet bereikbaar' }, path);
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, json, path);
  return json;
}

/** The beheerder's restore of a snapshot: the file, archive or hand-over, and the region it goes to. */
function restoreSection() {
  const section = el('section', { class: 'zb-admin__section', 'aria-labelledby': 'restore-title' },
    el('h2', { id: 'restore-title' }, 'Momentopname terugzetten'),
    el('p', { class: 'zb-field__hint' }, 'Een momentopname (ZIP) uit deze of een andere Zorgbeeld wordt een nieuw incident;'
      + ' er wordt niets overschreven. Een archief kan alleen worden bekeken, een overdracht loopt verder.'));
  const done = el('p', { role: 'status', id: 'restore-result', hidden: true });
  section.append(adminForm('Momentopname terugzetten', [
    field('Momentopname (ZIP)', el('input', { type: 'file', name: 'snapshot', accept: '.zip,application/zip', required: true })),
    field('Als', select('mode', [['archive', 'Archief (alleen lezen)'], ['handover', 'Overdracht (loopt verder)']], 'archive')),
    field('Veiligheidsregio', el('input', { name: 'region', maxlength: 32, placeholder: 'VR09' }),
      'Wie het incident ziet; leeg: de regio uit de momentopname'),
  ], 'Terugzetten', async (form) => {
    done.hidden = true;
    const incident = await restoreSnapshot(form.elements.snapshot.files[0], valueOf(form, 'mode'), valueOf(form, 'region'));
    done.replaceChildren(`Teruggezet als incident ${incident.id} (${incident.regionCode}): `,
      el('a', { href: `/#incident=${incident.id}` }, incident.title));
    done.hidden = false;
    form.reset();
  }), done);
  return section;
}

async function newCode(u) {
  if (!window.confirm(`Een nieuwe eenmalige inlogcode voor ${u.login}? De authenticator-app moet dan opnieuw worden ingesteld.`)) return;
  try {
    const { code, expiresAt } = await send('POST', `/api/users/${u.id}/enrolment-code`);
    showCode('Nieuwe inlogcode', u, code, expiresAt);
  } catch (failure) {
    window.alert(failure.message);
  }
}

async function render() {
  const user = await loadMe();
  if (!mayManage()) {
    root.replaceChildren(el('p', { class: 'zb-empty', role: 'status' }, 'Alleen een beheerder of organisatiebeheerder kan hier gebruikers beheren.'));
    return;
  }
  const { organisations } = await send('GET', '/api/organisations');
  const parts = [];
  if (hasRole('beheerder')) parts.push(await organisationsSection());
  parts.push(await usersSection(user, organisations));
  if (hasRole('beheerder')) parts.push(restoreSection());
  root.replaceChildren(el('h1', {}, 'Beheer'), ...parts);
  document.body.dataset.ready = 'true';
}

await loadMe();
showIdentity(document.getElementById('identity-button'));
render().catch((failure) => {
  root.replaceChildren(el('p', { class: 'zb-form__error', role: 'alert' }, `Beheer kon niet worden geladen: ${failure.message}`));
});

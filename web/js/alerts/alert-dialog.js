// "Alarmeren": the Hoofd Informatie alerts institutions from the analysis panel. The audience starts
// as the panel shows it (the zone or type filter of the table, else every affected institution); the
// server proposes the message from the picture and resolves the recipients (preview), both shown
// before anything is sent; every field of the message can be changed.
//
// API
//   openAlertDialog({ incidentId, analysis, filters, typeLabel, onSent(detail) })
import { openDialog } from '../dialog.js';
import { el } from '../dom.js';
import { formatCount } from '../format.js';
import { clearFormErrors, showFormError } from '../incident/errors.js';
import { showToast } from '../toast.js';
import { previewAlert, sendAlert } from './alerts-api.js';

const RESPONSES = [['Shelter', 'Schuilen: ramen en deuren dicht, ventilatie uit'], ['Evacuate', 'Evacueren'], ['Prepare', 'Voorbereiden'],
  ['Monitor', 'Volgen'], ['Avoid', 'Gebied mijden'], ['Assess', 'Beoordelen'], ['AllClear', 'Sein veilig'], ['None', 'Geen actie']];
const SEVERITIES = [['Extreme', 'Levensbedreigend'], ['Severe', 'Ernstig'], ['Moderate', 'Matig'], ['Minor', 'Gering'], ['Unknown', 'Onbekend']];
const ZONE_GROUPS = ['effectgebied', 'incidentgebied'];

export function openAlertDialog({ incidentId, analysis, filters, typeLabel, onSent }) {
  const zones = analysis.summary.zones.filter((z) => ZONE_GROUPS.includes(z.zone.group));
  const presetZone = zones.some((z) => z.zone.key === filters.zone) ? filters.zone : '';
  const form = el('form', { class: 'zb-form zb-alert-form', id: 'alert-form', novalidate: true });
  const choice = (value, label, checked) => el('label', { class: 'zb-alert-form__choice' },
    el('input', { type: 'radio', name: 'audience', value, checked }), ` ${label}`);
  const zoneSelect = el('select', { id: 'alert-zone', name: 'zone', 'aria-label': 'Zone' },
    zones.map((z) => el('option', { value: z.zone.key, selected: z.zone.key === presetZone }, `${z.zone.label} (${z.count})`)));
  const types = Object.keys(analysis.summary.types).map((code) => el('label', { class: 'zb-alert-form__choice' },
    el('input', { type: 'checkbox', name: 'types', value: code, checked: filters.type === code }), ` ${typeLabel(code)}`));
  const audience = el('fieldset', { class: 'zb-field', 'data-field': 'audience', tabindex: '-1' },
    el('legend', {}, 'Doelgroep'),
    choice('affected', `Alle geraakte instellingen (${formatCount(analysis.summary.total)})`, !presetZone),
    zones.length ? el('div', {}, choice('zone', 'Binnen de zone', Boolean(presetZone)), ' ', zoneSelect) : null,
    types.length ? el('details', { open: Boolean(filters.type) }, el('summary', {}, 'Alleen deze soorten instelling'), types) : null);
  const message = el('div', { class: 'zb-alert-form__message' }, el('p', { class: 'zb-empty' }, 'Voorbeeld laden…'));
  const recipients = el('div', { class: 'zb-alert-form__recipients', id: 'alert-recipients', 'aria-live': 'polite' });
  const send = el('button', { type: 'submit', class: 'zb-button zb-button--primary', id: 'alert-send', disabled: true }, 'Alarm verzenden');
  form.append(audience, message, recipients, el('p', { class: 'zb-form__message' }),
    el('div', { class: 'zb-form__buttons' }, send));
  const { close } = openDialog({ id: 'alert-dialog', title: 'Alarmeren', wide: true }, form);

  const fields = {};
  function audienceBody() {
    const picked = form.querySelector('input[name="audience"]:checked')?.value ?? 'affected';
    const body = picked === 'zone' ? { zone: zoneSelect.value } : { affected: true };
    const chosen = [...form.querySelectorAll('input[name="types"]:checked')].map((i) => i.value);
    if (chosen.length) body.types = chosen;
    return body;
  }

  let previews = 0;
  async function preview() {
    const load = ++previews;
    clearFormErrors(form);
    send.disabled = true;
    try {
      const result = await previewAlert(incidentId, { audience: audienceBody() });
      if (load !== previews) return;
      showMessage(result.message);
      showRecipients(result);
      send.disabled = false;
    } catch (error) {
      if (load !== previews) return;
      recipients.replaceChildren();
      showFormError(form, error);
    }
  }

  function input(name, label, value, { area = false, options = null, max } = {}) {
    const id = `alert-${name}`;
    let control;
    if (options) {
      control = el('select', { id, name }, options.map(([code, text]) => el('option', { value: code, selected: code === value }, text)));
    } else if (area) {
      control = el('textarea', { id, name, rows: name === 'description' ? 6 : 3, maxlength: max }, value ?? '');
    } else {
      control = el('input', { type: 'text', id, name, value: value ?? '', maxlength: max });
    }
    control.dataset.field = name;
    fields[name] = control;
    return el('div', { class: 'zb-field' }, el('label', { for: id }, label), control);
  }

  function showMessage(m) {
    // What the user already changed stays: a new preview only fills in what was left alone.
    const kept = Object.fromEntries(Object.entries(fields).filter(([, c]) => c.dataset.edited).map(([k, c]) => [k, c.value]));
    message.replaceChildren(
      input('headline', 'Kop', kept.headline ?? m.headline, { max: 200 }),
      input('description', 'Bericht', kept.description ?? m.description, { area: true, max: 4000 }),
      input('instruction', 'Handelingsadvies', kept.instruction ?? m.instruction, { area: true, max: 2000 }),
      el('div', { class: 'zb-alert-form__row' },
        input('responseType', 'Soort advies', kept.responseType ?? m.responseType, { options: RESPONSES }),
        input('severity', 'Ernst', kept.severity ?? m.severity, { options: SEVERITIES })),
      el('p', { class: 'zb-alert-form__area' }, `Gebied: ${m.areaDesc}`));
    Object.entries(fields).forEach(([name, control]) => {
      if (kept[name] !== undefined) control.dataset.edited = 'true';
      control.addEventListener('input', () => { control.dataset.edited = 'true'; });
    });
  }

  function showRecipients(result) {
    const c = result.counts;
    recipients.replaceChildren(
      el('h3', {}, `Ontvangers: ${formatCount(c.recipients)}`, el('span', { class: 'zb-alert-form__counts' },
        ` (${formatCount(c.connected)} aangesloten, ${formatCount(c.notConnected)} niet aangesloten: die komen op de belronde)`)),
      el('ul', { class: 'zb-alert-form__list' }, result.recipients.map((r) => el('li', { dataset: { institution: r.id } },
        el('span', {}, r.name), ' ', el('span', { class: `zb-tag ${r.connected ? 'zb-tag--ok' : 'zb-tag--call'}` },
          r.connected ? 'aangesloten' : 'niet aangesloten')))));
  }

  form.addEventListener('change', (e) => {
    if (e.target.name === 'audience' || e.target.name === 'zone' || e.target.name === 'types') preview();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    send.disabled = true;
    clearFormErrors(form);
    const body = { audience: audienceBody() };
    for (const [name, control] of Object.entries(fields)) body[name] = control.value;
    try {
      const detail = await sendAlert(incidentId, body);
      close();
      showToast(`Alarm verzonden aan ${formatCount(detail.alert.counts.recipients)} instellingen`);
      onSent(detail);
    } catch (error) {
      send.disabled = false;
      showFormError(form, error);
    }
  });
  preview();
}

// "Waarschuwingsafstand": an institution's coordinator chooses how near which hazards may come before
// the institution is warned (PUT /api/institutions/{id}/warning-setting).
//
// API
//   openWarningSetting(institutionId)
import { openDialog } from '../dialog.js';
import { el } from '../dom.js';
import { clearFormErrors, showFormError } from '../incident/errors.js';
import { showToast } from '../toast.js';
import { fetchWarningSetting, removeWarningSetting, saveWarningSetting } from './alerts-api.js';

const KINDS = [['incidentlocatie', 'Incidentlocatie'], ['incidentgebied', 'Incidentgebied'], ['effectgebied', 'Effectgebieden en pluimzones']];

export async function openWarningSetting(institutionId) {
  const setting = await fetchWarningSetting(institutionId);
  const form = el('form', { class: 'zb-form', id: 'warning-setting-form', novalidate: true });
  const distance = el('input', { type: 'number', id: 'warning-distance', name: 'distance', min: 1, max: 50000, step: 100,
    value: setting.distance ?? 2000, 'data-field': 'distance' });
  const kinds = el('fieldset', { class: 'zb-field', 'data-field': 'hazardKinds', tabindex: '-1' }, el('legend', {}, 'Welke gevaren tellen'),
    KINDS.map(([code, label]) => el('label', { class: 'zb-alert-form__choice' }, el('input', {
      type: 'checkbox', name: 'hazardKinds', value: code,
      checked: setting.version === 0 ? code !== 'incidentlocatie' : setting.hazardKinds.includes(code),
    }), ` ${label}`)));
  const off = setting.version > 0 ? el('button', { type: 'button', class: 'zb-button', id: 'warning-off' }, 'Uitzetten') : null;
  form.append(
    el('p', {}, setting.version > 0 ? `Ingesteld door ${setting.author}.` : 'Er is nog geen waarschuwingsafstand ingesteld.'),
    el('div', { class: 'zb-field' }, el('label', { for: 'warning-distance' }, 'Waarschuw mij als een gevaar binnen (meter) komt'), distance),
    kinds, el('p', { class: 'zb-form__message' }),
    el('div', { class: 'zb-form__buttons' }, el('button', { type: 'submit', class: 'zb-button zb-button--primary', id: 'warning-save' }, 'Opslaan'), off));
  const { close } = openDialog({ id: 'warning-setting-dialog', title: 'Waarschuwingsafstand' }, form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFormErrors(form);
    const body = { distance: Number(distance.value), hazardKinds: [...form.querySelectorAll('input[name="hazardKinds"]:checked')].map((i) => i.value) };
    try {
      await saveWarningSetting(institutionId, body, setting.version);
      close();
      showToast(`Waarschuwingsafstand opgeslagen: ${body.distance} m`);
    } catch (error) {
      showFormError(form, error);
    }
  });
  off?.addEventListener('click', async () => {
    try {
      await removeWarningSetting(institutionId, setting.version);
      close();
      showToast('Waarschuwingsafstand uitgezet');
    } catch (error) {
      showFormError(form, error);
    }
  });
}

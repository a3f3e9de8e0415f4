// The information coordinator's status form: one dialog, large targets, the last report's values
// filled in, "Ongewijzigd bevestigen" in one click, Enter sends. An empty field is sent as not
// reported (unknown), never as 0. The server's error appears next to the field it names.
import { el } from '../dom.js';
import { mayReportStatus } from '../rights.js';
import { ApiError } from '../send.js';
import { showToast } from '../toast.js';
import { clearFormErrors, showFormError } from '../incident/errors.js';
import { confirmUnchanged, fetchCurrent, sendReport, words } from './status-api.js';
import { ageWords } from './status-view.js';

let sequence = 0;

/** Opens the form for institution `id`; resolves with the stored item, or null when closed. */
export async function openStatusForm(id) {
  let w;
  let current;
  try {
    [w, current] = await Promise.all([words(), fetchCurrent(id)]);
  } catch (error) {
    // An institution the user cannot see (404) or a server that cannot be reached.
    showToast(`Het statusformulier kon niet worden geopend: ${error.message}`, { tone: 'warning' });
    return null;
  }
  // Reached by #status=<id> too: the server would refuse the report, so the form is not offered.
  if (!mayReportStatus(current.institution)) {
    showToast(`U mag de status van ${current.institution.name} niet melden: dat doet de eigen informatiecoördinator`
      + ' of de Hoofd Informatie van de regio.', { tone: 'warning' });
    return null;
  }
  const report = current.report ?? null;
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'zb-dialog zb-dialog--wide zb-status-form', id: 'status-form', 'aria-labelledby': 'status-form-title' });
    const finish = (item) => {
      dialog.close();
      dialog.remove();
      resolve(item);
    };
    const node = el('form', { class: 'zb-form', novalidate: true, 'aria-label': 'Statusmelding' },
      el('div', { class: 'zb-dialog__head' },
        el('h2', { id: 'status-form-title' }, `Status melden: ${current.institution.name}`),
        el('button', { type: 'button', class: 'zb-button', onclick: () => finish(null) }, 'Sluiten')),
      report ? el('div', { class: 'zb-status-form__confirm' },
        el('p', {}, `Laatste melding `, ageWords(current), '.'),
        el('button', { type: 'button', class: 'zb-button zb-button--primary zb-button--large', id: 'status-confirm' }, 'Ongewijzigd bevestigen'))
        : el('p', {}, 'Nog geen eerdere melding. Vul in wat u weet; lege velden gelden als onbekend.'),
      choice('Status instelling', 'operationalStatus', w.operationalStatuses, report?.operationalStatus),
      choice('SEH', 'emergencyDepartment.status', w.emergencyDepartmentStatuses, report?.emergencyDepartment.status),
      text('Reden (SEH)', 'emergencyDepartment.reason', report?.emergencyDepartment.reason, w.limits.reason),
      bedsTable(w, report?.beds ?? {}),
      numbers('Opgevangen slachtoffers', 'received', w.triageClasses, report?.received ?? {}),
      el('div', { class: 'zb-status-form__row' },
        select('Decontaminatie', 'decontamination.status', w.decontaminationStatuses, report?.decontamination.status),
        number('Per uur', 'decontamination.capacityPerHour', report?.decontamination.capacityPerHour),
        select('Personeel', 'staffing', w.staffingLevels, report?.staffing)),
      el('fieldset', { class: 'zb-status-form__group' }, el('legend', {}, 'Knelpunten continuïteit'),
        el('div', { class: 'zb-status-form__row' },
          w.continuityAreas.map((a) => select(a.label, `continuity.${a.key}`, w.continuityLevels, report?.continuity[a.key])))),
      text('Behoeften', 'needs', report?.needs, w.limits.needs, true),
      text('Toelichting', 'remarks', report?.remarks, w.limits.remarks, true),
      el('div', { class: 'zb-form__message', 'aria-live': 'polite' }),
      el('div', { class: 'zb-form__buttons' },
        el('button', { type: 'submit', class: 'zb-button zb-button--primary zb-button--large' }, 'Melding versturen')));

    const act = async (work) => {
      clearFormErrors(node);
      node.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      try {
        finish(await work());
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        showFormError(node, error);
      } finally {
        node.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      }
    };
    node.addEventListener('submit', (e) => {
      e.preventDefault();
      act(() => sendReport(id, body(node), current.report?.version ?? 0));
    });
    node.querySelector('#status-confirm')?.addEventListener('click', () => act(() => confirmUnchanged(id, report.version)));
    node.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && e.target.tagName === 'TEXTAREA' && !e.shiftKey) {
        e.preventDefault();
        node.requestSubmit();
      }
    });
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(null);
    });
    dialog.append(node);
    document.body.append(dialog);
    dialog.showModal();
  });
}

const nextId = () => `zb-status-${++sequence}`;

/** Large radio buttons for a status, with "Onbekend" to clear it. */
function choice(title, name, options, value) {
  return el('fieldset', { class: 'zb-choice', 'data-field': name }, el('legend', {}, title),
    [...options, { code: '', label: 'Onbekend' }].map((o) => {
      const id = nextId();
      return el('span', { class: `zb-choice__option zb-choice__option--${o.code || 'onbekend'}` },
        el('input', { type: 'radio', id, name, value: o.code, checked: (value ?? '') === o.code }),
        el('label', { for: id }, o.label));
    }));
}

function select(title, name, options, value) {
  const id = nextId();
  return el('div', { class: 'zb-field' }, el('label', { for: id }, title),
    el('select', { id, name, 'data-field': name }, el('option', { value: '' }, 'Onbekend'),
      options.map((o) => el('option', { value: o.code, selected: o.code === value }, o.label))));
}

function number(title, name, value) {
  const id = nextId();
  return el('div', { class: 'zb-field' }, el('label', { for: id }, title),
    el('input', { id, name, 'data-field': name, type: 'number', min: 0, step: 1, inputmode: 'numeric', value: value ?? '' }));
}

function text(title, name, value, max, multiline = false) {
  const id = nextId();
  const attrs = { id, name, 'data-field': name, maxlength: max };
  return el('div', { class: 'zb-field' }, el('label', { for: id }, title),
    multiline ? el('textarea', { ...attrs, rows: 2 }, value ?? '') : el('input', { ...attrs, type: 'text', value: value ?? '' }));
}

function bedsTable(w, beds) {
  const cell = (type, part, title) => {
    const name = `beds.${type.code}.${part}`;
    return el('td', {}, el('div', { class: 'zb-field' }, el('input', { name, 'data-field': name, type: 'number', min: 0, step: 1,
      inputmode: 'numeric', 'aria-label': `${type.label}: ${title}`, value: beds[type.code]?.[part] ?? '' })));
  };
  return el('fieldset', { class: 'zb-status-form__group' }, el('legend', {}, 'Bedden'),
    el('table', { class: 'zb-status-form__beds' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Type'), el('th', { scope: 'col' }, 'Vrij'), el('th', { scope: 'col' }, 'Totaal'))),
      el('tbody', {}, w.bedTypes.map((t) => el('tr', {}, el('th', { scope: 'row' }, t.label), cell(t, 'available', 'vrij'), cell(t, 'total', 'totaal'))))));
}

function numbers(title, prefix, classes, values) {
  return el('fieldset', { class: 'zb-status-form__group' }, el('legend', {}, title),
    el('div', { class: 'zb-status-form__row' }, classes.map((c) => number(c.label, `${prefix}.${c.key}`, values[c.key]))));
}

/** The JSON body: nested by the dotted names; empty fields left out (unknown). */
function body(node) {
  const result = {};
  const put = (name, value) => {
    const parts = name.split('.');
    let target = result;
    parts.slice(0, -1).forEach((p) => { target = target[p] ??= {}; });
    target[parts.at(-1)] = value;
  };
  node.querySelectorAll('input[type="radio"]:checked').forEach((r) => { if (r.value) put(r.name, r.value); });
  node.querySelectorAll('select, input[type="text"], textarea').forEach((f) => { if (f.value.trim()) put(f.name, f.value.trim()); });
  node.querySelectorAll('input[type="number"]').forEach((f) => {
    if (f.value.trim() === '') return;
    const n = Number(f.value);
    put(f.name, Number.isFinite(n) ? n : f.value);
  });
  return result;
}

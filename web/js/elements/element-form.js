// The form for a picture element's properties, shown over the map next to the drawn shape. Enter
// saves, Escape cancels; what the server refuses appears in Dutch next to the field it concerns.
import { el } from '../dom.js';
import { formatDecimal } from '../format.js';
import { ApiError } from '../incident/api.js';
import { fieldsOf, FIELDS } from './element-fields.js';
import { explain } from './problems.js';

function countVertices(geometry) {
  if (geometry.type.endsWith('Polygon')) {
    const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat(1);
    // A closed ring repeats its first position; people count corners.
    return rings.reduce((n, ring) => n + ring.length - 1, 0);
  }
  return geometry.type.startsWith('Multi') && geometry.type !== 'MultiPoint' ? geometry.coordinates.flat(1).length
    : geometry.type === 'Point' ? 1 : geometry.coordinates.length;
}

/** "Vlak met 5 hoekpunten", "Punt op 52,0912° NB, 5,1214° OL". */
export function describeGeometry(geometry) {
  if (geometry.type === 'Point') {
    const [lon, lat] = geometry.coordinates;
    return `Punt op ${formatDecimal(lat, 4)}° NB, ${formatDecimal(lon, 4)}° OL`;
  }
  const n = countVertices(geometry);
  if (geometry.type.endsWith('LineString')) return `Lijn met ${n} punten`;
  if (geometry.type.endsWith('Polygon')) return `Vlak met ${n} hoekpunten`;
  return `${n} punten`;
}

function control(name, spec, value) {
  const id = `element-${name}`;
  const attrs = { id, name, 'aria-describedby': spec.hint ? `${id}-hint ${id}-error` : `${id}-error`, 'aria-required': spec.required ? 'true' : null };
  if (spec.type === 'select') {
    return el('select', attrs, el('option', { value: '' }, '— kies —'),
      spec.options().map((o) => el('option', { value: o.code, selected: o.code === value }, o.text)));
  }
  if (spec.type === 'textarea') return el('textarea', { ...attrs, rows: '2', maxlength: String(spec.max) }, spec.write(value));
  return el('input', { ...attrs, type: spec.type, value: spec.write(value), maxlength: spec.max && String(spec.max), inputmode: spec.inputmode });
}

function fieldRow(name, value) {
  const spec = FIELDS[name];
  const input = control(name, spec, value);
  const error = el('p', { class: 'zb-form__error', id: `${input.id}-error`, hidden: true });
  const row = el('div', { class: 'zb-field', dataset: { field: name } },
    el('label', { for: input.id }, spec.label, spec.required && el('span', { class: 'zb-field__required' }, ' (verplicht)')),
    input,
    spec.hint && el('p', { class: 'zb-field__hint', id: `${input.id}-hint` }, spec.hint),
    error);
  return { name, spec, input, error, row };
}

/**
 * Pans the map so that `latlng` is not hidden behind the form: beside it on a wide screen (the form
 * along the left edge), above it on a narrow one (the form along the bottom).
 */
export function panClearOf(map, form, latlng) {
  const mapBox = map.getContainer().getBoundingClientRect();
  const box = form.getBoundingClientRect();
  const beside = box.right - mapBox.left + 16;
  const above = mapBox.bottom - box.top + 16;
  map.panInside(latlng, mapBox.width - beside >= mapBox.height - above
    ? { paddingTopLeft: [beside, 16] } : { paddingBottomRight: [16, above] });
}

/**
 * @param options {container, kind, title, properties, geometry, onSave(properties, repair), onCancel}
 *   onSave resolves when stored (the form closes) or rejects with an ApiError (shown in the form)
 * @returns {element, close(), setGeometry(geometry)}
 */
export function openElementForm({ container, kind, title, properties = {}, geometry, onSave, onCancel }) {
  const fields = fieldsOf(kind).map((name) => fieldRow(name, properties[name]));
  const shape = el('p', { class: 'zb-element-form__shape', id: 'element-geometry' });
  const shapeError = el('p', { class: 'zb-form__error', id: 'element-geometry-error', hidden: true });
  const repair = el('button', { type: 'button', class: 'zb-button', id: 'element-repair', hidden: true }, 'Vorm automatisch herstellen');
  const general = el('p', { class: 'zb-form__error', id: 'element-form-error', role: 'alert', hidden: true });
  const save = el('button', { type: 'submit', class: 'zb-button zb-button--primary', id: 'element-save' }, 'Opslaan');
  const cancel = el('button', { type: 'button', class: 'zb-button', id: 'element-cancel' }, 'Annuleren');
  const form = el('form', { class: 'zb-element-form', id: 'element-form', role: 'dialog', 'aria-labelledby': 'element-form-title', novalidate: true },
    el('h2', { id: 'element-form-title' }, title),
    el('div', { class: 'zb-field', dataset: { field: 'geometry' } }, el('span', { class: 'zb-field__label' }, 'Vorm'), shape, shapeError, repair),
    fields.map((f) => f.row),
    general,
    el('div', { class: 'zb-form__buttons' }, save, cancel,
      el('span', { class: 'zb-form__keys' }, 'Enter slaat op, Esc annuleert')));

  const errors = [...fields, { name: 'geometry', input: null, error: shapeError }];
  const clearErrors = () => {
    errors.forEach((f) => { f.error.hidden = true; f.error.textContent = ''; f.input?.removeAttribute('aria-invalid'); });
    general.hidden = true;
    repair.hidden = true;
  };
  const showProblem = (problem) => {
    const { field, message, repairable } = problem instanceof ApiError ? explain(problem)
      : { field: null, message: `Er ging iets mis: ${problem.message}` };
    const target = errors.find((f) => f.name === field);
    const slot = target ? target.error : general;
    slot.textContent = message;
    slot.hidden = false;
    repair.hidden = !repairable;
    if (target?.input) {
      target.input.setAttribute('aria-invalid', 'true');
      target.input.focus();
    } else {
      (repairable ? repair : save).focus();
    }
  };

  let busy = false;
  const submit = async (withRepair) => {
    if (busy) return;
    busy = true;
    clearErrors();
    save.disabled = true;
    save.textContent = 'Opslaan…';
    const values = {};
    for (const f of fields) {
      const v = f.spec.read(f.input.value);
      if (v != null) values[f.name] = v;
    }
    try {
      await onSave(values, withRepair);
      close();
    } catch (problem) {
      showProblem(problem);
    } finally {
      busy = false;
      save.disabled = false;
      save.textContent = 'Opslaan';
    }
  };

  function close() {
    form.remove();
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(false);
  });
  repair.addEventListener('click', () => submit(true));
  cancel.addEventListener('click', () => onCancel());
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && !e.shiftKey && (e.target.tagName === 'TEXTAREA' || e.target.tagName === 'SELECT')) {
      // A textarea would take Enter as a new line and a select ignores it: here Enter saves (Shift+Enter: new line).
      e.preventDefault();
      form.requestSubmit();
    }
  });
  const setGeometry = (g) => { shape.textContent = describeGeometry(g); };
  setGeometry(geometry);
  container.append(form);
  fields[0].input.focus();
  return { element: form, close, setGeometry };
}

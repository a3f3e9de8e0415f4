// Small form builders shared by the incident UI: labelled fields, save/cancel buttons, and one
// submit routine (Enter saves, Shift+Enter is a new line in a text area, Escape cancels; the
// server's error appears next to its field).
import { el } from '../dom.js';
import { ApiError } from './api.js';
import { clearFormErrors, showFormError } from './errors.js';

let sequence = 0;
const nextId = (name) => `zb-${name}-${++sequence}`;

/** A labelled text input or text area; `name` is the API field, so server errors land here. */
export function textField({ label, name, value = '', max, required = false, multiline = false, type = 'text', hint }) {
  const id = nextId(name);
  const attrs = { id, name, 'data-field': name, maxlength: max, required, 'aria-required': required ? 'true' : null };
  const input = multiline
    ? el('textarea', { ...attrs, rows: 3 }, value)
    : el('input', { ...attrs, type, value });
  const counter = max && multiline ? el('span', { class: 'zb-field__count', 'aria-hidden': 'true' }) : null;
  if (counter) {
    const update = () => { counter.textContent = `${[...input.value].length}/${max}`; };
    input.addEventListener('input', update);
    update();
  }
  return el('div', { class: 'zb-field' },
    el('label', { for: id }, label, required ? el('span', { class: 'zb-field__required', 'aria-hidden': 'true' }, ' *') : null),
    input, counter, hint ? el('span', { class: 'zb-field__hint' }, hint) : null);
}

/** A labelled select of {code, text} options. */
export function selectField({ label, name, options, value, blank }) {
  const id = nextId(name);
  const select = el('select', { id, name, 'data-field': name },
    blank ? el('option', { value: '' }, blank) : null,
    options.map((o) => el('option', { value: o.code, selected: o.code === value }, o.text)));
  return el('div', { class: 'zb-field' }, el('label', { for: id }, label), select);
}

export function checkboxField({ label, name, checked = false }) {
  const id = nextId(name);
  return el('div', { class: 'zb-field zb-field--check' },
    el('input', { id, name, type: 'checkbox', 'data-field': name, checked }), el('label', { for: id }, label));
}

export function buttons(saveText, onCancel) {
  return el('div', { class: 'zb-form__buttons' },
    el('button', { type: 'submit', class: 'zb-button zb-button--primary' }, saveText),
    onCancel ? el('button', { type: 'button', class: 'zb-button', onclick: onCancel }, 'Annuleren') : null);
}

/**
 * Builds a form whose submit runs `save(values)`; values are the trimmed field values by name
 * (checkboxes as booleans). An ApiError is shown next to its field; `onCancel` runs on Escape.
 */
export function form({ className = '', label, children, save, onCancel }) {
  const node = el('form', { class: `zb-form ${className}`, 'aria-label': label, novalidate: true },
    children, el('div', { class: 'zb-form__message', 'aria-live': 'polite' }));
  node.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && !e.shiftKey && e.target.tagName === 'TEXTAREA') {
      e.preventDefault();
      node.requestSubmit();
    }
  });
  node.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFormErrors(node);
    const missing = [...node.querySelectorAll('[required]')].find((f) => !f.value.trim());
    if (missing) {
      showFormError(node, new ApiError(400, { where: missing.dataset.field, detail: `${missing.name} is required` }));
      return;
    }
    const submit = node.querySelector('[type="submit"]');
    submit.disabled = true;
    try {
      await save(values(node));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showFormError(node, error);
    } finally {
      submit.disabled = false;
    }
  });
  return node;
}

function values(node) {
  const result = {};
  node.querySelectorAll('[name]').forEach((f) => {
    result[f.name] = f.type === 'checkbox' ? f.checked : f.value.trim();
  });
  return result;
}

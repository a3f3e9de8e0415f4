// The Tijdlijn tab: decisions and actions, information questions, and every change to the
// incident, newest first. Each list can be added to and updated (unless looking at the past).
import { el } from '../dom.js';
import { formatDateTime } from '../format.js';
import { patch, post } from './api.js';
import { timeOf } from './badges.js';
import { dutchMessage } from './errors.js';
import { buttons, form, selectField, textField } from './forms.js';
import { fromLocalInput } from './time.js';
import { actionLabel, describeChange, label, options } from './words.js';
import { itemMarks, markItemButton } from './regie.js';

/** @param ctx {view, events, checks (regie checks, marked on decisions and questions), readOnly, reload} */
export function renderTimeline(container, ctx) {
  const evaluatedAt = new Date(ctx.view.evaluatedAt);
  const incidentId = ctx.view.incident.id;
  container.replaceChildren(
    block('Besluiten en acties', 'zb-decisions', ctx.view.decisions.map((d) => decisionItem(incidentId, d, evaluatedAt, ctx)),
      'Nog geen besluiten of acties.', ctx.readOnly ? null : addButton('Besluit of actie toevoegen', (close) => decisionForm(incidentId, ctx, close))),
    block('Informatievragen', 'zb-questions', sortQuestions(ctx.view.questions).map((q) => questionItem(incidentId, q, evaluatedAt, ctx)),
      'Nog geen informatievragen.', ctx.readOnly ? null : addButton('Informatievraag stellen', (close) => questionForm(incidentId, ctx, close))),
    block('Wijzigingen', 'zb-changes', ctx.events.map((e) => changeItem(e, evaluatedAt)), 'Nog geen wijzigingen.', null));
}

function block(title, className, items, empty, action) {
  const id = `${className}-title`;
  return el('section', { class: `zb-block ${className}`, 'aria-labelledby': id },
    el('h3', { id }, title), action, items.length ? el('ul', { class: 'zb-entries' }, items) : el('p', { class: 'zb-empty' }, empty));
}

/** A button that swaps itself for the form `make(close)` builds, and back when it closes. */
function addButton(text, make) {
  const button = el('button', { type: 'button', class: 'zb-button zb-button--small' }, text);
  button.addEventListener('click', () => {
    const close = () => { node.replaceWith(button); button.focus(); };
    const node = make(close);
    button.replaceWith(node);
    node.querySelector('input, textarea, select').focus();
  });
  return button;
}

const sortQuestions = (questions) => [...questions].sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1));

function decisionItem(incidentId, d, evaluatedAt, ctx) {
  const status = ctx.readOnly
    ? el('span', { class: `zb-tag zb-tag--${d.status}` }, label('decisionStatuses', d.status))
    : el('select', {
      'aria-label': `Status van: ${d.description}`,
      onchange: (e) => changeStatus(e.target, `/api/incidents/${incidentId}/decisions/${d.id}`, d, ctx),
    }, options('decisionStatuses').map((o) => el('option', { value: o.code, selected: o.code === d.status }, o.text)));
  return el('li', { class: `zb-entry zb-entry--${d.kind}` },
    el('p', {}, el('span', { class: 'zb-tag' }, label('decisionKinds', d.kind)), ' ', d.description),
    el('p', { class: 'zb-entry__meta' }, `Eigenaar: ${d.owner}`,
      d.deadline ? [' · deadline ', el('time', { datetime: d.deadline }, formatDateTime(new Date(d.deadline)))] : null,
      ' · ', timeOf(d.updatedAt, evaluatedAt)),
    el('div', { class: 'zb-entry__status' }, status, markItemButton({ type: 'entry', id: `decisions/${d.id}` }, `Markeren: ${d.description}`, ctx)),
    itemMarks({ type: 'entry', id: `decisions/${d.id}` }, ctx));
}

function questionItem(incidentId, q, evaluatedAt, ctx) {
  const item = el('li', { class: `zb-entry zb-entry--question zb-entry--${q.status}` },
    el('p', {}, el('span', { class: `zb-tag zb-tag--${q.status}` }, label('questionStatuses', q.status)), ' ', q.question),
    el('p', { class: 'zb-entry__meta' }, `Gericht aan: ${q.addressee} · gesteld door ${q.author} (${q.organisation}) · `, timeOf(q.createdAt, evaluatedAt)),
    q.answer ? el('p', { class: 'zb-entry__answer' }, el('strong', {}, 'Antwoord: '), q.answer) : null,
    itemMarks({ type: 'entry', id: `questions/${q.id}` }, ctx), markItemButton({ type: 'entry', id: `questions/${q.id}` }, `Markeren: ${q.question}`, ctx));
  if (!ctx.readOnly && q.status === 'open') {
    item.append(addButton('Beantwoorden', (close) => form({
      label: 'Antwoord',
      children: [textField({ label: 'Antwoord', name: 'answer', max: 1000, required: true, multiline: true }), buttons('Antwoord opslaan', close)],
      save: async ({ answer }) => {
        await patch(`/api/incidents/${incidentId}/questions/${q.id}`, { answer }, q.version);
        ctx.reload();
      },
      onCancel: close,
    })));
  }
  return item;
}

function changeItem(event, evaluatedAt) {
  const details = event.details && event.action !== 'bullet.retracted'
    ? Object.entries(event.details).map(([field, change]) => el('li', {}, describeChange(field, change)))
    : [];
  return el('li', { class: 'zb-entry zb-entry--change' },
    el('p', {}, timeOf(event.occurredAt, evaluatedAt), ' ', el('strong', {}, actionLabel(event.action)), event.summary ? `: ${event.summary}` : ''),
    details.length ? el('ul', { class: 'zb-entry__changes' }, details) : null,
    event.details?.reason ? el('p', { class: 'zb-entry__meta' }, `Reden: ${event.details.reason}`) : null,
    el('p', { class: 'zb-entry__meta' }, `${event.actor.author} (${event.actor.organisation})`));
}

function decisionForm(incidentId, ctx, close) {
  return form({
    label: 'Besluit of actie',
    children: [
      selectField({ label: 'Soort', name: 'kind', options: options('decisionKinds'), value: 'besluit' }),
      textField({ label: 'Omschrijving', name: 'description', max: 1000, required: true, multiline: true }),
      textField({ label: 'Eigenaar', name: 'owner', max: 200, required: true }),
      textField({ label: 'Deadline', name: 'deadline', type: 'datetime-local' }),
      buttons('Opslaan', close),
    ],
    save: async (v) => {
      const deadline = fromLocalInput(v.deadline);
      await post(`/api/incidents/${incidentId}/decisions`, {
        kind: v.kind, description: v.description, owner: v.owner, deadline: deadline ? deadline.toISOString() : null,
      });
      ctx.reload();
    },
    onCancel: close,
  });
}

function questionForm(incidentId, ctx, close) {
  return form({
    label: 'Informatievraag',
    children: [
      textField({ label: 'Vraag', name: 'question', max: 1000, required: true, multiline: true }),
      textField({ label: 'Gericht aan', name: 'addressee', max: 200, required: true, hint: 'Wie beantwoordt deze vraag?' }),
      buttons('Vraag stellen', close),
    ],
    save: async (v) => {
      await post(`/api/incidents/${incidentId}/questions`, { question: v.question, addressee: v.addressee });
      ctx.reload();
    },
    onCancel: close,
  });
}

/** Changes a decision's status from its select; after a lost update the select shows the current status. */
async function changeStatus(select, path, decision, ctx) {
  select.disabled = true;
  try {
    await patch(path, { status: select.value }, decision.version);
    ctx.reload();
  } catch (error) {
    select.disabled = false;
    if (error.status === 412 && error.current) {
      Object.assign(decision, { version: error.current.version, status: error.current.status });
      select.value = error.current.status;
    } else {
      select.value = decision.status;
    }
    select.after(el('p', { class: 'zb-form__error', role: 'alert' }, dutchMessage(error)));
  }
}

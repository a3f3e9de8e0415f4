// Casualty counts of a picture: the latest totals per triage class, their course over time, and a
// form for a new count (a correction is a newer count).
import { el } from '../dom.js';
import { formatCount } from '../format.js';
import { post } from './api.js';
import { certaintyTag, timeOf } from './badges.js';
import { buttons, form, selectField, textField } from './forms.js';
import { fromLocalInput, toLocalInput } from './time.js';
import { options } from './words.js';

const CLASSES = [['t1', 'T1'], ['t2', 'T2'], ['t3', 'T3'], ['dead', 'Dood'], ['unknown', 'Onbekend'], ['total', 'Totaal']];

export function casualtySection(picture, { incidentId, readOnly, evaluatedAt, reload }) {
  const { latest, course } = picture.casualties;
  const section = el('section', { class: 'zb-casualties', 'aria-labelledby': `zb-casualties-${picture.id}` },
    el('h3', { id: `zb-casualties-${picture.id}` }, 'Slachtoffers'));
  if (!latest) {
    section.append(el('p', { class: 'zb-empty' }, 'Nog geen telling.'));
  } else {
    section.append(
      countTable([latest], 'Laatste telling', evaluatedAt, false),
      el('p', { class: 'zb-casualties__meta' }, 'Geteld ', timeOf(latest.countedAt, evaluatedAt), ` · bron: ${latest.source} `,
        certaintyTag(latest.certainty)));
    if (course.length > 1) {
      section.append(el('details', { class: 'zb-casualties__course' },
        el('summary', {}, `Verloop (${course.length} tellingen)`), countTable(course, 'Verloop van de tellingen', evaluatedAt, true)));
    }
  }
  if (!readOnly) {
    const open = el('button', { type: 'button', class: 'zb-button zb-button--small' }, 'Telling toevoegen');
    open.addEventListener('click', () => {
      const countForm = newCountForm(picture, incidentId, {
        onSaved: reload,
        onCancel: () => { countForm.replaceWith(open); open.focus(); },
      });
      open.replaceWith(countForm);
      countForm.querySelector('input').focus();
    });
    section.append(open);
  }
  return section;
}

function countTable(counts, caption, evaluatedAt, withTime) {
  return el('table', { class: 'zb-count-table' },
    el('caption', { class: 'sr-only' }, caption),
    el('thead', {}, el('tr', {}, withTime ? el('th', { scope: 'col' }, 'Tijd') : null,
      CLASSES.map(([, text]) => el('th', { scope: 'col' }, text)))),
    el('tbody', {}, counts.map((c) => el('tr', {}, withTime ? el('td', {}, timeOf(c.countedAt, evaluatedAt)) : null,
      CLASSES.map(([key]) => el('td', {}, formatCount(c[key])))))));
}

function newCountForm(picture, incidentId, { onSaved, onCancel }) {
  return form({
    className: 'zb-form--count',
    label: 'Nieuwe telling',
    children: [
      el('div', { class: 'zb-form__row' }, CLASSES.slice(0, 5).map(([name, text]) =>
        textField({ label: text, name, type: 'number', value: '0' }))),
      textField({ label: 'Bron', name: 'source', max: 200, required: true }),
      selectField({ label: 'Zekerheid', name: 'certainty', options: options('certainties'), value: 'gevalideerd' }),
      textField({ label: 'Geteld om', name: 'countedAt', type: 'datetime-local', value: toLocalInput(new Date()) }),
      buttons('Telling opslaan', onCancel),
    ],
    save: async (v) => {
      const body = { pictureId: picture.id, source: v.source, certainty: v.certainty };
      for (const [name] of CLASSES.slice(0, 5)) body[name] = v[name] === '' ? 0 : Number(v[name]);
      const countedAt = fromLocalInput(v.countedAt);
      if (countedAt) body.countedAt = countedAt.toISOString();
      await post(`/api/incidents/${incidentId}/casualties`, body);
      onSaved();
    },
    onCancel,
  });
}

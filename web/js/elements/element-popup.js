// The popup of a picture element: what it is, who said so and how sure, and when; with "Wijzigen"
// and "Verwijderen" while the live picture of an open incident is shown.
import { el } from '../dom.js';
import { formatDateTime, formatDecimal, relativeAge } from '../format.js';
import { certaintyTag } from '../incident/badges.js';
import { label } from '../incident/words.js';
import { swatch } from './element-style.js';
import { describeKind } from './kinds.js';
import { plumeDetailsForElement } from '../plume/plume-popup.js';

function row(term, ...value) {
  return value.some((v) => v != null && v !== '') ? [el('dt', {}, term), el('dd', {}, ...value)] : [];
}

/** "4 min geleden (23 nov 2026 14:05)": the age first, as people ask "how old is this?". */
function when(iso) {
  const date = new Date(iso);
  return el('time', { datetime: iso }, `${relativeAge(date)} (${formatDateTime(date)})`);
}

const amount = (n) => (n == null ? null : formatDecimal(n, Number.isInteger(n) ? 0 : 2));

/**
 * @param feature  the element (GeoJSON Feature)
 * @param actions  {onEdit, onDelete} when it may be changed now, or null
 */
export function elementPopup(feature, actions) {
  const p = feature.properties;
  const occupancy = p.capacity != null || p.occupancy != null
    ? `${amount(p.occupancy) ?? '?'} van ${amount(p.capacity) ?? '?'} personen` : null;
  const measured = p.value != null
    ? [`${amount(p.value)} ${p.unit || ''}`.trim(), p.measuredAt && el('br'), p.measuredAt && when(p.measuredAt)] : [];
  return el('div', { class: 'zb-popup zb-element-popup', dataset: { kind: p.kind, element: feature.id } },
    el('h3', { class: 'zb-popup__name' }, p.label || describeKind(p)),
    el('p', { class: 'zb-popup__type' }, swatch(p), describeKind(p), certaintyTag(p.certainty)),
    p.description && el('p', { class: 'zb-element-popup__text' }, p.description),
    el('dl', {},
      row('Stof', p.substance),
      row('Meting', ...measured),
      row('Bezetting', occupancy),
      row('Voorzieningen', p.facilities),
      row('Bron', p.source),
      row('Zekerheid', label('certainties', p.certainty)),
      row('Door', `${p.author} (${p.organisation})`),
      row(p.version > 1 ? 'Gewijzigd' : 'Vastgelegd', when(p.validFrom), p.version > 1 && `, versie ${p.version}`)),
    p.kind === 'effectgebied' && plumeDetailsForElement(feature),
    actions && el('div', { class: 'zb-element-popup__actions' },
      el('button', { type: 'button', class: 'zb-button', onclick: actions.onEdit }, 'Wijzigen'),
      el('button', { type: 'button', class: 'zb-button zb-button--danger', onclick: actions.onDelete }, 'Verwijderen')));
}

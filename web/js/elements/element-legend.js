// The legend of the incident's picture: a row for every kind (and effect zone) on the map, and how
// information that is not validated looks. Hidden while the picture is empty.
import { el } from '../dom.js';
import { formatCount } from '../format.js';
import { isUncertain, swatch } from './element-style.js';
import { describeKind } from './kinds.js';

function uncertainSample() {
  const span = el('span', { class: 'zb-element-swatch', 'aria-hidden': 'true' });
  span.innerHTML = '<svg width="22" height="14" viewBox="0 0 22 14"><rect x="2" y="2" width="18" height="10" fill="none"'
    + ` stroke="#4a5561" stroke-width="2.5" stroke-dasharray="0.5 4" stroke-linecap="round"/></svg>`;
  return span;
}

export const ElementLegend = L.Control.extend({
  options: { position: 'bottomright' },

  onAdd() {
    this._list = el('ul', { class: 'zb-legend__list' });
    this._note = el('p', { class: 'zb-legend__note', hidden: true });
    this._container = el('section', { class: 'zb-legend zb-element-legend', id: 'element-legend', 'aria-labelledby': 'element-legend-title', hidden: true },
      el('h2', { id: 'element-legend-title', class: 'zb-legend__title' }, 'Incident'), this._list, this._note);
    L.DomEvent.disableClickPropagation(this._container);
    return this._container;
  },

  /** @param features the elements on the map, in drawing order */
  update(features) {
    const rows = new Map();
    for (const { properties: p } of features) {
      const key = describeKind(p);
      const row = rows.get(key) || { properties: p, count: 0 };
      row.count += 1;
      rows.set(key, row);
    }
    // Drawing order is bottom-up; a legend reads top-down, most severe first.
    this._list.replaceChildren(...[...rows].reverse().map(([label, { properties, count }]) =>
      el('li', { class: 'zb-legend__row', dataset: { kind: properties.kind, zone: properties.zone } },
        swatch(properties), el('span', { class: 'zb-legend__label' }, label),
        el('span', { class: 'zb-legend__count' }, formatCount(count)))));
    const uncertain = features.some((f) => isUncertain(f.properties));
    this._note.replaceChildren(el('span', { class: 'zb-legend__sample' }, uncertainSample(),
      el('span', { class: 'zb-element-legend__badge', 'aria-hidden': 'true' }, '?'), 'niet gevalideerd (aanname, vermoeden, gerucht, mening)'));
    this._note.hidden = !uncertain;
    this._container.hidden = features.length === 0;
  },
});

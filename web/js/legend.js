// The always-visible legend: every institution type with its shape, colour and count, and what a
// hollow marker means.
import { el } from './dom.js';
import { formatCount } from './format.js';
import { markerIcon } from './shapes.js';

/** "VVT (verpleeg- en verzorgingshuis, thuiszorg)" becomes "VVT": the legend must stay small. */
const shortLabel = (label) => label.replace(/\s*\(.*\)$/, '');

export const LegendControl = L.Control.extend({
  options: { position: 'bottomright' },

  /** @param entries [{type, count}] from institutionLayers */
  initialize(entries, options) {
    L.setOptions(this, options);
    this._entries = entries;
  },

  onAdd() {
    const rows = this._entries.map(({ type, count }) =>
      el('li', { class: count ? 'zb-legend__row' : 'zb-legend__row zb-legend__row--empty', dataset: { type: type.code, count } },
        markerIcon(type.shape, type.color),
        el('span', { class: 'zb-legend__label', title: type.label }, shortLabel(type.label)),
        el('span', { class: 'zb-legend__count' }, formatCount(count))));
    const sample = this._entries.find((e) => e.count) || this._entries[0];
    const container = el('section', { class: 'zb-legend', id: 'legend', 'aria-labelledby': 'legend-title' },
      el('h2', { id: 'legend-title', class: 'zb-legend__title' }, 'Zorginstellingen'),
      el('ul', { class: 'zb-legend__list' }, rows),
      sample && el('p', { class: 'zb-legend__note' },
        el('span', { class: 'zb-legend__sample' }, markerIcon(sample.type.shape, sample.type.color, false, 16), 'aangesloten'),
        el('span', { class: 'zb-legend__sample' }, markerIcon(sample.type.shape, sample.type.color, true, 16), 'niet aangesloten')));
    L.DomEvent.disableClickPropagation(container);
    L.DomEvent.disableScrollPropagation(container);
    return container;
  },
});

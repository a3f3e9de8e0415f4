// The layer control, grouped as the field expects (Incident, Referentie, Analyse, Achtergrond).
// Groups without layers show why they are empty; a collection (the institution types) has one
// switch for all and a fold-out list per type.
import { el } from './dom.js';
import { formatCount } from './format.js';

let uid = 0;

function layerSwitch(map, { id, label, layer, count, swatch }, onChange) {
  const input = el('input', { type: 'checkbox', id: `layer-${id}`, dataset: { layer: id } });
  input.checked = map.hasLayer(layer);
  input.addEventListener('change', () => {
    if (input.checked) map.addLayer(layer);
    else map.removeLayer(layer);
    onChange?.();
  });
  return el('li', {},
    el('label', { for: input.id, class: 'zb-layers__item' }, input, swatch, el('span', {}, label),
      count != null && el('span', { class: 'zb-layers__count' }, formatCount(count))));
}

export const LayerControl = L.Control.extend({
  options: { position: 'topright', expanded: true },

  /** @param groups [{id, title, empty?}]: a group without `empty` stays hidden until it has a layer */
  initialize(groups, options) {
    L.setOptions(this, options);
    this._groups = groups;
    this._lists = new Map();
  },

  onAdd(map) {
    this._map = map;
    const bodyId = `layers-body-${++uid}`;
    const fieldsets = this._groups.map(({ id, title, empty }) => {
      const list = el('ul', { class: 'zb-layers__list' });
      const fieldset = el('fieldset', { class: 'zb-layers__group', dataset: { group: id }, hidden: !empty },
        el('legend', {}, title), list, empty && el('p', { class: 'zb-layers__empty' }, empty));
      this._lists.set(id, { list, fieldset });
      return fieldset;
    });
    const body = el('div', { class: 'zb-layers__body', id: bodyId, hidden: !this.options.expanded }, fieldsets);
    const toggle = el('button', {
      type: 'button', class: 'zb-layers__toggle', 'aria-controls': bodyId, 'aria-expanded': String(this.options.expanded),
    }, 'Lagen');
    toggle.addEventListener('click', () => {
      body.hidden = !body.hidden;
      toggle.setAttribute('aria-expanded', String(!body.hidden));
    });
    const container = el('section', { class: 'zb-layers', id: 'layer-control', 'aria-label': 'Kaartlagen' }, toggle, body);
    L.DomEvent.disableClickPropagation(container);
    L.DomEvent.disableScrollPropagation(container);
    return container;
  },

  /** @param entry {id, label, layer, count?, swatch?} */
  addLayer(groupId, entry) {
    this._append(groupId, layerSwitch(this._map, entry));
    return this;
  },

  /** A switch for several layers at once, with the individual layers folded out beneath it. */
  addCollection(groupId, { id, label, entries }) {
    const all = el('input', { type: 'checkbox', id: `layer-${id}`, dataset: { layer: id } });
    const items = el('ul', { class: 'zb-layers__list zb-layers__list--nested' });
    const sync = () => {
      const on = entries.filter((e) => this._map.hasLayer(e.layer)).length;
      all.checked = on === entries.length;
      all.indeterminate = on > 0 && on < entries.length;
    };
    entries.forEach((entry) => items.append(layerSwitch(this._map, entry, sync)));
    all.addEventListener('change', () => {
      entries.forEach((e) => (all.checked ? this._map.addLayer(e.layer) : this._map.removeLayer(e.layer)));
      items.querySelectorAll('input').forEach((input) => { input.checked = all.checked; });
    });
    sync();
    const total = entries.reduce((n, e) => n + (e.count || 0), 0);
    this._append(groupId, el('li', {},
      el('label', { for: all.id, class: 'zb-layers__item' }, all, el('span', {}, label),
        el('span', { class: 'zb-layers__count' }, formatCount(total))),
      el('details', { class: 'zb-layers__details' }, el('summary', {}, 'Per type'), items)));
    return this;
  },

  _append(groupId, item) {
    const { list, fieldset } = this._lists.get(groupId);
    list.append(item);
    fieldset.hidden = false;
    fieldset.querySelector('.zb-layers__empty')?.remove();
  },
});

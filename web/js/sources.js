// Where the map's data comes from: the attribution on the map, the demo-data notice, and the list
// of reference sources in the Beeld tab.
import { el } from './dom.js';
import { formatCount, formatDateTime, relativeAge } from './format.js';

const LAYER_NAMES = {
  institutions: 'Zorginstellingen',
  'safety-regions': "Veiligheidsregio's",
  municipalities: 'Gemeenten',
  provinces: 'Provincies',
  countries: 'Landsgrenzen',
  'land-outline': 'Landcontour Nederland',
};

const order = (layer) => {
  const i = Object.keys(LAYER_NAMES).indexOf(layer);
  return i < 0 ? Infinity : i;
};

/** The layers drawn on the map; only their sources are credited there. */
const MAP_LAYERS = new Set(['institutions', 'safety-regions', 'municipalities', 'provinces', 'countries']);

/** The country outlines are bundled with the app rather than imported, so they have no source row. */
const COUNTRIES_ATTRIBUTION = 'Landsgrenzen: Natural Earth (publiek domein)';

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Adds each distinct attribution to the map's attribution control (which takes HTML). */
export function addAttributions(map, sources) {
  const texts = new Set(sources.filter((s) => MAP_LAYERS.has(s.layer)).map((s) => s.attribution));
  if (!sources.some((s) => s.layer === 'countries')) texts.add(COUNTRIES_ATTRIBUTION);
  map.attributionControl.setPrefix('Leaflet');
  texts.forEach((text) => map.attributionControl.addAttribution(escapeHtml(text)));
}

/** Shows the notice when any layer holds demo data, naming those layers. */
export function showDemoNotice(notice, sources) {
  const layers = [...new Set(sources.filter((s) => s.demo).map((s) => LAYER_NAMES[s.layer] || s.layer))];
  notice.hidden = layers.length === 0;
  if (!layers.length) return;
  notice.replaceChildren(
    el('strong', {}, 'Demodata'),
    `: de kaart toont synthetische regio's en instellingen (${layers.join(', ').toLowerCase()}), geen echte situatie. `
      + 'Laad echte gegevens met ',
    el('code', {}, './zorgbeeld import <map of bestand>'), '.');
}

function sourceItem(s) {
  const loaded = new Date(s.loadedAt);
  return el('li', { class: 'zb-source', dataset: { demo: String(s.demo) } },
    el('div', { class: 'zb-source__name' }, s.source,
      el('span', { class: 'zb-source__count' }, ` ${formatCount(s.features)}`)),
    el('div', { class: 'zb-source__meta' }, `${s.attribution} · licentie: ${s.licence}`),
    el('div', { class: 'zb-source__meta' }, 'Geladen ',
      el('time', { datetime: s.loadedAt }, formatDateTime(loaded)), ` (${relativeAge(loaded)})`));
}

/** The sources per layer, in map order, each layer with its total and a demo label when it has demo data. */
export function renderSourceList(list, sources) {
  const layers = [...new Set(sources.map((s) => s.layer))]
    .sort((a, b) => order(a) - order(b));
  list.replaceChildren(...layers.map((layer) => {
    const own = sources.filter((s) => s.layer === layer);
    return el('li', { class: 'zb-source-layer', dataset: { layer } },
      el('div', { class: 'zb-source-layer__head' },
        el('span', {}, LAYER_NAMES[layer] || layer),
        el('span', { class: 'zb-source__count' }, formatCount(own.reduce((n, s) => n + s.features, 0))),
        own.some((s) => s.demo) && el('span', { class: 'zb-badge zb-badge--demo' }, 'Demodata')),
      el('ul', { class: 'zb-source-layer__list' }, own.map(sourceItem)));
  }));
  if (!sources.length) list.append(el('li', { class: 'zb-empty' }, 'Nog geen referentiegegevens geladen.'));
}

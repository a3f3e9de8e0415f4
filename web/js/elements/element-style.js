// How picture elements look (ux.md): effect zones LBW red, AGW orange, VRW yellow; the incident
// area a purple outline; cordons heavy dashed lines; points as symbols with their own shape as well
// as colour. Information that is not validated gets a dotted outline or a "?" badge, and a label in
// its popup, so certainty never rests on colour alone.
import { PANES } from '../panes.js';

/** Assumption, suspicion, rumour, opinion: anything not validated. */
export const isUncertain = (properties) => Boolean(properties.certainty) && properties.certainty !== 'gevalideerd';

const ZONE_STYLE = {
  LBW: { color: '#a50f15', fillColor: '#e31a1c' },
  AGW: { color: '#b4470a', fillColor: '#fd8d3c' },
  VRW: { color: '#9c7c00', fillColor: '#ffe135' },
};
const OTHER_ZONE = { color: '#5d4037', fillColor: '#a1887f' };

const PATHS = {
  incidentgebied: { color: '#6a1b9a', weight: 3.5, fillColor: '#6a1b9a', fillOpacity: 0.06 },
  afzetting: { color: '#1f2933', weight: 5, dashArray: '14 9', lineCap: 'butt', fill: false },
  aantekening: { color: '#37474f', weight: 2, fillColor: '#37474f', fillOpacity: 0.08 },
};

/** The Leaflet path style of an element (or of a sketch of one) from its properties. */
export function pathStyle(properties) {
  const base = properties.kind === 'effectgebied'
    ? { ...(ZONE_STYLE[properties.zone] || OTHER_ZONE), weight: 2, fillOpacity: 0.35 }
    : PATHS[properties.kind] || PATHS.aantekening;
  const style = { pane: PANES.incident, opacity: 1, ...base };
  if (isUncertain(properties)) {
    Object.assign(style, { dashArray: '1 9', lineCap: 'round', weight: Math.max(style.weight, 4) });
  }
  return style;
}

// Symbols on a 28 px square; only these constants go into the markup, never user text.
const SYMBOLS = {
  incidentlocatie: { color: '#6a1b9a', shape: '<path d="M14 2l3.4 7.6 8.2.8-6.2 5.5 1.8 8.1L14 19.8 6.8 24l1.8-8.1L2.4 10.4l8.2-.8z"/>', mark: '' },
  opvanglocatie: { color: '#1b7f3b', shape: '<rect x="3" y="3" width="22" height="22" rx="3"/>',
    mark: '<path d="M8 14l6-5.5 6 5.5M10 13v6.5h8V13" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round"/>' },
  behandelcentrum: { color: '#0b4f8a', shape: '<circle cx="14" cy="14" r="11.5"/>',
    mark: '<path d="M14 7.5v13M7.5 14h13" stroke="#fff" stroke-width="3.2"/>' },
  meetpunt: { color: '#00695c', shape: '<path d="M14 1.5L26.5 14 14 26.5 1.5 14z"/>', mark: '<circle cx="14" cy="14" r="3.6" fill="#fff"/>' },
  aantekening: { color: '#455a64', shape: '<rect x="4" y="4" width="20" height="20" rx="10" ry="3"/>',
    mark: '<path d="M14 12.5v7M14 8.2v.1" stroke="#fff" stroke-width="2.8" stroke-linecap="round"/>' },
};

export function symbolSvg(kind, size = 28) {
  const s = SYMBOLS[kind] || SYMBOLS.aantekening;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 28 28" aria-hidden="true">`
    + `<g fill="${s.color}" stroke="#fff" stroke-width="1.6">${s.shape}</g>${s.mark}</svg>`;
}

/** The map marker icon; a "?" badge marks what is not validated. */
export function markerIcon(properties) {
  const uncertain = isUncertain(properties);
  return L.divIcon({
    className: `zb-element-marker${uncertain ? ' zb-element-marker--uncertain' : ''}`,
    html: symbolSvg(properties.kind) + (uncertain ? '<span class="zb-element-marker__badge">?</span>' : ''),
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    popupAnchor: [0, -12],
  });
}

/** A small sample for the layer control and legend: the symbol, a line or an area in the element's style. */
export function swatch(properties) {
  const span = document.createElement('span');
  span.className = 'zb-element-swatch';
  span.setAttribute('aria-hidden', 'true');
  const s = pathStyle(properties);
  if (properties.kind === 'afzetting') {
    span.innerHTML = `<svg width="22" height="14" viewBox="0 0 22 14"><line x1="1" y1="7" x2="21" y2="7" stroke="${s.color}"`
      + ' stroke-width="3.5" stroke-dasharray="6 3"/></svg>';
  } else if (SYMBOLS[properties.kind]) {
    span.innerHTML = symbolSvg(properties.kind, 18);
  } else {
    span.innerHTML = `<svg width="22" height="14" viewBox="0 0 22 14"><rect x="1.5" y="1.5" width="19" height="11" fill="${s.fillColor}"`
      + ` fill-opacity="${Math.max(s.fillOpacity, 0.12)}" stroke="${s.color}" stroke-width="2"/></svg>`;
  }
  return span;
}

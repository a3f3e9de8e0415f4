// The offline basemap: country outlines, provinces, safety regions and municipalities as vector
// layers. They do not take pointer events (the institution markers do); hover.js names the area
// under the cursor instead.
import { PANES } from './panes.js';

const NL_FILL = '#fbfaf6';
const NEIGHBOUR_FILL = '#e6e3dc';

const countryStyle = (feature) => ({
  pane: PANES.countries,
  interactive: false,
  color: '#8c8577',
  weight: feature.properties.iso_a2 === 'NL' ? 1.2 : 0.8,
  fillColor: feature.properties.iso_a2 === 'NL' ? NL_FILL : NEIGHBOUR_FILL,
  fillOpacity: 1,
});

const STYLES = {
  municipalities: { pane: PANES.municipalities, interactive: false, color: '#9aa3ad', weight: 0.7, fill: false },
  provinces: { pane: PANES.provinces, interactive: false, color: '#b08fb8', weight: 3.5, opacity: 0.55, fill: false },
  safetyRegions: { pane: PANES.safetyRegions, interactive: false, color: '#2b3a4a', weight: 1.8, fill: false },
};

export const countriesLayer = (collection) => L.geoJSON(collection, { style: countryStyle });

export const boundaryLayer = (collection, kind) => L.geoJSON(collection, { style: () => STYLES[kind] });

/** Clears the land fill while online tiles are shown, so the tiles are not hidden under it. */
export function followTiles(countries, tiles) {
  tiles.on('add', () => countries.setStyle({ fillOpacity: 0 }));
  tiles.on('remove', () => countries.setStyle({ fillOpacity: 1 }));
}

/** A line sample for the layer control, in the layer's own style. */
export function lineSwatch(kind) {
  const s = STYLES[kind];
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  svg.innerHTML = `<line x1="1" y1="6" x2="21" y2="6" stroke="${s.color}" stroke-width="${Math.max(s.weight, 1)}"`
    + ` stroke-opacity="${s.opacity ?? 1}"/>`;
  return svg;
}

// Map panes fix the drawing order whatever order the layers arrive in: land below the
// boundaries, boundaries below the incident's areas, those below the institutions (which stay
// visible and clickable inside a zone), a shape being drawn above them, all below Leaflet's
// markers, tooltips and popups.

export const PANES = {
  countries: 'zb-countries',
  municipalities: 'zb-municipalities',
  provinces: 'zb-provinces',
  safetyRegions: 'zb-safety-regions',
  highlight: 'zb-highlight',
  incident: 'zb-incident',
  institutions: 'zb-institutions',
  drawing: 'zb-drawing',
};

const Z_INDEX = {
  [PANES.countries]: 250,
  [PANES.municipalities]: 410,
  [PANES.provinces]: 420,
  [PANES.safetyRegions]: 430,
  [PANES.highlight]: 440,
  [PANES.incident]: 445,
  [PANES.institutions]: 450,
  [PANES.drawing]: 460,
};

export function createPanes(map) {
  for (const [name, z] of Object.entries(Z_INDEX)) {
    map.createPane(name).style.zIndex = String(z);
  }
}

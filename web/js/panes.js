// Map panes fix the drawing order whatever order the layers arrive in: land below the
// boundaries, boundaries below the institutions, all below Leaflet's tooltips and popups.

export const PANES = {
  countries: 'zb-countries',
  municipalities: 'zb-municipalities',
  provinces: 'zb-provinces',
  safetyRegions: 'zb-safety-regions',
  highlight: 'zb-highlight',
  institutions: 'zb-institutions',
};

const Z_INDEX = {
  [PANES.countries]: 250,
  [PANES.municipalities]: 410,
  [PANES.provinces]: 420,
  [PANES.safetyRegions]: 430,
  [PANES.highlight]: 440,
  [PANES.institutions]: 450,
};

export function createPanes(map) {
  for (const [name, z] of Object.entries(Z_INDEX)) {
    map.createPane(name).style.zIndex = String(z);
  }
}

// Starts the page: loads the reference layers, builds the map and its controls, and publishes
// window.zorgbeeld (the map, the feature counts and `ready`) for the browser tests and the console.
import { setUpAnalysis } from './analysis/analysis.js';
import { getJson } from './api.js';
import { boundaryLayer, countriesLayer, followTiles, lineSwatch } from './basemap.js';
import { CoordinatesControl } from './coordinates.js';
import { setUpIncidentMap } from './elements/incident-map.js';
import { formatCount } from './format.js';
import { HoverLabel } from './hover.js';
import { showIdentity } from './identity.js';
import { institutionLayers } from './institutions.js';
import { LayerControl } from './layer-control.js';
import { LegendControl } from './legend.js';
import './live.js';
import { setUpDrawer, setUpTabs } from './panel.js';
import { createPanes } from './panes.js';
import { markerIcon } from './shapes.js';
import { loadMe } from './me.js';
import { setUpStatus } from './status/status-panel.js';
import { addAttributions, renderSourceList, showDemoNotice } from './sources.js';
import { showUpdated } from './topbar.js';

// Nothing of the picture is shown without a login: without one, this goes to the login page.
await loadMe();
showIdentity(document.getElementById('identity-button'));

const NETHERLANDS = [[50.75, 3.36], [53.56, 7.23]];
const NARROW = window.matchMedia('(max-width: 900px)');

// The other modules (the incident UI, live.js) may have published their parts already: keep them.
const state = Object.assign(window.zorgbeeld || {}, { ready: false, layers: {} });
window.zorgbeeld = state;

function createMap() {
  // Leaflet-Geoman only handles layers that opt in (the incident's elements), not the thousands of reference features.
  L.PM.setOptIn(true);
  const map = L.map('map', { zoomControl: false, zoomSnap: 0.25, minZoom: 6, maxZoom: 19, pmIgnore: false });
  createPanes(map);
  // Banners and the time bar come and go above and below the map: Leaflet must re-measure its box.
  new ResizeObserver(() => map.invalidateSize()).observe(map.getContainer());
  // On wide screens the layer control and legend cover the right edge: keep the country clear of them.
  map.fitBounds(NETHERLANDS, { paddingTopLeft: [16, 16], paddingBottomRight: [NARROW.matches ? 16 : 250, 48] });
  L.control.zoom({ zoomInTitle: 'Inzoomen', zoomOutTitle: 'Uitzoomen', position: 'topleft' }).addTo(map);
  L.control.scale({ metric: true, imperial: false, position: 'bottomleft' }).addTo(map);
  new CoordinatesControl().addTo(map);
  return map;
}

function loadAll() {
  return Promise.all([
    getJson('/api/config'),
    getJson('/api/vocabularies/institution-types'),
    getJson('/api/reference/sources'),
    getJson('/api/layers/countries'),
    getJson('/api/layers/provinces'),
    getJson('/api/layers/safety-regions'),
    getJson('/api/layers/municipalities'),
    getJson('/api/layers/institutions'),
  ]);
}

/** The layer control as ux.md groups it; the online tiles only appear when configured. */
function addLayerControl(map, config, { types, regions, municipalities, provinces, countries }) {
  const control = new LayerControl([
    { id: 'incident', title: 'Incident', empty: 'Geen incident geselecteerd' },
    { id: 'reference', title: 'Referentie' },
    { id: 'analysis', title: 'Analyse', empty: 'Nog geen analyse' },
    { id: 'background', title: 'Achtergrond' },
  ], { expanded: !NARROW.matches }).addTo(map);
  control.addCollection('reference', {
    id: 'institutions',
    label: 'Zorginstellingen',
    entries: types.map(({ type, group, count }) => ({
      id: `institutions-${type.code}`, label: type.label, layer: group, count, swatch: markerIcon(type.shape, type.color),
    })),
  });
  const boundaries = [['safety-regions', "Veiligheidsregio's", regions, 'safetyRegions'],
    ['municipalities', 'Gemeenten', municipalities, 'municipalities'], ['provinces', 'Provincies', provinces, 'provinces']];
  for (const [id, label, layer, style] of boundaries) {
    control.addLayer('reference', { id, label, layer, count: layer.getLayers().length, swatch: lineSwatch(style) });
  }
  if (config.tileUrl) {
    const tiles = L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 });
    followTiles(countries, tiles);
    control.addLayer('background', { id: 'tiles', label: 'Online achtergrondkaart', layer: tiles });
  }
  return control;
}

function build(map, [config, vocabulary, sources, countries, provinces, regions, municipalities, institutions]) {
  const layers = {
    countries: countriesLayer(countries).addTo(map),
    provinces: boundaryLayer(provinces, 'provinces'),
    municipalities: boundaryLayer(municipalities, 'municipalities').addTo(map),
    regions: boundaryLayer(regions, 'safetyRegions').addTo(map),
    types: institutionLayers(institutions, vocabulary.types, map),
  };
  // Reverse vocabulary order draws the acute types (hospitals first in the list) on top.
  [...layers.types].reverse().forEach(({ group }) => group.addTo(map));
  const control = addLayerControl(map, config, layers);
  new LegendControl(layers.types).addTo(map);
  setUpIncidentMap(map, control, state);
  setUpAnalysis(map, control, state);
  const regionList = regions.features.map((f) => ({ code: f.properties.code, name: f.properties.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  setUpStatus(map, state, regionList, new Map(vocabulary.types.map((t) => [t.code, t.label])));

  const hover = new HoverLabel(map);
  hover.addAreas(regions, layers.regions, 'Veiligheidsregio', true);
  hover.addAreas(municipalities, layers.municipalities, 'Gemeente');
  layers.types.forEach(({ type, group }) => hover.addMarkers(group, (marker) => [
    marker.feature.properties.name,
    `${type.label}${marker.feature.properties.connected ? '' : ', niet aangesloten'}`,
  ]));

  addAttributions(map, sources);
  showDemoNotice(document.getElementById('demo-notice'), sources);
  renderSourceList(document.getElementById('source-list'), sources);

  return {
    institutions: layers.types.reduce((n, t) => n + t.count, 0),
    safetyRegions: regions.features.length,
    municipalities: municipalities.features.length,
    provinces: provinces.features.length,
    countries: countries.features.length,
  };
}

function showError(error) {
  const notice = document.getElementById('error-notice');
  notice.textContent = `De kaartlagen konden niet worden geladen: ${error.message}. Herlaad de pagina; blijft dit gebeuren, controleer dan de server.`;
  notice.hidden = false;
}

async function start() {
  const map = createMap();
  state.map = map;
  setUpTabs(document.querySelector('#panel [role="tablist"]'));
  setUpDrawer(document.getElementById('panel-toggle'), document.getElementById('panel'), map);
  const status = document.getElementById('map-status');
  try {
    state.layers = build(map, await loadAll());
    showUpdated(document.getElementById('updated'), new Date());
    document.getElementById('live-status').textContent = `Kaart geladen: ${formatCount(state.layers.institutions)} zorginstellingen, `
      + `${formatCount(state.layers.safetyRegions)} veiligheidsregio's, ${formatCount(state.layers.municipalities)} gemeenten.`;
    state.ready = true;
    document.body.dataset.ready = 'true';
  } catch (error) {
    state.error = error.message;
    showError(error);
  } finally {
    status.hidden = true;
  }
}

start();

// The analysis on the map: each affected institution ringed in its zone's colour (a larger, pulsing
// ring when newly affected), the buffer rings as dashed grey outlines, and the locations of
// "Mijn blootstelling" in blue. All in a pane of their own between the incident's areas and the
// institution markers, so the markers stay on top and clickable; both layers have a switch in the
// layer control's "Analyse" group.
import { el } from '../dom.js';
import { distanceWords, zoneColours } from './zones.js';

const PANE = 'zb-analysis';
const RING_STYLE = { pane: PANE, color: '#4b5563', weight: 1.6, dashArray: '6 6', fill: false, interactive: true };

export class AnalysisMap {
  constructor(map, control) {
    this.map = map;
    map.createPane(PANE).style.zIndex = '447';
    this.renderer = L.svg({ pane: PANE });
    this.zones = L.featureGroup();
    this.rings = L.featureGroup();
    this.exposure = L.featureGroup().addTo(map);
    this.markers = new Map();
    this.control = control;
    this.inControl = false;
  }

  /** Shows an analysis and its ring outlines (GeoJSON); the first time, also their switches. */
  show(analysis, rings) {
    this.zones.clearLayers();
    this.markers.clear();
    for (const item of [...analysis.institutions].reverse()) {
      const { fill } = zoneColours(item.zone);
      const marker = L.circleMarker([item.institution.lat, item.institution.lon], {
        renderer: this.renderer, radius: item.newlyAffected ? 13 : 10, color: fill, weight: item.newlyAffected ? 4 : 3,
        fill: false, className: item.newlyAffected ? 'zb-analysis-halo zb-analysis-halo--new' : 'zb-analysis-halo',
      });
      marker.bindTooltip(`${item.institution.name}: ${item.zone.label}, ${distanceWords(item.distance)}`
        + `${item.newlyAffected ? ' (nieuw geraakt)' : ''}`, { direction: 'top', offset: [0, -8] });
      this.zones.addLayer(marker);
      this.markers.set(item.institution.id, marker);
    }
    this.rings.clearLayers();
    L.geoJSON(rings, {
      style: () => RING_STYLE,
      onEachFeature: (feature, layer) => layer.bindTooltip(feature.properties.label, { sticky: true }),
    }).eachLayer((layer) => this.rings.addLayer(layer));
    if (!this.inControl) {
      this.zones.addTo(this.map);
      this.rings.addTo(this.map);
      this.control.addLayer('analysis', { id: 'analysis-zones', label: 'Geraakte instellingen per zone', layer: this.zones,
        swatch: el('span', { class: 'zb-analysis-swatch zb-analysis-swatch--zones', 'aria-hidden': 'true' }) });
      this.control.addLayer('analysis', { id: 'analysis-rings', label: 'Ringen', layer: this.rings,
        swatch: el('span', { class: 'zb-analysis-swatch zb-analysis-swatch--rings', 'aria-hidden': 'true' }) });
      this.inControl = true;
    }
  }

  clear() {
    this.zones.clearLayers();
    this.rings.clearLayers();
    this.clearExposure();
    this.markers.clear();
  }

  clearExposure() {
    this.exposure.clearLayers();
  }

  /** Zooms to an institution of the analysis and opens its tooltip. */
  focus(item) {
    this.map.setView([item.institution.lat, item.institution.lon], Math.max(this.map.getZoom(), 14));
    this.markers.get(item.institution.id)?.openTooltip();
  }

  /** Marks the locations of "Mijn blootstelling"; brings them into view when {@code fit}. */
  showExposure(locations, fit) {
    this.exposure.clearLayers();
    for (const location of locations) {
      L.circleMarker([location.institution.lat, location.institution.lon], {
        renderer: this.renderer, radius: 16, color: '#0b4f8a', weight: 3, dashArray: '4 3', fill: false, className: 'zb-analysis-mine',
      }).bindTooltip(`${location.institution.name}: ${location.description}`, { direction: 'top', offset: [0, -12] })
        .addTo(this.exposure);
    }
    if (fit && locations.length) {
      this.map.fitBounds(this.exposure.getBounds().pad(0.5), { maxZoom: 14 });
    }
  }
}

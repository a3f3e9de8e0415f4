// One hover label for the map: over an institution marker it names the institution; elsewhere it
// names the safety region and municipality under the cursor (while those layers are shown) and
// outlines the region.
import { AreaIndex } from './area-index.js';
import { el } from './dom.js';
import { PANES } from './panes.js';

const HIGHLIGHT = { pane: PANES.highlight, interactive: false, color: '#0a58a8', weight: 3.5, fillColor: '#0a58a8', fillOpacity: 0.06 };

export class HoverLabel {
  constructor(map) {
    this._map = map;
    this._areas = [];
    this._marker = null;
    // 'auto' puts the label on the side of the point facing the map's centre, so it stays in view.
    this._tooltip = L.tooltip({ className: 'zb-hover-label', direction: 'auto', offset: [14, 0], opacity: 1 });
    this._highlight = null;
    this._highlighted = null;
    this._latlng = null;
    this._frame = 0;
    map.on('mousemove', (e) => this._schedule(e.latlng));
    map.on('mouseout', () => this._clear());
  }

  /**
   * @param layer   the Leaflet layer whose visibility switches this source on and off
   * @param kind    the word before the name ("Veiligheidsregio")
   * @param outline whether to outline the hovered area
   */
  addAreas(collection, layer, kind, outline = false) {
    this._areas.push({ index: new AreaIndex(collection), layer, kind, outline });
  }

  /** @param describe (marker) => [title, subtitle] */
  addMarkers(group, describe) {
    group.on('mouseover', (e) => {
      this._marker = e.layer;
      this._outline(null);
      const [title, subtitle] = describe(e.layer);
      this._show(e.layer.getLatLng(), [el('strong', {}, title), el('div', { class: 'zb-hover-label__kind' }, subtitle)]);
    });
    group.on('mouseout', () => {
      this._marker = null;
      this._map.closeTooltip(this._tooltip);
    });
  }

  _schedule(latlng) {
    this._latlng = latlng;
    // One lookup per animation frame, however fast the mouse moves.
    if (!this._frame) this._frame = requestAnimationFrame(() => { this._frame = 0; this._update(); });
  }

  _update() {
    const latlng = this._latlng;
    if (!latlng || this._marker) return;
    const lines = [];
    let outlined = null;
    for (const { index, layer, kind, outline } of this._areas) {
      if (!this._map.hasLayer(layer)) continue;
      const feature = index.find(latlng.lng, latlng.lat);
      if (!feature) continue;
      lines.push(el('div', {}, el('span', { class: 'zb-hover-label__kind' }, `${kind} `), feature.properties.name));
      if (outline) outlined = feature;
    }
    this._outline(outlined);
    if (lines.length) this._show(latlng, lines);
    else this._map.closeTooltip(this._tooltip);
  }

  _show(latlng, content) {
    this._tooltip.setLatLng(latlng).setContent(el('div', {}, content));
    if (!this._map.hasLayer(this._tooltip)) this._map.openTooltip(this._tooltip);
  }

  _outline(feature) {
    if (feature === this._highlighted) return;
    this._highlighted = feature;
    this._highlight?.remove();
    this._highlight = feature && L.geoJSON(feature, { style: HIGHLIGHT }).addTo(this._map);
  }

  _clear() {
    this._latlng = null;
    this._outline(null);
    this._map.closeTooltip(this._tooltip);
  }
}

// Care institutions: one layer per type, all on one shared canvas renderer so that several
// thousand markers pan and zoom smoothly and hit-testing sees all of them at once.
import { ShapeMarker } from './markers.js';
import { PANES } from './panes.js';
import { institutionPopup } from './popup.js';

/** Marker radius in pixels by zoom: small when the whole country is in view. */
const radiusAt = (zoom) => (zoom < 8 ? 3.5 : zoom < 10 ? 4.5 : zoom < 12 ? 6 : 7);

const unknownType = (code) => ({ code, label: code, color: '#6b7280', shape: 'circle', count: 0 });

/** Every institution marker by institution id, for the status rings (status/status-panel.js). */
export const markersById = new Map();

/**
 * Leaflet's canvas handles at most one pointer move per 32 ms and drops the others, so a pointer
 * that comes to rest just after a move kept the marker (or the coordinates, or the area label) of
 * where it was before. This renderer handles the last dropped move once the 32 ms are over.
 */
const Renderer = L.Canvas.extend({
  _handleMouseHover(e, point) {
    if (this._mouseHoverThrottled) {
      this._droppedMove = e;
      return;
    }
    this._droppedMove = null;
    L.Canvas.prototype._handleMouseHover.call(this, e, point);
    // Leaflet's own timer, set just now with the same delay, runs first and lifts the throttle.
    setTimeout(() => {
      const dropped = this._droppedMove;
      this._droppedMove = null;
      if (dropped && this._map) this._onMouseMove(dropped);
    }, 32);
  },

  _handleMouseOut(e) {
    this._droppedMove = null;
    L.Canvas.prototype._handleMouseOut.call(this, e);
  },
});

/**
 * Groups the institutions per type, in vocabulary order. Returns [{type, group, count}], including
 * types without institutions (the legend shows those as 0, so a missing register is noticed).
 */
export function institutionLayers(collection, types, map) {
  const renderer = new Renderer({ pane: PANES.institutions, padding: 0.3, tolerance: 2 });
  const entries = new Map(types.map((type) => [type.code, { type, group: L.featureGroup(), count: 0 }]));
  const radius = radiusAt(map.getZoom());
  for (const feature of collection.features) {
    const code = feature.properties.type;
    if (!entries.has(code)) entries.set(code, { type: unknownType(code), group: L.featureGroup(), count: 0 });
    const entry = entries.get(code);
    const [lon, lat] = feature.geometry.coordinates;
    const marker = new ShapeMarker([lat, lon], {
      renderer, radius, weight: 1, shape: entry.type.shape, color: entry.type.color, hollow: !feature.properties.connected,
    });
    marker.feature = feature;
    markersById.set(String(feature.id), marker);
    entry.group.addLayer(marker);
    entry.count += 1;
  }
  for (const { type, group } of entries.values()) {
    group.bindPopup((marker) => institutionPopup(marker.feature.properties, type, String(marker.feature.id)), { maxWidth: 340, minWidth: 240 });
  }
  map.on('zoomend', () => {
    const r = radiusAt(map.getZoom());
    for (const { group } of entries.values()) group.eachLayer((m) => m.setRadius(r));
  });
  return [...entries.values()];
}

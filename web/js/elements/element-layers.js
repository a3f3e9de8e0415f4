// The incident's picture elements on the map: one layer per kind, switched in the layer control's
// "Incident" group. Areas and lines lie below the institution markers (those must stay visible and
// clickable inside a zone), so they take no pointer events themselves: a click on the map that no
// marker took opens the popup of the element under it, the most specific (a line, or the smallest area) first.
import { geometryContains } from '../area-index.js';
import { markerIcon, pathStyle, swatch } from './element-style.js';
import { describeKind, KINDS } from './kinds.js';

/** Drawing order from bottom to top: the wider zones under the narrower, outlines and cordons on top. */
const ZONE_ORDER = { VRW: 0, AGW: 1, LBW: 2 };
const rank = (p) => KINDS.findIndex((k) => k.code === p.kind) * 10 + (p.kind === 'effectgebied' ? ZONE_ORDER[p.zone] ?? -1 : 0);

/** How close (pixels) a click must be to a line to count as on it. */
const LINE_TOLERANCE = 8;

function featureLayer(feature) {
  const p = feature.properties;
  const layer = L.GeoJSON.geometryToLayer(feature, {
    ...pathStyle(p),
    interactive: false,
    pmIgnore: false,
    pointToLayer: (f, latlng) => L.marker(latlng, {
      icon: markerIcon(p), pmIgnore: false, title: `${describeKind(p)}${p.label ? `: ${p.label}` : ''}`, riseOnHover: true,
    }),
  });
  layer.feature = feature;
  return layer;
}

function distanceToLine(map, layer, latlng) {
  const point = map.latLngToLayerPoint(latlng);
  const lines = L.LineUtil.isFlat(layer.getLatLngs()) ? [layer.getLatLngs()] : layer.getLatLngs();
  let best = Infinity;
  for (const line of lines) {
    const points = line.map((ll) => map.latLngToLayerPoint(ll));
    for (let i = 1; i < points.length; i += 1) best = Math.min(best, L.LineUtil.pointToSegmentDistance(point, points[i - 1], points[i]));
  }
  return best;
}

export class ElementLayers {
  /** @param popupFor (feature, layer) => popup content */
  constructor(map, popupFor) {
    this._map = map;
    this._popupFor = popupFor;
    this._quiet = () => false;
    this._popupOpenedByClick = false;
    // The element whose popup is open, and where: a reload keeps it open while the element is unchanged.
    this._open = null;
    this.features = [];
    this.groups = new Map(KINDS.map((kind) => [kind.code, L.featureGroup().addTo(map)]));
    // An institution marker's popup opens during the same click; then that click is its, not ours.
    map.on('preclick', () => { this._popupOpenedByClick = false; });
    map.on('popupopen', (e) => {
      this._popupOpenedByClick = true;
      const feature = e.popup._source?.feature;
      this._open = feature && this._isOurs(e.popup._source) ? { feature, latlng: e.popup.getLatLng() } : null;
    });
    map.on('popupclose', (e) => {
      if (this._open && e.popup._source?.feature === this._open.feature) this._open = null;
    });
    map.on('click', (e) => {
      if (this._popupOpenedByClick || this._quiet()) return;
      this.pathAt(e.latlng)?.openPopup(e.latlng);
    });
  }

  /** @param quiet () => boolean: true while map clicks belong to drawing or editing */
  setQuiet(quiet) {
    this._quiet = quiet;
  }

  addToLayerControl(control) {
    for (const kind of KINDS) {
      control.addLayer('incident', {
        id: `element-${kind.code}`, label: kind.label, layer: this.groups.get(kind.code),
        swatch: swatch({ kind: kind.code, zone: kind.code === 'effectgebied' ? 'AGW' : undefined }),
      });
    }
  }

  /** Replaces what is shown by `collection` (a GeoJSON FeatureCollection of elements). */
  /** The bounds of every element shown, or null when there are none. */
  bounds() {
    let bounds = null;
    for (const group of this.groups.values()) {
      if (group.getLayers().length === 0) continue;
      bounds = bounds ? bounds.extend(group.getBounds()) : L.latLngBounds(group.getBounds().getSouthWest(), group.getBounds().getNorthEast());
    }
    return bounds;
  }

  show(collection) {
    // Removing the layers closes their popup; someone reading it should not lose it to a reload.
    const open = this._open;
    this.clear();
    this.features = [...collection.features].sort((a, b) => rank(a.properties) - rank(b.properties));
    for (const feature of this.features) {
      const layer = featureLayer(feature);
      layer.bindPopup(() => this._popupFor(feature, layer), { maxWidth: 340, minWidth: 240 });
      this.groups.get(feature.properties.kind)?.addLayer(layer);
      if (open && feature.id === open.feature.id && feature.properties.version === open.feature.properties.version) {
        layer.openPopup(open.latlng);
      }
    }
  }

  /** Closes the popup of an element (an institution's popup stays). */
  closePopup() {
    if (this._open) this._map.closePopup();
  }

  _isOurs(layer) {
    return [...this.groups.values()].some((group) => group.hasLayer(layer));
  }

  /**
   * Puts one element version in place of its earlier one, or takes an ended element away, from
   * what is already shown (no request). Returns false when what is shown is as new or newer.
   */
  apply(feature, ended) {
    const shown = this.features.find((f) => f.id === feature.id);
    if (shown && shown.properties.version > feature.properties.version) return false;
    if (shown && !ended && shown.properties.version === feature.properties.version) return false;
    if (!shown && ended) return false;
    const others = this.features.filter((f) => f.id !== feature.id);
    // Drawn again in drawing order, so that a new zone does not cover the narrower ones.
    this.show({ features: ended ? others : [...others, feature] });
    return true;
  }

  clear() {
    this.groups.forEach((group) => group.clearLayers());
    this.features = [];
  }

  /** The layer of element `id`, or null. */
  layerOf(id) {
    for (const group of this.groups.values()) {
      const layer = group.getLayers().find((l) => l.feature.id === id);
      if (layer) return layer;
    }
    return null;
  }

  /** The visible area or line under `latlng`, the most specific first; null when none. */
  pathAt(latlng) {
    let best = null;
    let bestSize = Infinity;
    for (const group of this.groups.values()) {
      if (!this._map.hasLayer(group)) continue;
      for (const layer of group.getLayers()) {
        if (!(layer instanceof L.Polyline)) continue;
        const { geometry } = layer.feature;
        const size = layer instanceof L.Polygon
          ? (geometryContains(geometry, latlng.lng, latlng.lat) ? area(layer.getBounds()) : Infinity)
          : (distanceToLine(this._map, layer, latlng) <= LINE_TOLERANCE ? 0 : Infinity);
        if (size < bestSize) {
          best = layer;
          bestSize = size;
        }
      }
    }
    return best;
  }
}

function area(bounds) {
  return (bounds.getEast() - bounds.getWest()) * (bounds.getNorth() - bounds.getSouth());
}

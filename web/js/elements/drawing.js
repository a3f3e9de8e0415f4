// Placing a new picture element: Leaflet-Geoman draws the shape, then the form asks for its
// properties and saves it. The sketch stays editable while the form is open; Escape cancels both.
import { PANES } from '../panes.js';
import { createElement } from './elements-api.js';
import { openElementForm, panClearOf } from './element-form.js';
import { markerIcon, pathStyle } from './element-style.js';

export class Drawing {
  /**
   * @param map     the Leaflet map (with map.pm)
   * @param options {formContainer, incidentId(), onStateChange(kindCode|null), onSaved(kind, feature)}
   */
  constructor(map, options) {
    this._map = map;
    this._options = options;
    this._kind = null;
    this._sketch = null;
    this._form = null;
    map.on('pm:create', (e) => this._drawn(e.layer));
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this._kind) this.cancel();
    });
  }

  get active() {
    return this._kind !== null;
  }

  /** Starts drawing a `kind` (from kinds.js); any drawing in progress is dropped. */
  start(kind) {
    this.cancel();
    this._kind = kind;
    const style = pathStyle({ kind: kind.code, zone: 'AGW' });
    this._map.pm.enableDraw(kind.draw, {
      pathOptions: { ...style, pane: PANES.drawing },
      templineStyle: { color: style.color, weight: 3 },
      hintlineStyle: { color: style.color, weight: 2, dashArray: '4 6' },
      markerStyle: { icon: markerIcon({ kind: kind.code }) },
      continueDrawing: false,
    });
    this._options.onStateChange(kind.code);
  }

  cancel() {
    if (!this._kind) return;
    this._map.pm.disableDraw();
    this._form?.close();
    this._sketch?.remove();
    this._form = null;
    this._sketch = null;
    this._kind = null;
    this._options.onStateChange(null);
  }

  _drawn(drawn) {
    const kind = this._kind;
    if (!kind) return;
    const geometry = drawn.toGeoJSON().geometry;
    drawn.remove();
    // The sketch replaces Geoman's result: in the element's own look, and still adjustable.
    this._sketch = L.GeoJSON.geometryToLayer({ type: 'Feature', geometry, properties: {} }, {
      ...pathStyle({ kind: kind.code, zone: 'AGW' }),
      pane: PANES.drawing,
      pmIgnore: false,
      pointToLayer: (f, latlng) => L.marker(latlng, { icon: markerIcon({ kind: kind.code }), pmIgnore: false, keyboard: false }),
    }).addTo(this._map);
    this._sketch.pm.enable({ allowSelfIntersection: true });

    const initial = kind.code === 'meetpunt' ? { measuredAt: new Date().toISOString() } : {};
    this._form = openElementForm({
      container: this._options.formContainer,
      kind,
      title: `${kind.label} vastleggen`,
      properties: initial,
      geometry,
      onSave: (properties, repair) => this._save(kind, properties, repair),
      onCancel: () => this.cancel(),
    });
    panClearOf(this._map, this._form.element, this._sketch.getBounds ? this._sketch.getBounds().getCenter() : this._sketch.getLatLng());
    this._sketch.on('pm:edit', () => this._form.setGeometry(this._sketch.toGeoJSON().geometry));
  }

  async _save(kind, properties, repair) {
    const feature = { type: 'Feature', geometry: this._sketch.toGeoJSON().geometry, properties: { kind: kind.code, ...properties } };
    const stored = await createElement(this._options.incidentId(), feature, repair);
    this._sketch.remove();
    this._form = null;
    this._sketch = null;
    this._kind = null;
    this._options.onStateChange(null);
    this._options.onSaved(kind, stored);
  }
}

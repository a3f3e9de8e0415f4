// A CircleMarker that draws its institution type's shape. It keeps CircleMarker's projection and
// hit test (a circle of the marker's radius) and only replaces the drawing, so thousands of them
// stay smooth on one L.canvas renderer. It must be used with a canvas renderer. Option `status` (an
// operational status code) adds the status ring (shapes.js); setStatus changes it.
import { drawMarker, drawStatusRing, RING_EXTENT, SHAPE_EXTENT } from './shapes.js';

export const ShapeMarker = L.CircleMarker.extend({
  options: { shape: 'circle', hollow: false, status: null },

  setStatus(status) {
    if (this.options.status === status) return this;
    this.options.status = status;
    return this.redraw();
  },

  _updateBounds() {
    const reach = this._radius * (this.options.status ? RING_EXTENT : SHAPE_EXTENT) + 4 + this._clickTolerance();
    this._pxBounds = L.bounds(this._point.subtract([reach, reach]), this._point.add([reach, reach]));
  },

  _updatePath() {
    // The canvas renderer only draws during its redraw pass.
    if (!this._renderer._drawing || this._empty()) return;
    const p = this._point;
    drawMarker(this._renderer._ctx, this.options.shape, p.x, p.y, this._radius, this.options.color, this.options.hollow);
    if (this.options.status) drawStatusRing(this._renderer._ctx, this.options.status, p.x, p.y, this._radius);
  },
});

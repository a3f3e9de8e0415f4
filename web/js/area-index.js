// Finds which polygon feature (safety region, municipality) contains a point: a bounding-box test
// first, then ray casting over the rings. Fast enough on every mouse move for a few hundred areas.

function ringContains(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Holes are rings after the first: a point inside an odd number of rings is inside the polygon. */
const polygonContains = (rings, x, y) => rings.filter((ring) => ringContains(ring, x, y)).length % 2 === 1;

function polygonsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** Whether a Polygon or MultiPolygon geometry contains (lon, lat); false for other geometries. */
export const geometryContains = (geometry, lon, lat) => polygonsOf(geometry).some((rings) => polygonContains(rings, lon, lat));

function bboxOf(polygons) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygons) {
    for (const [x, y] of rings[0]) {
      box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

export class AreaIndex {
  constructor(collection) {
    this._areas = collection.features.map((feature) => {
      const polygons = polygonsOf(feature.geometry);
      return { feature, polygons, box: bboxOf(polygons) };
    });
  }

  /** The feature containing (lon, lat), or null. */
  find(lon, lat) {
    const hit = this._areas.find(({ box, polygons }) =>
      lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3]
      && polygons.some((rings) => polygonContains(rings, lon, lat)));
    return hit ? hit.feature : null;
  }
}

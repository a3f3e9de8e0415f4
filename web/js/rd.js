// WGS84 (ETRS89) latitude/longitude to RD New (EPSG:28992) with the published approximation of
// Schreutelkamp and Strang van Hees: a polynomial around Amersfoort, accurate to about a metre
// within the Netherlands, and no projection library to ship.

const PHI0 = 52.1551744;
const LAMBDA0 = 5.38720621;
const X0 = 155000;
const Y0 = 463000;

// [p, q, coefficient]: the term coefficient * dPhi^p * dLambda^q.
const X_TERMS = [
  [0, 1, 190094.945], [1, 1, -11832.228], [2, 1, -114.221], [0, 3, -32.391], [1, 0, -0.705],
  [3, 1, -2.34], [1, 3, -0.608], [0, 2, -0.008], [2, 3, 0.148],
];
const Y_TERMS = [
  [1, 0, 309056.544], [0, 2, 3638.893], [2, 0, 73.077], [1, 2, -157.984], [3, 0, 59.788],
  [0, 1, 0.433], [2, 2, -6.439], [1, 1, -0.032], [0, 4, 0.092], [1, 4, -0.054],
];

/** The area where the approximation holds (the Netherlands with a margin). */
const VALID = { minLat: 50.5, maxLat: 54, minLon: 3, maxLon: 7.6 };

/** RD New {x, y} in metres, or null outside the area where the formulas are valid. */
export function toRd(lat, lon) {
  if (lat < VALID.minLat || lat > VALID.maxLat || lon < VALID.minLon || lon > VALID.maxLon) return null;
  // The formulas take differences in units of 10,000 arc seconds.
  const dPhi = 0.36 * (lat - PHI0);
  const dLambda = 0.36 * (lon - LAMBDA0);
  const sum = (terms) => terms.reduce((acc, [p, q, c]) => acc + c * dPhi ** p * dLambda ** q, 0);
  return { x: X0 + sum(X_TERMS), y: Y0 + sum(Y_TERMS) };
}

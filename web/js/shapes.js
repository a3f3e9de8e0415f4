// Marker shapes for institution types, drawn on a 2D canvas context. The map markers and the
// legend icons share these functions, so the legend always looks like the map.

const HALO = '#1b2631';

function polygon(ctx, x, y, points) {
  ctx.beginPath();
  points.forEach(([px, py], i) => (i ? ctx.lineTo(x + px, y + py) : ctx.moveTo(x + px, y + py)));
  ctx.closePath();
}

function regular(sides, radius, rotation) {
  return Array.from({ length: sides }, (_, i) => {
    const a = rotation + (i * 2 * Math.PI) / sides;
    return [radius * Math.cos(a), radius * Math.sin(a)];
  });
}

function star(outer, inner) {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? inner : outer;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [r * Math.cos(a), r * Math.sin(a)];
  });
}

function plus(arm, half, rotation) {
  const pts = [[-half, -arm], [half, -arm], [half, -half], [arm, -half], [arm, half], [half, half],
    [half, arm], [-half, arm], [-half, half], [-arm, half], [-arm, -half], [-half, -half]];
  const c = Math.cos(rotation);
  const s = Math.sin(rotation);
  return pts.map(([px, py]) => [px * c - py * s, px * s + py * c]);
}

function circle(ctx, x, y, r) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
}

/** Sizes are chosen so that every shape covers about the same area as a circle of radius r. */
const TRACERS = {
  circle: (ctx, x, y, r) => circle(ctx, x, y, r),
  'circle-small': (ctx, x, y, r) => circle(ctx, x, y, r * 0.68),
  square: (ctx, x, y, r) => polygon(ctx, x, y, regular(4, r * 1.25, Math.PI / 4)),
  'square-small': (ctx, x, y, r) => polygon(ctx, x, y, regular(4, r * 0.9, Math.PI / 4)),
  diamond: (ctx, x, y, r) => polygon(ctx, x, y, regular(4, r * 1.3, 0)),
  triangle: (ctx, x, y, r) => polygon(ctx, x, y, regular(3, r * 1.45, -Math.PI / 2)),
  'triangle-down': (ctx, x, y, r) => polygon(ctx, x, y, regular(3, r * 1.45, Math.PI / 2)),
  star: (ctx, x, y, r) => polygon(ctx, x, y, star(r * 1.5, r * 0.65)),
  cross: (ctx, x, y, r) => polygon(ctx, x, y, plus(r * 1.35, r * 0.45, Math.PI / 4)),
  plus: (ctx, x, y, r) => polygon(ctx, x, y, plus(r * 1.25, r * 0.42, 0)),
  hexagon: (ctx, x, y, r) => polygon(ctx, x, y, regular(6, r * 1.15, 0)),
};

/** How far beyond r the largest shape reaches, for the canvas redraw bounds. */
export const SHAPE_EXTENT = 1.5;

/**
 * Draws one marker. Connected institutions are filled with the type colour; non-connected ones
 * are hollow (white inside, coloured ring), so the difference does not rest on colour alone.
 */
export function drawMarker(ctx, shape, x, y, r, color, hollow) {
  (TRACERS[shape] || TRACERS.circle)(ctx, x, y, r);
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  ctx.lineJoin = 'round';
  if (hollow) {
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = HALO;
    ctx.stroke();
    ctx.lineWidth = 1.7;
    ctx.strokeStyle = color;
    ctx.stroke();
  } else {
    ctx.fillStyle = color;
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = HALO;
    ctx.stroke();
  }
}

/** A small canvas showing one marker, for the legend and the layer control. */
export function markerIcon(shape, color, hollow = false, size = 18) {
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = Math.round(size * ratio);
  canvas.style.width = canvas.style.height = `${size}px`;
  canvas.setAttribute('aria-hidden', 'true');
  canvas.className = 'zb-marker-icon';
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  drawMarker(ctx, shape, size / 2, size / 2, size * 0.27, color, hollow);
  return canvas;
}

/**
 * The ring around a marker that shows an institution's operational status. The type keeps its
 * shape and colour; the status differs in line pattern as well as colour (colour-blind safe):
 * normaal thin solid, beperkt dashed, evacuerend dotted and double, gesloten thick with a slash.
 */
export const STATUS_RINGS = {
  normaal: { color: '#1a7f37', width: 1.5, dash: [] },
  beperkt: { color: '#b45309', width: 2.5, dash: [4, 3] },
  evacuerend: { color: '#6d28d9', width: 2.5, dash: [1.5, 2.5], double: true },
  gesloten: { color: '#111111', width: 3, dash: [], slash: true },
};

/** How far beyond r a status ring reaches, for the canvas redraw bounds. */
export const RING_EXTENT = SHAPE_EXTENT + 1.2;

export function drawStatusRing(ctx, status, x, y, r) {
  const ring = STATUS_RINGS[status];
  if (!ring) return;
  const radius = r * (SHAPE_EXTENT + 0.4) + 2;
  ctx.save();
  ctx.globalAlpha = 1;
  ctx.lineWidth = ring.width;
  ctx.strokeStyle = ring.color;
  ctx.setLineDash(ring.dash);
  circle(ctx, x, y, radius);
  ctx.stroke();
  if (ring.double) {
    circle(ctx, x, y, radius + ring.width + 1.5);
    ctx.stroke();
  }
  if (ring.slash) {
    ctx.beginPath();
    const d = radius * Math.SQRT1_2;
    ctx.moveTo(x - d, y + d);
    ctx.lineTo(x + d, y - d);
    ctx.stroke();
  }
  ctx.restore();
}

/** A small canvas with a status ring around a neutral dot, for the legend. */
export function statusIcon(status, size = 18) {
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = Math.round(size * ratio);
  canvas.style.width = canvas.style.height = `${size}px`;
  canvas.setAttribute('aria-hidden', 'true');
  canvas.className = 'zb-marker-icon';
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  drawMarker(ctx, 'circle', size / 2, size / 2, size * 0.14, '#9aa5b1', false);
  drawStatusRing(ctx, status, size / 2, size / 2, size * 0.14);
  return canvas;
}

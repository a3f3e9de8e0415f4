// How plumes look (ux.md): LBW red, AGW orange, VRW yellow; confidence lines dashed in the zone's
// colour; a preview or forecast hour with a dashed outline and a lighter fill, so it is never taken
// for the published plume.
import { PANES } from '../panes.js';

export const ZONE_COLOURS = {
  LBW: { color: '#a50f15', fillColor: '#e31a1c' },
  AGW: { color: '#b4470a', fillColor: '#fd8d3c' },
  VRW: { color: '#9c7c00', fillColor: '#ffe135' },
};

export const ZONE_NAMES = { LBW: 'Levensbedreigende waarde', AGW: 'Alarmeringsgrenswaarde', VRW: 'Voorlichtingsrichtwaarde' };

/** Confidence lines of the published plume: dashed, no fill. */
export function confidenceStyle(zone) {
  return { pane: PANES.incident, color: ZONE_COLOURS[zone]?.color || '#37474f', weight: 2, dashArray: '8 6', fill: false,
    className: `zb-plume-confidence zb-plume-confidence--${zone}` };
}

/** A preview or forecast hour: the zones with a dashed outline and a light fill, confidence lines dotted. */
export function sketchStyle(feature, kind) {
  const p = feature.properties;
  const c = ZONE_COLOURS[p.zone] || {};
  if (p.kind === 'confidence') {
    return { pane: PANES.drawing, color: c.color, weight: 2, dashArray: '3 6', fill: false, className: `zb-plume-${kind}-confidence` };
  }
  return { pane: PANES.drawing, color: c.color, fillColor: c.fillColor, weight: 2.5, dashArray: '10 5', fillOpacity: 0.22,
    className: `zb-plume-${kind} zb-plume-${kind}--${p.zone}` };
}

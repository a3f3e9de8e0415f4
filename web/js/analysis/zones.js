// The zones of the network analysis in colour and words (ux.md): LBW red, AGW orange, VRW yellow,
// another effect zone brown, the incident area purple, the rings grey. A zone is always shown with
// its name as well, never by colour alone.
import { el } from '../dom.js';

const COLOURS = {
  LBW: { fill: '#d7191c', ink: '#ffffff' },
  AGW: { fill: '#f07c1a', ink: '#1d1200' },
  VRW: { fill: '#ffd21f', ink: '#2b2300' },
  effectgebied: { fill: '#8d6e63', ink: '#ffffff' },
  incidentgebied: { fill: '#6a1b9a', ink: '#ffffff' },
  ring: { fill: '#5f6b76', ink: '#ffffff' },
};

/** {fill, ink} of a zone view ({key, group, ...}). */
export function zoneColours(zone) {
  return COLOURS[zone.key] || COLOURS[zone.group] || COLOURS.ring;
}

/** A small label in the zone's colour with its Dutch name. */
export function zoneBadge(zone) {
  const { fill, ink } = zoneColours(zone);
  // Rings are drawn dashed grey on the map; their label says so too, instead of a fill.
  const style = zone.group === 'ring' ? null : `background:${fill};color:${ink}`;
  return el('span', { class: `zb-zone zb-zone--${zone.group}`, style, dataset: { zone: zone.key } }, zone.label);
}

/** "350 m", "1,8 km": distances in metres as people say them. */
export function distanceWords(metres) {
  if (metres === 0) return '0 m';
  if (metres < 999.5) return `${Math.round(metres)} m`;
  const km = metres / 1000;
  return km < 9.95 ? `${km.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} km` : `${Math.round(km)} km`;
}

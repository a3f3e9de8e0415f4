// The kinds of picture element, in the order the toolbar, layer control and legend show them:
// the field's Dutch names, how each is drawn (a Leaflet-Geoman shape) and its own form fields.

export const KINDS = [
  { code: 'incidentlocatie', label: 'Incidentlocatie', action: 'Incidentlocatie plaatsen', draw: 'Marker', fields: [] },
  { code: 'incidentgebied', label: 'Incidentgebied', action: 'Incidentgebied tekenen', draw: 'Polygon', fields: [] },
  { code: 'effectgebied', label: 'Effectgebied', action: 'Effectgebied tekenen', draw: 'Polygon', fields: ['zone', 'substance'] },
  { code: 'opvanglocatie', label: 'Opvanglocatie', action: 'Opvanglocatie plaatsen', draw: 'Marker',
    fields: ['capacity', 'occupancy', 'facilities'] },
  { code: 'behandelcentrum', label: 'Behandelcentrum', action: 'Behandelcentrum plaatsen', draw: 'Marker',
    fields: ['capacity', 'occupancy', 'facilities'] },
  { code: 'afzetting', label: 'Afzetting', action: 'Afzetting tekenen', draw: 'Line', fields: [] },
  { code: 'meetpunt', label: 'Meetpunt', action: 'Meetpunt plaatsen', draw: 'Marker',
    fields: ['substance', 'value', 'unit', 'measuredAt'] },
  { code: 'aantekening', label: 'Aantekening', action: 'Aantekening', draw: 'Marker', fields: [] },
];

export const kindOf = (code) => KINDS.find((k) => k.code === code);

/** The zones of an effect area, from most to least severe. */
export const ZONES = [
  { code: 'LBW', label: 'LBW (levensbedreigende waarde)' },
  { code: 'AGW', label: 'AGW (alarmeringsgrenswaarde)' },
  { code: 'VRW', label: 'VRW (voorlichtingsrichtwaarde)' },
];

/** "Effectgebied LBW", "Opvanglocatie": what an element is, in words. */
export function describeKind(properties) {
  const label = kindOf(properties.kind)?.label || properties.kind;
  return properties.kind === 'effectgebied' && properties.zone ? `${label} ${properties.zone}` : label;
}

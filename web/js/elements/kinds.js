// The kinds of picture element, in the order the toolbar, layer control and legend show them:
// the field's Dutch names, how each is drawn (a Leaflet-Geoman shape) and its own form fields.

export const KINDS = [
  { code: 'incidentlocatie', article: 'de', label: 'Incidentlocatie', action: 'Incidentlocatie plaatsen', draw: 'Marker', fields: [] },
  { code: 'incidentgebied', article: 'het', label: 'Incidentgebied', action: 'Incidentgebied tekenen', draw: 'Polygon', fields: [] },
  { code: 'effectgebied', article: 'het', label: 'Effectgebied', action: 'Effectgebied tekenen', draw: 'Polygon', fields: ['zone', 'substance'] },
  { code: 'opvanglocatie', article: 'de', label: 'Opvanglocatie', action: 'Opvanglocatie plaatsen', draw: 'Marker',
    fields: ['capacity', 'occupancy', 'facilities'] },
  { code: 'behandelcentrum', article: 'het', label: 'Behandelcentrum', action: 'Behandelcentrum plaatsen', draw: 'Marker',
    fields: ['capacity', 'occupancy', 'facilities'] },
  { code: 'afzetting', article: 'de', label: 'Afzetting', action: 'Afzetting tekenen', draw: 'Line', fields: [] },
  { code: 'meetpunt', article: 'het', label: 'Meetpunt', action: 'Meetpunt plaatsen', draw: 'Marker',
    fields: ['substance', 'value', 'unit', 'measuredAt'] },
  { code: 'aantekening', article: 'de', label: 'Aantekening', action: 'Aantekening', draw: 'Marker', fields: [] },
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

/** 'het incidentgebied "Brandhaard"', 'de opvanglocatie': for sentences about one element. */
export function nameInSentence(properties) {
  const kind = kindOf(properties.kind);
  const zone = properties.kind === 'effectgebied' && properties.zone ? ` ${properties.zone}` : '';
  const label = properties.label ? ` "${properties.label}"` : '';
  return kind ? `${kind.article} ${kind.label.toLowerCase()}${zone}${label}` : `element${label}`;
}

// Certainty of a piece of information (the quality norm): validated unless marked otherwise.
// Shared by map elements and picture bullets; the codes are the API's.

export const CERTAINTIES = [
  { code: 'gevalideerd', label: 'Gevalideerd' },
  { code: 'aanname', label: 'Aanname' },
  { code: 'vermoeden', label: 'Vermoeden' },
  { code: 'gerucht', label: 'Gerucht' },
  { code: 'mening', label: 'Mening' },
];

export const certaintyLabel = (code) => CERTAINTIES.find((c) => c.code === code)?.label || code;

/** Anything not validated is marked on screen with a label and a style, never by colour alone. */
export const isValidated = (code) => code === 'gevalideerd';

// Turns the server's refusal of an element (problem+json, in English for developers) into plain
// Dutch for the person at the form, and says which field it concerns (`where`: "properties.source",
// "geometry.coordinates[0]", ...). Unknown messages still get a Dutch sentence naming the field.
import { FIELDS } from './element-fields.js';

const GEOMETRY = [
  [/self-intersection|invalid (multi)?polygon/i, 'De vorm snijdt zichzelf. Teken hem opnieuw, of laat hem automatisch herstellen.', true],
  [/outside the netherlands/i, 'De vorm ligt buiten Nederland. Controleer waar u tekende.'],
  [/too many vertices/i, 'De vorm heeft te veel hoekpunten (meer dan 20.000). Teken hem eenvoudiger.'],
  [/needs at least|at least one/i, 'De vorm heeft te weinig punten. Teken hem opnieuw.'],
];

function fieldMessage(name, detail) {
  const label = FIELDS[name]?.label || name;
  if (name === 'source' && /required/.test(detail)) return 'Vul de bron in: van wie of waar komt deze informatie?';
  if (name === 'certainty') return 'Kies hoe zeker deze informatie is.';
  if (/required/.test(detail)) return `${label} is verplicht.`;
  const longer = /longer than (\d+)/.exec(detail);
  if (longer) return `${label} is te lang: hoogstens ${longer[1]} tekens.`;
  if (/exceeds capacity/.test(detail)) return 'De bezetting is hoger dan de capaciteit.';
  if (/whole number/.test(detail)) return `Vul bij ${label.toLowerCase()} een heel getal in (0 of meer).`;
  if (/must be a number/.test(detail)) return `Vul bij ${label.toLowerCase()} een getal in, bijvoorbeeld 12,5.`;
  if (/ISO 8601/.test(detail)) return `Vul bij ${label.toLowerCase()} een datum en tijd in.`;
  return `${label} is niet goed ingevuld.`;
}

/**
 * @param problem an ApiError (incident/api.js)
 * @returns {field, message, repairable}: field is a key of FIELDS, 'geometry', or null for the form as a whole
 */
export function explain(problem) {
  const where = problem.where || '';
  const detail = problem.message || '';
  if (where.startsWith('geometry')) {
    const [, message, repairable] = GEOMETRY.find(([pattern]) => pattern.test(detail))
      || [null, 'De vorm wordt niet geaccepteerd. Teken hem opnieuw.'];
    return { field: 'geometry', message, repairable: Boolean(repairable) };
  }
  if (where.startsWith('properties.')) {
    const name = where.slice('properties.'.length);
    if (FIELDS[name]) return { field: name, message: fieldMessage(name, detail) };
  }
  return { field: null, message: generalMessage(problem) };
}

function generalMessage(problem) {
  switch (problem.status) {
    case 0: return 'De server is niet bereikbaar. Uw invoer staat er nog; probeer het zo opnieuw.';
    case 403: return 'Uw rol mag dit element niet tekenen of wijzigen.';
    case 404: return 'Dit element of incident bestaat niet meer. Herlaad de pagina.';
    case 409: return 'Dit incident is gesloten: het beeld kan worden bekeken, maar niet meer gewijzigd.';
    case 413: return 'De vorm is te groot om op te slaan. Teken hem eenvoudiger.';
    default:
      return problem.status >= 500
        ? `Er ging iets mis op de server; probeer het opnieuw (verzoek ${problem.requestId || 'onbekend'}).`
        : `De wijziging is geweigerd (HTTP ${problem.status}).`;
  }
}

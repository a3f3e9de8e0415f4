// The properties a picture element can have, as form fields: the API name, the Dutch label, the
// input and how its value goes into the GeoJSON properties and comes back out.
import { fromLocalInput, toLocalInput } from '../incident/time.js';
import { options } from '../incident/words.js';
import { ZONES } from './kinds.js';

const text = { read: (v) => v.trim() || null, write: (v) => v ?? '' };
const number = (integer) => ({
  // Dutch keyboards type a decimal comma; the server wants a JSON number (or the refusal says so).
  read: (v) => {
    const raw = v.trim().replace(',', '.');
    if (!raw) return null;
    const n = Number(raw);
    return Number.isFinite(n) && (!integer || Number.isInteger(n)) ? n : v.trim();
  },
  write: (v) => (v == null ? '' : String(v).replace('.', ',')),
  inputmode: integer ? 'numeric' : 'decimal',
});
const moment = { read: (v) => fromLocalInput(v)?.toISOString() ?? (v || null), write: (v) => (v ? toLocalInput(new Date(v)) : '') };

/** Every field: label, source, certainty and description belong to every kind, the others are listed per kind in kinds.js. */
export const FIELDS = {
  label: { label: 'Naam', type: 'text', max: 200, hint: 'Kort, bijvoorbeeld "Brandhaard Chemiepark"', ...text },
  source: { label: 'Bron', type: 'text', max: 300, required: true, hint: 'Van wie of waar komt dit? Bijvoorbeeld "OvD-G" of "meetploeg 2"', ...text },
  certainty: { label: 'Zekerheid', type: 'select', required: true, options: () => options('certainties'), ...text },
  zone: { label: 'Zone', type: 'select', required: true, options: () => ZONES.map(({ code, label }) => ({ code, text: label })), ...text },
  substance: { label: 'Stof', type: 'text', max: 200, ...text },
  value: { label: 'Gemeten waarde', type: 'text', required: true, ...number(false) },
  unit: { label: 'Eenheid', type: 'text', max: 40, required: true, hint: 'Bijvoorbeeld mg/m³ of ppm', ...text },
  measuredAt: { label: 'Meetmoment', type: 'datetime-local', required: true, ...moment },
  capacity: { label: 'Capaciteit', type: 'text', hint: 'Aantal personen', ...number(true) },
  occupancy: { label: 'Bezetting', type: 'text', hint: 'Aantal personen nu aanwezig', ...number(true) },
  facilities: { label: 'Voorzieningen', type: 'text', max: 500, ...text },
  description: { label: 'Toelichting', type: 'textarea', max: 2000, ...text },
};

/** The fields of a kind's form, in order: what it is, then where it comes from and how sure. */
export const fieldsOf = (kind) => ['label', ...kind.fields, 'source', 'certainty', 'description'];

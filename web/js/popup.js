// The popup of one institution: what a caller needs to act on, in Dutch.
import { el } from './dom.js';
import { formatDateTime } from './format.js';
import { markerIcon } from './shapes.js';
import { known } from './status/status-api.js';
import { statusSection } from './status/status-view.js';

const yesNo = (value) => (value ? 'Ja' : 'Nee');

function row(term, ...value) {
  return value.some((v) => v != null && v !== '') ? [el('dt', {}, term), el('dd', {}, ...value)] : [];
}

/** @param id the institution id, for its status report */
export function institutionPopup(p, type, id) {
  const street = [p.street, p.houseNumber].filter(Boolean).join(' ');
  const place = [p.postcode, p.city].filter(Boolean).join(' ');
  const connected = p.connected
    ? el('span', { class: 'zb-badge zb-badge--connected' }, 'Aangesloten')
    : el('span', { class: 'zb-badge zb-badge--not-connected' }, 'Niet aangesloten');
  return el('div', { class: 'zb-popup', dataset: { type: p.type } },
    el('h3', { class: 'zb-popup__name' }, p.name),
    el('p', { class: 'zb-popup__type' }, markerIcon(type.shape, type.color, !p.connected, 16), type.label,
      p.demo && el('span', { class: 'zb-badge zb-badge--demo' }, 'Demodata')),
    statusSection({ id, regionCode: p.regionCode }, known.words),
    el('dl', {},
      row('Organisatie', p.organisation),
      row('Adres', street, street && place && el('br'), place),
      row('Aansluiting', connected),
      p.emergencyDepartment != null && row('SEH', yesNo(p.emergencyDepartment)),
      p.nicu != null && row('NICU', yesNo(p.nicu)),
      row('Telefoon', p.phone && el('a', { href: `tel:${p.phone.replace(/\s+/g, '')}` }, p.phone)),
      row('E-mail', p.email && el('a', { href: `mailto:${p.email}` }, p.email)),
      row('Bron', p.source, p.licence && ` (licentie: ${p.licence})`,
        p.updated && el('br'), p.updated && `bijgewerkt ${formatDateTime(new Date(p.updated))}`)));
}

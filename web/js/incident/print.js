// Printing the picture as it is shown (A4 or A3 landscape: the map with its legend, then the
// picture and the network analysis, headed by the incident and the moment it shows) and
// downloading the incident's snapshot (the ZIP that also opens without the server).
import { el } from '../dom.js';
import { formatDateTime } from '../format.js';

const SIZES = { A4: 'A4 liggend', A3: 'A3 liggend' };

/** The print heading and page size for `size` (A4 or A3); the print style sheet does the rest (the OEFENING banner prints as it is). */
export function preparePrint(incident, shows, historic, size = 'A4') {
  let header = document.getElementById('zb-print-header');
  if (!header) {
    header = el('div', { id: 'zb-print-header', class: 'zb-print-header' });
    document.querySelector('main.workspace').before(header);
  }
  header.replaceChildren(
    el('h1', {}, incident.title),
    el('p', { class: 'zb-print-header__moment' },
      `Beeld van ${formatDateTime(new Date(shows))}${historic ? ' (een eerder moment)' : ''}`),
    el('p', { class: 'zb-print-header__printed' }, `Afgedrukt ${formatDateTime(new Date())} uit Zorgbeeld`));
  let page = document.getElementById('zb-page-size');
  if (!page) {
    page = el('style', { id: 'zb-page-size' });
    document.head.append(page);
  }
  page.textContent = `@page { size: ${size} landscape; margin: 10mm; }`;
  document.body.dataset.print = size;
  // The map takes its print size before the page is laid out: Leaflet must measure it again.
  window.zorgbeeld?.map?.invalidateSize();
}

/** The buttons of the top bar: the paper size, Afdrukken, and Momentopname downloaden. */
export function printActions(incident, { shows, at }) {
  const size = el('select', { class: 'zb-topbar-select', 'aria-label': 'Papierformaat' },
    ...Object.entries(SIZES).map(([value, text]) => el('option', { value }, text)));
  const print = el('button', {
    type: 'button',
    class: 'zb-topbar-button',
    onclick: () => {
      preparePrint(incident, shows, Boolean(at), size.value);
      window.print();
    },
  }, 'Afdrukken');
  const href = `/api/incidents/${incident.id}/snapshot${at ? `?at=${encodeURIComponent(at)}` : ''}`;
  const download = el('a', { class: 'zb-topbar-button', href, download: '', title: 'ZIP met een pagina die zonder server opent,'
    + ' een PDF, alle kaartlagen (GeoJSON, GeoPackage) en de belronde (CSV)' }, 'Momentopname downloaden');
  return [size, print, download];
}

window.addEventListener('afterprint', () => window.zorgbeeld?.map?.invalidateSize());

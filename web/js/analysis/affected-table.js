// The affected institutions as a table: filters by type, zone and status, sortable columns
// (zone = most severe first, the default), newly affected marked, the status under the name, and
// per row a fold-out with how to reach the institution and its status buttons.
import { el } from '../dom.js';
import { formatCount } from '../format.js';
import { statusControl } from './status-control.js';
import { distanceWords, zoneBadge } from './zones.js';

const SORTS = {
  zone: (a, b) => a.zone.severity - b.zone.severity || (a.zone.ring ?? 0) - (b.zone.ring ?? 0) || a.distance - b.distance,
  name: (a, b) => a.institution.name.localeCompare(b.institution.name, 'nl'),
  distance: (a, b) => a.distance - b.distance,
};
const COLUMNS = [['zone', 'Zone'], ['name', 'Instelling en status'], ['distance', 'Afstand']];
// Shown only while the incident has a plume or a forecast: its threat and the forecast's first hour per row.
const PLUME_COLUMN = ['plume', 'Pluim'];
const FORECAST_COLUMN = ['forecast', 'Prognose'];
SORTS.plume = (a, b) => (a.plume?.arrivalSeconds ?? Infinity) - (b.plume?.arrivalSeconds ?? Infinity);
SORTS.forecast = (a, b) => (a.forecast ? Date.parse(a.forecast.firstAffected) : Infinity) - (b.forecast ? Date.parse(b.forecast.firstAffected) : Infinity);

/** The columns of this analysis: the plume's and the forecast's only when there is one. */
function columnsOf(analysis) {
  return [...COLUMNS, ...(analysis.plume ? [PLUME_COLUMN] : []), ...(analysis.forecast ? [FORECAST_COLUMN] : [])];
}

/** "AGW · 230 mg/m³ · na ca. 2 min", or the confidence area when the row lies only in it. */
function plumeCell(plume) {
  if (!plume) return '–';
  const parts = [plume.zone ? `Zone ${plume.zone}` : `Marge ${plume.confidenceZone}`];
  const concentration = plume.zone ? plume.concentration : plume.worstInConfidence;
  if (concentration != null) parts.push(`${plume.zone ? '' : 'tot '}${concentration.toLocaleString('nl-NL', { maximumSignificantDigits: 3 })} mg/m³`);
  if (plume.arrivalSeconds != null) parts.push(arrivalWords(plume.arrivalSeconds));
  return el('span', { class: 'zb-affected__plume', title: plume.description }, parts.join(' · '));
}

function arrivalWords(seconds) {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return 'binnen een minuut';
  return minutes < 60 ? `na ca. ${minutes} min` : `na ca. ${Math.floor(minutes / 60)} u${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

function forecastCell(forecast) {
  if (!forecast) return '–';
  return el('span', { class: 'zb-affected__forecast', title: forecast.description }, `vanaf ${forecast.firstHour} in ${forecast.firstZone}`);
}

/** Keeps filters, sort and the opened row across refreshes of the analysis. */
export class AffectedTable {
  constructor({ onShowOnMap, onSaved }) {
    this.filters = { type: '', zone: '', status: '', onlyNew: false };
    this.sort = { key: 'zone', ascending: true };
    this.open = null;
    this.onShowOnMap = onShowOnMap;
    this.onSaved = onSaved;
  }

  /** @param context {analysis, incidentId, statuses, typeLabel(code), readOnly} */
  render(context) {
    const items = context.analysis.institutions;
    const shown = items.filter((item) => this.matches(item));
    const compare = SORTS[this.sort.key];
    shown.sort((a, b) => (this.sort.ascending ? 1 : -1) * compare(a, b) || SORTS.zone(a, b));
    return el('div', { class: 'zb-affected' },
      this.filterBar(context),
      el('p', { class: 'zb-affected__count', role: 'status' },
        shown.length === items.length ? `${formatCount(items.length)} geraakte instellingen`
          : `${formatCount(shown.length)} van ${formatCount(items.length)} geraakte instellingen`),
      shown.length === 0 ? el('p', { class: 'zb-empty' }, items.length ? 'Geen instellingen bij deze filters.'
        : 'Geen instellingen in de zones of binnen de ringen.')
        : this.table(shown, context));
  }

  matches(item) {
    const f = this.filters;
    return (!f.type || item.institution.type === f.type) && (!f.zone || item.zone.key === f.zone)
      && (!f.status || item.status.status === f.status) && (!f.onlyNew || item.newlyAffected);
  }

  filterBar({ analysis, statuses, typeLabel, rerender }) {
    const select = (name, label, options) => {
      const id = `zb-filter-${name}`;
      const input = el('select', { id, name }, el('option', { value: '' }, 'Alle'),
        options.map(([value, text]) => el('option', { value, selected: this.filters[name] === value }, text)));
      input.addEventListener('change', () => {
        this.filters[name] = input.value;
        rerender();
      });
      return el('div', { class: 'zb-filter' }, el('label', { for: id }, label), input);
    };
    const onlyNew = el('input', { type: 'checkbox', id: 'zb-filter-new', checked: this.filters.onlyNew });
    onlyNew.addEventListener('change', () => {
      this.filters.onlyNew = onlyNew.checked;
      rerender();
    });
    return el('div', { class: 'zb-filters', role: 'group', 'aria-label': 'Filters' },
      select('type', 'Type', Object.keys(analysis.summary.types).map((code) => [code, typeLabel(code)])),
      select('zone', 'Zone', analysis.summary.zones.map((z) => [z.zone.key, `${z.zone.label} (${z.count})`])),
      select('status', 'Status', statuses.map((s) => [s.code, s.label])),
      el('div', { class: 'zb-filter zb-filter--check' }, onlyNew, el('label', { for: 'zb-filter-new' }, 'Alleen nieuw geraakt')));
  }

  table(items, context) {
    const head = el('tr', {}, columnsOf(context.analysis).map(([key, label]) => {
      const active = this.sort.key === key;
      const button = el('button', { type: 'button', class: 'zb-sort' }, label, active ? (this.sort.ascending ? ' ▲' : ' ▼') : '');
      button.addEventListener('click', () => {
        this.sort = { key, ascending: active ? !this.sort.ascending : true };
        context.rerender();
      });
      return el('th', { scope: 'col', 'aria-sort': active ? (this.sort.ascending ? 'ascending' : 'descending') : 'none' }, button);
    }));
    const body = el('tbody', {});
    for (const item of items) body.append(...this.rows(item, context));
    return el('table', { class: 'zb-affected__table' }, el('caption', { class: 'sr-only' }, 'Geraakte instellingen'),
      el('thead', {}, head), body);
  }

  rows(item, context) {
    const id = item.institution.id;
    const opened = this.open === id;
    const toggle = el('button', { type: 'button', class: 'zb-affected__name', 'aria-expanded': String(opened) }, item.institution.name);
    toggle.addEventListener('click', () => {
      this.open = opened ? null : id;
      context.rerender();
    });
    const row = el('tr', { class: `zb-affected__row${item.newlyAffected ? ' zb-affected__row--new' : ''}`, dataset: { institution: id } },
      el('td', {}, zoneBadge(item.zone)),
      el('td', {}, toggle, item.newlyAffected && el('span', { class: 'zb-new' }, 'NIEUW'),
        el('span', { class: 'zb-affected__type' }, context.typeLabel(item.institution.type),
          item.institution.connected ? '' : ' · niet aangesloten'),
        el('span', { class: `zb-status-tag zb-status-tag--${item.status.status}` }, `Status: ${item.status.statusLabel}`),
        item.alert && el('span', { class: 'zb-tag zb-tag--call' }, item.alert.label)),
      el('td', { class: 'zb-affected__distance' }, distanceWords(item.distance)),
      context.analysis.plume && el('td', { class: 'zb-affected__plume-cell' }, plumeCell(item.plume)),
      context.analysis.forecast && el('td', { class: 'zb-affected__forecast-cell' }, forecastCell(item.forecast)));
    if (!opened) return [row];
    return [row, el('tr', { class: 'zb-affected__details' },
      el('td', { colspan: columnsOf(context.analysis).length }, this.details(item, context)))];
  }

  details(item, context) {
    const i = item.institution;
    const show = el('button', { type: 'button', class: 'zb-button zb-button--small' }, 'Toon op kaart');
    show.addEventListener('click', () => this.onShowOnMap(item));
    return el('div', { class: 'zb-contact' },
      contactList(i, item),
      show,
      statusControl(item, { incidentId: context.incidentId, statuses: context.statuses, readOnly: context.readOnly, onSaved: this.onSaved }));
  }
}

/** How to reach an institution and why it is on the list. */
export function contactList(i, item) {
  const row = (term, value) => (value ? [el('dt', {}, term), el('dd', {}, value)] : []);
  return el('dl', { class: 'zb-contact__list' },
    row('Telefoon', i.phone && el('a', { href: `tel:${i.phone.replace(/\s+/g, '')}` }, i.phone)),
    row('E-mail', i.email && el('a', { href: `mailto:${i.email}` }, i.email)),
    row('Adres', i.address),
    row('Organisatie', i.organisation),
    row('Veiligheidsregio', i.regionName || i.regionCode),
    row('Aansluiting', i.connected ? 'Aangesloten op Zorgbeeld' : 'Niet aangesloten: bellen'),
    row('Oorzaak', item.element && causeWords(item.element, item.distance)),
    row('Pluim', item.plume?.description),
    row('Prognose', item.forecast?.description));
}

/** "Binnen het effectgebied AGW (Pluim)", "350 m van het incidentgebied". */
export function causeWords(element, distance) {
  const name = element.kind === 'effectgebied' ? `het effectgebied ${element.zone}`
    : element.kind === 'incidentgebied' ? 'het incidentgebied' : 'de incidentlocatie';
  const label = element.label ? ` (${element.label})` : '';
  return distance === 0 && element.kind !== 'incidentlocatie' ? `Binnen ${name}${label}` : `${distanceWords(distance)} van ${name}${label}`;
}

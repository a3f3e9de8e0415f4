// The picture-quality panel for the Hoofd Informatie: every indicator of GET /api/incidents/{id}/quality
// with its norm, whether it is met, and the items behind it (what is stale, without a source, open);
// it reads the figures again on every change in the incident's live stream while open, and offers
// the CSV export for the yearly evaluation.
import { el } from '../dom.js';
import { openDialog } from '../dialog.js';
import { formatDecimal } from '../format.js';
import { get } from './api.js';
import { dutchMessage } from './errors.js';

function valueText(i) {
  if (i.value == null) return '–';
  if (i.unit === 'share') return `${formatDecimal(i.value * 100, 0)}%`;
  if (i.unit === 'minutes') return `${formatDecimal(i.value, 1)} min`;
  if (i.unit === 'boolean') return i.value ? 'ja' : 'nee';
  return String(i.value);
}

function normText(i) {
  if (i.norm == null) return 'geen norm';
  const norm = i.unit === 'share' ? `${formatDecimal(i.norm * 100, 0)}%` : i.unit === 'minutes' ? `${i.norm} min`
    : i.unit === 'boolean' ? 'ja' : String(i.norm);
  return `${{ '<=': 'hoogstens', '>=': 'minstens', '=': '' }[i.comparison] ?? ''} ${norm}`.trim();
}

function verdict(i) {
  if (i.meetsNorm == null) return el('span', {}, '–');
  return i.meetsNorm ? el('span', { class: 'zb-quality__ok' }, 'voldoet') : el('span', { class: 'zb-quality__fail' }, 'voldoet niet');
}

const itemText = (item) => [item.label, item.owner ? `eigenaar ${item.owner}` : null, item.minutes != null ? `${item.minutes} min` : null,
  item.certainty ?? null].filter(Boolean).join(' · ');

function table(report) {
  return el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, 'Indicator'), el('th', {}, 'Waarde'), el('th', {}, 'Norm'), el('th', {}, 'Oordeel'))),
    el('tbody', {}, report.indicators.map((i) => el('tr', { dataset: { key: i.key } },
      el('td', {}, el('span', { title: i.question }, i.label),
        i.items.length && i.meetsNorm !== true ? el('ul', { class: 'zb-quality__items' }, i.items.slice(0, 8).map((it) => el('li', {}, itemText(it)))) : null),
      el('td', { class: 'zb-quality__value' }, valueText(i)), el('td', {}, normText(i)), el('td', {}, verdict(i))))));
}

export function openQuality(incident) {
  const content = el('div', { class: 'zb-quality', id: 'zb-quality' }, el('p', {}, 'Beeldkwaliteit laden…'));
  const csv = el('a', { class: 'zb-button', href: `/api/incidents/${incident.id}/quality?format=csv`, download: '' }, 'CSV voor de jaarevaluatie');
  let stale = false;
  let busy = false;
  const refresh = async () => {
    if (busy) {
      stale = true;
      return;
    }
    busy = true;
    try {
      const report = await get(`/api/incidents/${incident.id}/quality`);
      content.replaceChildren(table(report));
      content.dataset.evaluatedAt = report.evaluatedAt;
    } catch (error) {
      content.replaceChildren(el('p', { class: 'zb-form__error', role: 'alert' }, dutchMessage(error)));
    } finally {
      busy = false;
      if (stale) {
        stale = false;
        refresh();
      }
    }
  };
  const onLive = (e) => {
    if (e.detail.incidentid === incident.id) refresh();
  };
  document.addEventListener('zorgbeeld:live', onLive);
  openDialog({ id: 'zb-quality-dialog', title: `Beeldkwaliteit: ${incident.title}`, wide: true,
    onClose: () => document.removeEventListener('zorgbeeld:live', onLive) }, content, el('p', {}, csv));
  refresh();
}

// "Verloop bedden": free beds per type over time for one institution, drawn by uPlot (web/vendor/uplot,
// served by the app). Each report is a step: the count holds until the next report; an unknown count
// is a gap, not 0.
import { el } from '../dom.js';
import { formatDateTime } from '../format.js';
import { fetchHistory, label, words } from './status-api.js';

// Distinguishable for colour-blind readers (Okabe-Ito), and each series also has its own dash.
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#f0e442', '#7f7f7f'];
const DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3], [], [6, 3], [2, 2], [8, 3, 2, 3], []];

export async function openBedChart(id) {
  const [w, history] = await Promise.all([words(), fetchHistory(id)]);
  const reports = history.reports;
  const types = w.bedTypes.filter((t) => reports.some((r) => r.beds[t.code]));
  const dialog = el('dialog', { class: 'zb-dialog zb-dialog--wide', id: 'bed-chart', 'aria-labelledby': 'bed-chart-title' });
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const box = el('div', { class: 'zb-bed-chart' });
  dialog.append(
    el('div', { class: 'zb-dialog__head' },
      el('h2', { id: 'bed-chart-title' }, `Vrije bedden: ${history.institution.name}`),
      el('button', { type: 'button', class: 'zb-button', onclick: close }, 'Sluiten')),
    types.length === 0 ? el('p', { class: 'zb-empty' }, 'Nog geen bedden gemeld.') : box,
    el('p', { class: 'zb-field__hint' }, `${reports.length} meldingen, van ${reports.length ? formatDateTime(new Date(reports[0].reportedAt)) : '-'}`
      + ` tot ${reports.length ? formatDateTime(new Date(reports.at(-1).reportedAt)) : '-'}.`));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  if (types.length === 0) return;
  const times = reports.map((r) => new Date(r.reportedAt).getTime() / 1000);
  const data = [times, ...types.map((t) => reports.map((r) => r.beds[t.code]?.available ?? null))];
  const chart = new uPlot({
    width: Math.min(660, window.innerWidth - 80),
    height: 280,
    scales: { y: { range: (u, min, max) => [0, Math.max(1, max ?? 1)] } },
    series: [{ label: 'Tijd', value: (u, v) => (v == null ? '-' : formatDateTime(new Date(v * 1000))) },
      ...types.map((t, i) => ({
        label: label(w.bedTypes, t.code), stroke: COLOURS[i % COLOURS.length], dash: DASHES[i % DASHES.length], width: 2,
        paths: uPlot.paths.stepped({ align: 1 }), points: { show: true, size: 6 }, spanGaps: false,
      }))],
    axes: [{}, { label: 'vrij' }],
  }, data, box);
  box.dataset.series = String(types.length);
  dialog.addEventListener('close', () => chart.destroy());
}

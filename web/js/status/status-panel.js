// Institution status in the page: the "Capaciteit" tab (the regional table: filters by region, type
// and status, sortable columns, free beds per type in total, the age of each report with
// "verouderd", CSV and EDXL-HAVE downloads), the status rings on the map, and the form and bed chart
// opened from the table or a popup (or #status=<institution id>). The status live stream
// (/api/institutions/status/live) reloads it the moment anyone reports; a closed SEH or a changed
// status is also announced. The time selector's moment (the `zorgbeeld:incident` event's `at`)
// shows the statuses as they were then. Publishes window.zorgbeeld.status ({count, version, ready, markerStatus(id),
// openPopup(id)}) for the browser tests.
import { el } from '../dom.js';
import { formatCount, formatDateTime, formatTime, relativeAge } from '../format.js';
import { markersById } from '../institutions.js';
import { mayReportStatus } from '../rights.js';
import { statusIcon } from '../shapes.js';
import { showToast } from '../toast.js';
import { openBedChart } from './status-chart.js';
import { openStatusForm } from './status-form.js';
import { fetchOverview, OVERVIEW, statusById, words } from './status-api.js';
import { bedWords, emergencyBadge, operationalBadge } from './status-view.js';

const FALLBACK_MS = 60_000;

// Listening from the start: the incident UI may announce its moment before the map is built.
let moment = null;
let follow = null;
document.addEventListener('zorgbeeld:incident', (e) => {
  if ((e.detail.at ?? null) === moment) return;
  moment = e.detail.at ?? null;
  follow?.();
});
const SEVERITY = { gesloten: 0, evacuerend: 1, beperkt: 2, normaal: 3 };
const ED_SEVERITY = { gesloten: 0, omleiding: 1, open: 2 };
const SORTS = {
  name: (a, b) => a.institution.name.localeCompare(b.institution.name, 'nl'),
  // The most severe first: the operational status, then the emergency department.
  status: (a, b) => (SEVERITY[a.report.operationalStatus] ?? 4) - (SEVERITY[b.report.operationalStatus] ?? 4)
    || (ED_SEVERITY[a.report.emergencyDepartment.status] ?? 3) - (ED_SEVERITY[b.report.emergencyDepartment.status] ?? 3),
  ic: (a, b) => (b.report.beds['ic-volwassenen']?.available ?? -1) - (a.report.beds['ic-volwassenen']?.available ?? -1),
  age: (a, b) => b.ageSeconds - a.ageSeconds,
};
const COLUMNS = [['name', 'Instelling'], ['status', 'Status en SEH'], ['ic', 'IC vrij'], ['age', 'Gemeld']];

export function setUpStatus(map, state, regions, typeLabels) {
  const tab = document.getElementById('tabpanel-capaciteit');
  const box = el('div', { class: 'zb-status', id: 'zb-status' });
  tab.append(box);
  const published = {
    count: 0, version: 0, ready: false,
    markerStatus: (id) => markersById.get(id)?.options.status ?? null,
    // The popup is bound to the type's group: a click on the marker, propagated, opens it as a user's would.
    openPopup: (id) => markersById.get(id)?.fire('click', { latlng: markersById.get(id).getLatLng() }, true),
  };
  state.status = published;
  const view = { overview: null, error: null, filters: { region: '', type: '', status: '' }, sort: { key: 'status', ascending: true } };
  let w = null;

  let loads = 0;
  async function refresh() {
    const load = ++loads;
    try {
      const [vocabulary, overview] = await Promise.all([words(), fetchOverview(moment)]);
      // A later refresh (another moment, a newer report) has been asked for: this answer is outdated.
      if (load !== loads) return;
      [w, view.overview] = [vocabulary, overview];
      view.error = null;
      statusById.clear();
      view.overview.institutions.forEach((item) => statusById.set(item.institution.id, item));
      paintMarkers();
      Object.assign(published, { count: statusById.size, version: published.version + 1, ready: true });
    } catch (error) {
      if (load !== loads) return;
      view.error = error;
    }
    render();
  }

  function paintMarkers() {
    for (const [id, marker] of markersById) marker.setStatus(statusById.get(id)?.report?.operationalStatus ?? null);
  }

  const shown = () => view.overview.institutions.filter((item) => {
    const f = view.filters;
    return (!f.region || item.institution.regionCode === f.region) && (!f.type || item.institution.type === f.type)
      && (!f.status || (item.report.operationalStatus ?? 'onbekend') === f.status);
  });

  function render() {
    if (view.error) {
      box.replaceChildren(el('p', { class: 'zb-form__error', role: 'alert' }, `De statusmeldingen konden niet worden geladen: ${view.error.message}`));
      return;
    }
    if (!view.overview) {
      box.replaceChildren(el('p', { class: 'zb-empty' }, 'Statusmeldingen laden…'));
      return;
    }
    const items = shown();
    items.sort((a, b) => (view.sort.ascending ? 1 : -1) * SORTS[view.sort.key](a, b) || SORTS.name(a, b));
    box.replaceChildren(
      moment && el('p', { class: 'zb-analysis__now' }, `Let op: dit is de status zoals die bekend was op ${formatDateTime(new Date(moment))}.`),
      ringLegend(), filterBar(), totals(items), downloads(),
      items.length === 0 ? el('p', { class: 'zb-empty' }, 'Geen statusmeldingen bij deze filters.') : table(items),
      el('p', { class: 'zb-field__hint' }, `Verouderd: ouder dan ${view.overview.staleMinutes} minuten tijdens een actief incident.`
        + ` Bijgewerkt ${formatTime(new Date(view.overview.evaluatedAt))}.`));
  }

  /** What the rings around the markers mean (the map legend keeps to the types, so it does not grow over the map). */
  function ringLegend() {
    return el('p', { class: 'zb-status-legend', id: 'status-legend' }, 'Ring op de kaart: ',
      w.operationalStatuses.map((s) => el('span', { class: 'zb-legend__sample', dataset: { status: s.code } }, statusIcon(s.code, 18), s.label)));
  }

  function filterBar() {
    const select = (name, title, options) => {
      const id = `zb-status-filter-${name}`;
      const input = el('select', { id, name }, el('option', { value: '' }, 'Alle'),
        options.map(([value, text]) => el('option', { value, selected: view.filters[name] === value }, text)));
      input.addEventListener('change', () => {
        view.filters[name] = input.value;
        render();
      });
      return el('div', { class: 'zb-filter' }, el('label', { for: id }, title), input);
    };
    const types = [...new Set(view.overview.institutions.map((i) => i.institution.type))];
    return el('div', { class: 'zb-filters', role: 'group', 'aria-label': 'Filters' },
      select('region', 'Veiligheidsregio', regions.map((r) => [r.code, r.name])),
      select('type', 'Type', types.map((t) => [t, typeLabels.get(t) ?? t])),
      select('status', 'Status', [...w.operationalStatuses.map((s) => [s.code, s.label]), ['onbekend', 'Onbekend']]));
  }

  /** Free beds per type over the rows shown, with how many institutions reported them. */
  function totals(items) {
    const rows = w.bedTypes.map((t) => {
      let available = null;
      let total = null;
      let count = 0;
      for (const item of items) {
        const bed = item.report.beds[t.code];
        if (!bed) continue;
        if (bed.available != null) {
          available = (available ?? 0) + bed.available;
          count += 1;
        }
        if (bed.total != null) total = (total ?? 0) + bed.total;
      }
      return available == null && total == null ? null
        : el('li', { dataset: { bedType: t.code } }, el('strong', {}, t.label), `: ${bedWords({ available, total })}`,
          el('span', { class: 'zb-status-totals__n' }, ` (${count} ${count === 1 ? 'instelling' : 'instellingen'})`));
    }).filter(Boolean);
    return el('section', { class: 'zb-status-totals', 'aria-label': 'Vrije bedden in totaal' },
      el('h3', {}, `Vrije bedden (${formatCount(items.length)} instellingen)`),
      rows.length ? el('ul', {}, rows) : el('p', { class: 'zb-empty' }, 'Geen bedden gemeld.'));
  }

  function downloads() {
    const q = new URLSearchParams();
    if (view.filters.region) q.set('region', view.filters.region);
    if (view.filters.type) q.set('type', view.filters.type);
    if (view.filters.status) q.set('status', view.filters.status);
    const href = (format) => `${OVERVIEW}?${new URLSearchParams([...q, ['format', format]])}`;
    return el('p', { class: 'zb-analysis__tools' },
      el('a', { href: href('csv'), download: '', id: 'status-csv' }, 'Overzicht (CSV)'),
      el('a', { href: href('xml'), download: '' }, 'EDXL-HAVE 2.0 (XML)'));
  }

  function table(items) {
    const head = el('tr', {}, COLUMNS.map(([key, title]) => {
      const active = view.sort.key === key;
      const button = el('button', { type: 'button', class: 'zb-sort' }, title, active ? (view.sort.ascending ? ' ▲' : ' ▼') : '');
      button.addEventListener('click', () => {
        view.sort = { key, ascending: active ? !view.sort.ascending : true };
        render();
      });
      return el('th', { scope: 'col', 'aria-sort': active ? (view.sort.ascending ? 'ascending' : 'descending') : 'none' }, button);
    }));
    const rows = items.map((item) => {
      const r = item.report;
      const ic = r.beds['ic-volwassenen'];
      const at = new Date(r.reportedAt);
      return el('tr', { class: item.stale ? 'zb-status-row zb-status-row--stale' : 'zb-status-row', dataset: { institution: item.institution.id } },
        el('td', {}, el('span', { class: 'zb-status-row__name' }, item.institution.name),
          el('span', { class: 'zb-affected__type' }, typeLabels.get(item.institution.type) ?? item.institution.type),
          el('span', { class: 'zb-status-row__actions' },
            mayReportStatus(item.institution)
              && el('button', { type: 'button', class: 'zb-button zb-button--small', dataset: { statusReport: item.institution.id } }, 'Melden'),
            el('button', { type: 'button', class: 'zb-button zb-button--small', dataset: { statusHistory: item.institution.id } }, 'Verloop'))),
        el('td', { class: 'zb-status-row__status' }, operationalBadge(w, r.operationalStatus), emergencyBadge(w, r.emergencyDepartment),
          r.emergencyDepartment.reason && el('span', { class: 'zb-status-row__reason' }, r.emergencyDepartment.reason)),
        el('td', { class: 'zb-status-row__beds' }, ic ? `${ic.available ?? '?'}/${ic.total ?? '?'}` : '?'),
        el('td', { class: 'zb-status-row__age', title: formatDateTime(at) }, relativeAge(at),
          item.stale ? el('span', { class: 'zb-badge zb-badge--stale' }, 'verouderd') : null));
    });
    return el('table', { class: 'zb-affected__table zb-status-table', id: 'status-table' },
      el('caption', { class: 'sr-only' }, 'Status van de instellingen'), el('thead', {}, head), el('tbody', {}, rows));
  }

  // Buttons in the table and in popups.
  document.addEventListener('click', async (e) => {
    const report = e.target.closest('[data-status-report]');
    const history = e.target.closest('[data-status-history]');
    if (report) {
      map.closePopup();
      if (await openStatusForm(report.dataset.statusReport)) refresh();
    } else if (history) {
      map.closePopup();
      openBedChart(history.dataset.statusHistory);
    }
  });

  function openFromHash() {
    const match = /(?:^#|&)status=([^&]+)/.exec(window.location.hash);
    if (match) openStatusForm(decodeURIComponent(match[1])).then((item) => item && refresh());
  }
  window.addEventListener('hashchange', openFromHash);

  const live = new EventSource('/api/institutions/status/live');
  let lost = false;
  live.addEventListener('connected', () => {
    if (lost) refresh();
    lost = false;
  });
  live.addEventListener('error', () => { lost = true; });
  // Each report is a CloudEvents event `change` (docs/api/live.md); the browser resumes with its last id by itself.
  live.addEventListener('reload', () => refresh());
  live.addEventListener('change', (event) => {
    const change = JSON.parse(event.data);
    refresh();
    if (change.action === 'institution.status.changed') {
      document.getElementById('live-status').textContent = `${change.author} (${change.organisation}): ${change.summary}`;
      const changes = change.data?.changes ?? {};
      const closed = changes.emergencyDepartment?.to === 'gesloten' || changes.operationalStatus?.to === 'gesloten';
      showToast(`Status gewijzigd: ${change.summary}`, { tone: closed ? 'warning' : 'info', seconds: 10 });
    }
  });
  setInterval(() => {
    if (document.visibilityState === 'visible') refresh();
  }, FALLBACK_MS);

  follow = refresh;
  render();
  refresh().then(openFromHash);
}

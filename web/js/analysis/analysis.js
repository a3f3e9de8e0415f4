// The network analysis in the page: the "Netwerkanalyse" tab (summary, the affected institutions,
// the call list "Belronde", "Mijn blootstelling", CSV downloads) and the analysis on the map. It
// follows the incident UI's `zorgbeeld:incident` event. A change of the analysis made by the
// picture arrives from the live stream with the analysis itself (unless it is large: then it is read)
// and replaces the rows in place; it is read again when the incident's elements on the map change
// (the map's `zorgbeeld:elements` event: their zones and rings are drawn from it) and when a status
// is set. The analysis is always of now. Says so when the analysis is not current: its recording
// failed on the server, or refreshing it failed here (the last one loaded stays on screen, with its time).
// Publishes window.zorgbeeld.analysis ({incidentId, count, ready, current}) for the browser tests.
import { el } from '../dom.js';
import { formatCount, formatTime } from '../format.js';
import { dutchMessage } from '../incident/errors.js';
import { loaded, loading } from '../ready.js';
import { AffectedTable } from './affected-table.js';
import { callListCsvUrl, csvUrl, fetchAnalysis, fetchRings, fetchStatuses, fetchTypes } from './analysis-api.js';
import { AnalysisMap } from './analysis-map.js';
import { renderCallList } from './call-list.js';
import { ExposureView } from './exposure-view.js';
import { zoneBadge } from './zones.js';

const VIEWS = [['affected', 'Geraakte instellingen'], ['calls', 'Belronde'], ['exposure', 'Mijn blootstelling']];

// Listening from the start: the incident UI may announce its incident before the map is built.
let selection = { incident: null, at: null };
let follow = null;
document.addEventListener('zorgbeeld:incident', (e) => {
  selection = { incident: e.detail.incident, at: e.detail.at };
  follow?.();
});

/**
 * @param map     the Leaflet map
 * @param control the LayerControl (its 'analysis' group gets the switches)
 * @param state   window.zorgbeeld
 */
export function setUpAnalysis(map, control, state) {
  const tab = document.getElementById('tabpanel-netwerk');
  const empty = tab.querySelector('.zb-empty');
  const box = el('div', { class: 'zb-analysis', id: 'zb-analysis' });
  tab.append(box);
  const live = document.getElementById('live-status');
  const analysisMap = new AnalysisMap(map, control);
  const published = { incidentId: null, count: 0, ready: false, current: false };
  state.analysis = published;

  const view = { name: 'affected', rings: '', analysis: null, error: null, loadedFor: null };
  const words = { statuses: [], types: new Map() };
  const table = new AffectedTable({ onShowOnMap: (item) => analysisMap.focus(item), onSaved: () => refresh({ announceStatus: true }) });
  const exposure = new ExposureView({ analysisMap });
  const typeLabel = (code) => words.types.get(code) ?? code;
  const incidentId = () => selection.incident?.id ?? null;
  const readOnly = () => selection.incident?.status === 'gesloten';

  let loads = 0;
  async function refresh({ announceStatus = false } = {}) {
    const id = incidentId();
    const load = ++loads;
    if (id == null) return;
    try {
      const [analysis, rings] = await Promise.all([fetchAnalysis(id, view.rings), fetchRings(id, view.rings)]);
      if (load !== loads) return;
      announceNews(analysis, announceStatus);
      view.analysis = analysis;
      view.error = null;
      view.loadedFor = id;
      analysisMap.show(analysis, rings);
      Object.assign(published, { incidentId: id, count: analysis.institutions.length, ready: true, current: analysis.recording?.current !== false });
    } catch (error) {
      if (load !== loads) return;
      view.error = error;
      published.current = false;
    }
    if (!typing()) render();
    loaded('analysis', id);
  }

  function announceNews(analysis, announceStatus) {
    const before = view.analysis && view.loadedFor === incidentId() ? new Set(view.analysis.institutions.map((i) => i.institution.id)) : null;
    const fresh = before ? analysis.institutions.filter((i) => !before.has(i.institution.id)) : [];
    if (fresh.length) {
      live.textContent = `Netwerkanalyse: ${fresh.length === 1 ? '1 instelling' : `${fresh.length} instellingen`} nieuw geraakt.`;
    } else if (announceStatus) {
      live.textContent = 'Status opgeslagen.';
    }
  }

  /** Someone typing in the tab (a note, the search): a refresh waits, so nothing typed is lost. */
  const typing = () => tab.contains(document.activeElement) && document.activeElement.matches('input[type="text"], input[type="search"]');

  function render() {
    const id = incidentId();
    empty.hidden = id != null;
    if (id == null) {
      box.replaceChildren();
      return;
    }
    if (view.error && !(view.analysis && view.loadedFor === id)) {
      box.replaceChildren(el('p', { class: 'zb-form__error', role: 'alert' }, `De netwerkanalyse kon niet worden geladen. ${dutchMessage(view.error)}`));
      return;
    }
    if (!view.analysis) {
      box.replaceChildren(el('p', { class: 'zb-empty' }, 'Netwerkanalyse laden…'));
      return;
    }
    const context = {
      analysis: view.analysis, incidentId: id, statuses: words.statuses, typeLabel, readOnly: readOnly(), rerender: render,
      onSaved: () => refresh({ announceStatus: true }), csvHref: callListCsvUrl(id),
    };
    box.replaceChildren(header(context), switcher(), body(context));
  }

  function header({ analysis, incidentId: id }) {
    const s = analysis.summary;
    const noHazards = analysis.elements.length === 0;
    return el('div', { class: 'zb-analysis__head' },
      staleNotice(analysis),
      selection.at && el('p', { class: 'zb-analysis__now' }, 'Let op: de netwerkanalyse toont altijd de situatie van nu, niet het gekozen eerdere moment.'),
      noHazards ? el('p', { class: 'zb-empty' }, 'Er is nog geen incidentlocatie, incidentgebied of effectgebied getekend. Zodra dat er is, staan hier de geraakte instellingen.')
        : el('p', { class: 'zb-analysis__totals' },
          el('strong', {}, `${formatCount(s.total)} geraakt`), ` · ${formatCount(s.notConnected)} niet aangesloten · `,
          el('strong', {}, `${formatCount(s.callList)} te bellen`),
          s.newlyAffected ? el('span', { class: 'zb-new' }, `${formatCount(s.newlyAffected)} NIEUW`) : ''),
      !noHazards && el('ul', { class: 'zb-analysis__zones', 'aria-label': 'Aantal per zone' },
        s.zones.map((z) => el('li', {}, zoneBadge(z.zone), ` ${formatCount(z.count)}`))),
      el('div', { class: 'zb-analysis__tools' },
        ringsField(),
        el('a', { href: csvUrl(id, view.rings), download: '', class: 'zb-analysis__csv' }, 'Geraakte instellingen (CSV)'),
        el('span', { class: 'zb-analysis__time' }, `Berekend ${formatTime(new Date(analysis.computedAt))}`)));
  }

  /** Why the analysis on screen is not current, if it is not; null when it is. */
  function staleNotice(analysis) {
    if (view.error) {
      return el('p', { class: 'zb-analysis__stale', role: 'alert' },
        el('strong', {}, 'De netwerkanalyse is niet actueel. '),
        `Bijwerken is mislukt (${dutchMessage(view.error)}); dit is de analyse van ${formatTime(new Date(analysis.computedAt))}.`);
    }
    const recording = analysis.recording;
    if (!recording || recording.current) return null;
    if (recording.reason === 'failed') {
      return el('p', { class: 'zb-analysis__stale', role: 'alert' },
        el('strong', {}, 'De netwerkanalyse is niet actueel. '),
        `Het herberekenen na de laatste wijziging van het beeld is mislukt (${formatTime(new Date(recording.failedAt))},`
          + ` melding ${recording.reference}). Wie nieuw geraakt is en de lijst met wijzigingen zijn daardoor niet bijgewerkt.`
          + ' Bij de volgende wijziging van het beeld wordt het opnieuw geprobeerd.');
    }
    return el('p', { class: 'zb-analysis__stale zb-analysis__stale--pending', role: 'status' },
      'De netwerkanalyse wordt bijgewerkt; wie nieuw geraakt is, kan nog ontbreken.');
  }

  function ringsField() {
    const input = el('input', { type: 'text', id: 'zb-analysis-rings', value: view.rings, inputmode: 'decimal',
      placeholder: '500,1000,2000,5000', 'aria-describedby': 'zb-analysis-rings-help' });
    const apply = el('button', { type: 'button', class: 'zb-button zb-button--small' }, 'Toepassen');
    const error = el('span', { class: 'zb-analysis__rings-error', role: 'alert' });
    const go = async () => {
      const rings = input.value.replace(/\s+/g, '');
      try {
        await fetchAnalysis(incidentId(), rings);
        view.rings = rings;
        input.blur();
        refresh();
      } catch (e) {
        error.textContent = e.where === 'rings' ? 'Geef oplopende afstanden in meters, hoogstens 10, tot 50.000 (50 km).' : dutchMessage(e);
      }
    };
    apply.addEventListener('click', go);
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        go();
      }
    });
    return el('div', { class: 'zb-analysis__rings' },
      el('label', { for: 'zb-analysis-rings' }, 'Ringen (m)'), input, apply,
      el('span', { id: 'zb-analysis-rings-help', class: 'sr-only' }, 'Afstanden in meters, gescheiden door komma’s; leeg is 500, 1000, 2000 en 5000.'),
      error);
  }

  function switcher() {
    const calls = view.analysis.summary.callList;
    return el('div', { class: 'zb-analysis__views', role: 'group', 'aria-label': 'Weergave' },
      VIEWS.map(([name, label]) => {
        const button = el('button', { type: 'button', class: 'zb-analysis__view', 'aria-pressed': String(view.name === name), dataset: { view: name } },
          label, name === 'calls' && el('span', { class: 'zb-analysis__count' }, formatCount(calls)));
        button.addEventListener('click', () => {
          view.name = name;
          if (name !== 'exposure') analysisMap.clearExposure();
          render();
        });
        return button;
      }));
  }

  function body(context) {
    if (view.name === 'calls') return renderCallList(context);
    if (view.name === 'exposure') return exposure.render(context);
    return table.render(context);
  }

  // undefined until the first follow
  let shown;
  follow = () => {
    if (incidentId() !== shown) {
      shown = incidentId();
      view.analysis = null;
      view.error = null;
      analysisMap.clear();
      Object.assign(published, { incidentId: shown, count: 0, ready: false });
      if (shown == null) loaded('analysis', null);
      else loading('analysis');
    }
    render();
    refresh();
  };

  // The map shows another set of elements (the geographic picture): the analysis follows at once.
  let elementsSeen = '';
  document.addEventListener('zorgbeeld:elements', (e) => {
    const elements = e.detail.features.map((f) => `${f.id}:${f.properties.version}`).join(',');
    if (elements === elementsSeen) return;
    elementsSeen = elements;
    if (incidentId() != null) refresh();
  });
  // The server could not replay what this screen missed.
  document.addEventListener('zorgbeeld:changed', () => {
    if (incidentId() != null) refresh();
  });
  document.addEventListener('zorgbeeld:live', (e) => {
    const change = e.detail;
    if (change.incidentid !== incidentId()) return;
    if (change.type === 'nl.zorgbeeld.analysis.changed' && change.data?.analysis && view.rings === '' && view.loadedFor === incidentId()) {
      // The analysis with the default rings, as it stands after the change: the rows follow without a request.
      announceNews(change.data.analysis, false);
      view.analysis = change.data.analysis;
      view.error = null;
      Object.assign(published, { count: view.analysis.institutions.length, runId: change.data.runId,
        current: view.analysis.recording?.current !== false });
      if (!typing()) render();
    } else if (change.type === 'nl.zorgbeeld.analysis.changed' && view.loadedFor === incidentId()) {
      // Other rings, or an analysis too large to travel with the event: read it (kept per version on the server).
      refresh();
    } else if (change.type === 'nl.zorgbeeld.stakeholder.status') {
      // A status set by someone else changes the counts and the call list: read once.
      refresh();
    }
  });

  Promise.all([fetchStatuses(), fetchTypes()]).then(([statuses, types]) => {
    words.statuses = statuses;
    words.types = new Map(types.types.map((t) => [t.code, t.label]));
    render();
  }).catch((error) => {
    view.error = error;
    render();
  });
  follow();
}

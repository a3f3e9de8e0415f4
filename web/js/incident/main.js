// The incident and its text picture in the page: choosing or starting an incident (#incident=ID
// in the address), the top bar, the Beeld and Tijdlijn tabs and the time selector. The page's
// shell (../main.js) owns the map; this module only fills the places the shell leaves for it and
// announces every change of incident or moment as a `zorgbeeld:incident` event on the document.
import { el } from '../dom.js';
import { atQuery, get } from './api.js';
import { openChooser } from './chooser.js';
import { dutchMessage } from './errors.js';
import { openIncidentDialog } from './incident-forms.js';
import { preparePrint, printActions } from './print.js';
import { renderPictureView } from './picture-view.js';
import { renderSummary, showExerciseBanner } from './summary.js';
import { TimeSelector } from './time-selector.js';
import { renderTimeline } from './timeline-view.js';
import { loadVocabularies } from './words.js';

const REFRESH_MS = 20_000;

const state = { incidentId: null, at: null, pictureId: null, view: null, ready: false };

const summary = document.getElementById('incident-summary');
const pictureTab = document.getElementById('tabpanel-beeld');
const timelineTab = document.getElementById('tabpanel-tijdlijn');
const live = document.getElementById('live-status');
const pictureBox = el('div', { class: 'zb-picture', id: 'zb-picture' });
const timelineBox = el('div', { class: 'zb-timeline', id: 'zb-timeline' });
let timeSelector;
let knownBullets = new Set();

function incidentFromAddress() {
  const match = /(?:^|[#&])incident=(\d+)/.exec(window.location.hash);
  return match ? Number(match[1]) : null;
}

function choose(id) {
  window.location.hash = id ? `incident=${id}` : '';
}

function announce(text) {
  live.textContent = text;
}

/** Whether someone is typing in the panel: a refresh then waits, so no input is lost. */
const editing = () => Boolean(pictureBox.querySelector('form') || timelineBox.querySelector('form') || document.querySelector('dialog[open]'));

async function load({ quiet = false } = {}) {
  const id = state.incidentId;
  if (!id) return;
  try {
    const [view, timeline] = await Promise.all([
      get(`/api/incidents/${id}/picture${atQuery(state.at)}`),
      get(`/api/incidents/${id}/timeline${state.at ? `?to=${encodeURIComponent(state.at)}` : ''}`),
    ]);
    if (id !== state.incidentId) return;
    if (quiet) announceNewBullets(view);
    rememberBullets(view);
    state.view = view;
    render(view, timeline.events);
  } catch (error) {
    pictureBox.replaceChildren(el('p', { class: 'zb-form__error', role: 'alert' }, `Het beeld kon niet worden geladen. ${dutchMessage(error)}`));
  }
}

function rememberBullets(view) {
  knownBullets = new Set(view.pictures.flatMap((p) => p.themes.flatMap((t) => t.bullets.map((b) => b.id))));
}

function announceNewBullets(view) {
  const fresh = view.pictures.flatMap((p) => p.themes.flatMap((t) => t.bullets.filter((b) => !knownBullets.has(b.id))
    .map((b) => `${t.name}: ${b.text}`)));
  if (fresh.length) announce(`${fresh.length === 1 ? 'Nieuw bericht' : `${fresh.length} nieuwe berichten`} in het beeld. ${fresh.join('. ')}`);
}

function render(view, events) {
  const archive = Boolean(view.incident.origin?.readOnly);
  const readOnly = Boolean(state.at) || view.incident.status === 'gesloten' || archive;
  renderSummary(summary, view.incident, {
    readOnly: Boolean(state.at) || archive,
    extra: printActions(view.incident, { shows: view.evaluatedAt, at: state.at }),
    onChoose: () => openChooser(choose),
    onEdit: () => openIncidentDialog(view.incident, () => load()),
  });
  showExerciseBanner(view.incident.exercise);
  document.title = `${view.incident.exercise ? 'OEFENING · ' : ''}${view.incident.title} · Zorgbeeld`;
  renderPictureView(pictureBox, {
    view, readOnly, pictureId: state.pictureId, reload: () => load(), announce,
    onSelectPicture: (pictureId) => {
      state.pictureId = pictureId;
      load();
    },
  });
  renderTimeline(timelineBox, { view, events, readOnly, reload: () => load() });
  state.ready = true;
  document.body.dataset.incidentReady = String(view.incident.id);
}

async function select(id) {
  state.incidentId = id;
  state.at = null;
  state.pictureId = null;
  state.view = null;
  state.ready = false;
  delete document.body.dataset.incidentReady;
  document.querySelectorAll('#tabpanel-beeld > .zb-empty, #tabpanel-tijdlijn > .zb-empty').forEach((p) => { p.hidden = Boolean(id); });
  pictureBox.replaceChildren();
  timelineBox.replaceChildren();
  timeSelector.reserve(Boolean(id));
  if (!id) {
    renderSummary(summary, null, { onChoose: () => openChooser(choose) });
    showExerciseBanner(false);
    timeSelector.reset(null);
    notify(null);
    return;
  }
  await load();
  // The server counts in microseconds, a Date in milliseconds: one more keeps the first moment inside the incident.
  timeSelector.reset(state.view ? new Date(Date.parse(state.view.incident.createdAt) + 1) : null);
  notify(state.view?.incident ?? null);
}

function notify(incident) {
  document.dispatchEvent(new CustomEvent('zorgbeeld:incident', { detail: { incident, at: state.at } }));
}

async function start() {
  pictureTab.querySelector('h2').after(pictureBox);
  timelineTab.querySelector('h2').after(timelineBox);
  timeSelector = new TimeSelector(document.querySelector('.map-wrap'), document.querySelector('main.workspace'), (at) => {
    state.at = at;
    load().then(() => notify(state.view?.incident ?? null));
  });
  window.zorgbeeld = window.zorgbeeld || {};
  window.zorgbeeld.incident = state;
  // For the print test and the console: the print layout without the browser's print dialog.
  window.zorgbeeld.preparePrint = (size) => state.view
    && preparePrint(state.view.incident, state.view.evaluatedAt, Boolean(state.at), size);
  try {
    await loadVocabularies();
  } catch (error) {
    summary.replaceChildren(el('span', { class: 'zb-form__error', role: 'alert' }, `Incidenten zijn niet beschikbaar. ${dutchMessage(error)}`));
    return;
  }
  window.addEventListener('hashchange', () => select(incidentFromAddress()));
  const refresh = () => {
    if (state.incidentId && !state.at && !editing()) load({ quiet: true });
  };
  // Someone changed the incident: follow at once (live.js); the timer covers a lost connection.
  document.addEventListener('zorgbeeld:changed', refresh);
  setInterval(() => {
    if (document.visibilityState === 'visible') refresh();
  }, REFRESH_MS);
  await select(incidentFromAddress());
}

start();

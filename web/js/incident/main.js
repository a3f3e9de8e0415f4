// The incident and its text picture in the page: choosing or starting an incident (#incident=ID
// in the address), the top bar, the Beeld and Tijdlijn tabs and the time selector. The page's
// shell (../main.js) owns the map; this module only fills the places the shell leaves for it and
// announces every change of incident or moment as a `zorgbeeld:incident` event on the document.
// Changes made by others arrive from the live stream (../live.js) and are applied in place: a
// bullet in its theme, the incident in the top bar, the change at the top of the timeline.
import { el } from '../dom.js';
import { me } from '../me.js';
import { loaded, loading } from '../ready.js';
import { watchIncident } from '../live.js';
import { atQuery, get } from './api.js';
import { loadMe } from '../me.js';
import { mayKeepTimeline, mayReadAudit, mayReadQuality, mayRunIncident } from '../rights.js';
import { openAudit } from './audit.js';
import { openQuality } from './quality.js';
import { openChooser } from './chooser.js';
import { dutchMessage } from './errors.js';
import { openIncidentDialog } from './incident-forms.js';
import { openInvitations } from './invitations.js';
import { preparePrint, printActions } from './print.js';
import { refreshThemes, renderPictureView } from './picture-view.js';
import { renderSummary, showExerciseBanner } from './summary.js';
import { TimeSelector } from './time-selector.js';
import { renderTimeline } from './timeline-view.js';
import { loadVocabularies } from './words.js';

// Freshness ("verouderd" after 10 minutes) is a matter of time passing: the server judges it anew
// this often. Changes themselves come from the live stream.
const FRESHNESS_MS = 60_000;

const state = { incidentId: null, at: null, pictureId: null, view: null, checks: null, events: [], ready: false };

const summary = document.getElementById('incident-summary');
const pictureTab = document.getElementById('tabpanel-beeld');
const timelineTab = document.getElementById('tabpanel-tijdlijn');
const live = document.getElementById('live-status');
const pictureBox = el('div', { class: 'zb-picture', id: 'zb-picture' });
const timelineBox = el('div', { class: 'zb-timeline', id: 'zb-timeline' });
let timeSelector;
let knownBullets = new Set();
// A change that arrived while someone was typing; it is shown once the last form has closed.
let missed = false;

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
    const [view, checks, timeline] = await Promise.all([
      get(`/api/incidents/${id}/picture${atQuery(state.at)}`),
      get(`/api/incidents/${id}/checks${atQuery(state.at)}`),
      get(`/api/incidents/${id}/timeline${state.at ? `?to=${encodeURIComponent(state.at)}` : ''}`),
    ]);
    if (id !== state.incidentId) return;
    // The form may have opened while this was loading: drawing the picture again would throw away what is typed.
    if (quiet && editing()) {
      missed = true;
      return;
    }
    if (quiet) announceNewBullets(view);
    rememberBullets(view);
    if (quiet) announceNewMarks(checks);
    state.view = view;
    state.checks = checks;
    state.events = timeline.events;
    render(view, timeline.events);
  } catch (error) {
    pictureBox.replaceChildren(el('p', { class: 'zb-form__error', role: 'alert' }, `Het beeld kon niet worden geladen. ${dutchMessage(error)}`));
  }
}

/** A regie check that arrived on an item of this user's: said aloud, as new bullets are. */
function announceNewMarks(checks) {
  const known = new Set((state.checks?.checks ?? []).map((c) => c.id));
  const fresh = checks.checks.filter((c) => c.open && !known.has(c.id) && c.targetAuthor.author === me()?.displayName);
  if (fresh.length) announce(`Regiecheck op uw bericht: ${fresh.map((c) => `${c.kind}: ${c.note}`).join('. ')}`);
}

function rememberBullets(view) {
  knownBullets = new Set(view.pictures.flatMap((p) => p.themes.flatMap((t) => t.bullets.map((b) => b.id))));
}

function announceNewBullets(view) {
  const fresh = view.pictures.flatMap((p) => p.themes.flatMap((t) => t.bullets.filter((b) => !knownBullets.has(b.id))
    .map((b) => `${t.name}: ${b.text}`)));
  if (fresh.length) announce(`${fresh.length === 1 ? 'Nieuw bericht' : `${fresh.length} nieuwe berichten`} in het beeld. ${fresh.join('. ')}`);
}

/** A restored archive is read-only for everyone. */
const archived = (incident) => Boolean(incident.origin?.readOnly);

/**
 * The top bar's buttons for the incident: changing it and inviting only for who runs it (never in an
 * archive), the audit trail for who may read it, printing and the snapshot for everyone.
 */
function summaryActions(incident) {
  const runs = mayRunIncident(incident) && !archived(incident);
  return {
    readOnly: Boolean(state.at) || !runs,
    extra: printActions(incident, { shows: state.view?.evaluatedAt, at: state.at }),
    onChoose: () => openChooser(choose),
    onEdit: () => openIncidentDialog(state.view.incident, () => load()),
    onInvite: runs && !state.at ? () => openInvitations(incident.id) : null,
    onAudit: mayReadAudit(incident) ? () => openAudit(incident) : null,
    onQuality: mayReadQuality() ? () => openQuality(incident) : null,
  };
}

function render(view, events) {
  const readOnly = Boolean(state.at) || view.incident.status === 'gesloten' || archived(view.incident);
  renderSummary(summary, view.incident, summaryActions(view.incident));
  showExerciseBanner(view.incident.exercise);
  document.title = `${view.incident.exercise ? 'OEFENING · ' : ''}${view.incident.title} · Zorgbeeld`;
  renderPictureView(pictureBox, {
    view, readOnly, pictureId: state.pictureId, reload: () => load(), announce,
    checks: state.checks?.checks ?? [], checklist: state.checks?.checklist ?? [],
    onSelectPicture: (pictureId) => {
      state.pictureId = pictureId;
      load();
    },
  });
  renderTimeline(timelineBox, { view, events, checks: state.checks?.checks ?? [], readOnly: readOnly || !mayKeepTimeline(), reload: () => load() });
  state.ready = true;
  document.body.dataset.incidentReady = String(view.incident.id);
}

async function select(id) {
  // Following the incident before reading it: what is read is then at least as new as the stream's start.
  await watchIncident(id);
  state.incidentId = id;
  state.at = null;
  state.pictureId = null;
  state.view = null;
  state.ready = false;
  delete document.body.dataset.incidentReady;
  loading('picture');
  document.querySelectorAll('#tabpanel-beeld > .zb-empty, #tabpanel-tijdlijn > .zb-empty').forEach((p) => { p.hidden = Boolean(id); });
  pictureBox.replaceChildren();
  timelineBox.replaceChildren();
  timeSelector.reserve(Boolean(id));
  if (!id) {
    renderSummary(summary, null, { onChoose: () => openChooser(choose) });
    showExerciseBanner(false);
    timeSelector.reset(null);
    loaded('picture', null);
    notify(null);
    return;
  }
  await load();
  // A later choice has taken over; it reports for itself.
  if (id !== state.incidentId) return;
  loaded('picture', id);
  // The server counts in microseconds, a Date in milliseconds: one more keeps the first moment inside the incident.
  timeSelector.reset(state.view ? new Date(Date.parse(state.view.incident.createdAt) + 1) : null);
  notify(state.view?.incident ?? null);
}

/** A change from the live stream, applied to what is shown; kinds not handled here reload the picture. */
function applyLive(change, reload) {
  if (!state.view || state.at || change.incidentid !== state.incidentId) return;
  const kind = change.type.replace(/^nl\.zorgbeeld\./, '').split('.')[0];
  addToTimeline(change);
  if (kind === 'bullet' && change.data) {
    applyBullet(change.data, reload);
  } else if (kind === 'incident' && change.data) {
    applyIncident(change.data, reload);
  } else if (!['element', 'analysis', 'stakeholder'].includes(kind)) {
    // Questions, decisions, casualty counts, pictures: the picture view is read again.
    reload();
  }
}

/** The change at the top of the timeline's list of changes, as the timeline API would list it. */
function addToTimeline(change) {
  if (state.events.some((e) => e.liveId === change.id)) return;
  state.events = [{
    liveId: change.id, occurredAt: change.time, action: change.action, summary: change.summary,
    actor: { author: change.author, organisation: change.organisation },
  }, ...state.events];
  if (!timelineBox.querySelector('form')) {
    renderTimeline(timelineBox, { view: state.view, events: state.events, checks: state.checks?.checks ?? [], readOnly: readOnlyNow(), reload: () => load() });
  }
}

const readOnlyNow = () => Boolean(state.at) || state.view.incident.status === 'gesloten' || archived(state.view.incident)
  || !mayKeepTimeline();

/** A bullet written, edited or retracted elsewhere: into its theme (out of the one it left), unless it is older than shown. */
function applyBullet(bullet, reload) {
  const picture = state.view.pictures.find((p) => p.id === bullet.pictureId);
  const theme = picture?.themes.find((t) => t.id === bullet.themeId);
  if (!theme) {
    reload();
    return;
  }
  const touched = new Set([theme.id]);
  for (const t of picture.themes) {
    const shown = t.bullets.find((b) => b.id === bullet.id);
    if (!shown) continue;
    if (shown.version >= bullet.version) return;
    if (t !== theme || bullet.retracted) {
      t.bullets = t.bullets.filter((b) => b.id !== bullet.id);
      touched.add(t.id);
    }
  }
  if (!bullet.retracted) {
    const at = theme.bullets.findIndex((b) => b.id === bullet.id);
    if (at >= 0) theme.bullets[at] = bullet; else theme.bullets.push(bullet);
    knownBullets.add(bullet.id);
  }
  for (const id of touched) {
    const t = picture.themes.find((x) => x.id === id);
    t.freshness = { ...t.freshness, empty: t.bullets.length === 0, stale: false, lastChangedAt: bullet.updatedAt };
  }
  refreshThemes(pictureBox, picture.id, [...touched]);
}

/** The incident changed elsewhere (status, GRIP, regie, ...): the top bar follows. */
function applyIncident(incident, reload) {
  const before = state.view.incident;
  if (incident.version <= before.version) return;
  state.view.incident = { ...before, ...incident };
  if (incident.regie && (incident.regie.person !== before.regie?.person || incident.regie.organisation !== before.regie?.organisation)) {
    // Who writes the summary and marks follows the regie (and whether it names someone with an account): read the view again.
    reload();
    return;
  }
  const closedChanged = (before.status === 'gesloten') !== (incident.status === 'gesloten');
  if (closedChanged) {
    // Writable or not: every panel draws itself anew.
    render(state.view, state.events);
    notify(state.view.incident);
    return;
  }
  renderSummary(summary, state.view.incident, summaryActions(state.view.incident));
  showExerciseBanner(state.view.incident.exercise);
  document.title = `${state.view.incident.exercise ? 'OEFENING · ' : ''}${state.view.incident.title} · Zorgbeeld`;
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
    // The top bar's buttons and the forms follow the user's rights: know the user before the first render.
    await Promise.all([loadVocabularies(), loadMe()]);
  } catch (error) {
    summary.replaceChildren(el('span', { class: 'zb-form__error', role: 'alert' }, `Incidenten zijn niet beschikbaar. ${dutchMessage(error)}`));
    loaded('picture', null);
    return;
  }
  window.addEventListener('hashchange', () => select(incidentFromAddress()));
  const refresh = () => {
    if (!state.incidentId || state.at) return;
    if (editing()) missed = true;
    else load({ quiet: true });
  };
  // Forms and dialogs come and go in the DOM: the first moment none is open, catch up on what was missed.
  new MutationObserver(() => {
    if (missed && !editing()) {
      missed = false;
      refresh();
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['open'] });
  // The server could not replay what this screen missed: read it all again.
  document.addEventListener('zorgbeeld:changed', refresh);
  document.addEventListener('zorgbeeld:live', (e) => applyLive(e.detail, refresh));
  setInterval(() => {
    if (document.visibilityState === 'visible') refresh();
  }, FRESHNESS_MS);
  await select(incidentFromAddress());
}

start();

// Live updates: server-sent event streams that say what changed, carrying the changed object
// itself (CloudEvents, docs/api/live.md). One stream follows the incident shown
// (/api/incidents/{id}/live); the incident list follows /api/live while it is open; a user who speaks
// for a care institution also follows /api/me/live (alerts and warnings to it, alerts/inbox.js).
//
// Every change of the incident goes out as a `zorgbeeld:live` event on the document (detail: the
// CloudEvent); the panels apply it in place, without asking the server again. When the server says
// it cannot replay what was missed (`reload`), a `zorgbeeld:changed` event {reload: true} goes out
// and the panels reload. After a lost connection the browser reconnects by itself and the server
// resumes after the last event id it saw (Last-Event-ID): nothing is missed and nothing reloaded.
// When the server refused the stream (restarting, busy), this module opens it again itself, with
// ?lastEventId=. The top bar shows whether the screen is live and when it was last brought up to
// date; screen readers hear who changed what. window.zorgbeeld.live shows the state for tests.
// The streams are opened as the logged-in user: EventSource sends the session cookie on the same
// origin. A refused stream whose session has ended (401) sends the page to the login page.
import { formatClock, formatDateTime } from './format.js';
import { toLogin } from './me.js';

const RETRY_MS = [1000, 2000, 5000, 10000];
/** How long opening an incident waits for its stream before loading anyway. */
const CONNECT_WAIT_MS = 3000;

const indicator = document.getElementById('live-connection');
const announcer = document.getElementById('live-status');
const published = { state: 'off', lastEventId: null, applied: 0, updatedAt: null, connects: 0 };
// The page's shell sets window.zorgbeeld after this module has loaded: published when first used.
const publish = () => {
  window.zorgbeeld = window.zorgbeeld || {};
  window.zorgbeeld.live = published;
};

/** One stream, kept open: resumes after its last event id however the connection was lost. */
class Stream {
  constructor(path, { onChange, onReload, onState }) {
    this.path = path;
    this.handlers = { onChange, onReload, onState };
    this.lastId = null;
    this.failures = 0;
    this.closed = false;
    this.connected = new Promise((resolve) => { this.resolveConnected = resolve; });
    this.open();
  }

  open() {
    const url = this.lastId ? `${this.path}?lastEventId=${encodeURIComponent(this.lastId)}` : this.path;
    const source = new EventSource(url);
    this.source = source;
    const track = (event) => {
      if (event.lastEventId) this.lastId = event.lastEventId;
    };
    source.addEventListener('connected', (event) => {
      track(event);
      this.failures = 0;
      this.handlers.onState(true);
      this.resolveConnected();
    });
    source.addEventListener('change', (event) => {
      track(event);
      this.handlers.onChange(JSON.parse(event.data));
    });
    source.addEventListener('reload', (event) => {
      track(event);
      this.handlers.onReload();
    });
    source.addEventListener('error', () => {
      if (this.closed) return;
      this.handlers.onState(false);
      // CONNECTING: the browser tries again itself, with Last-Event-ID. CLOSED: it has given up
      // (the server answered with an error): open a new stream that resumes by the query parameter.
      if (source.readyState === EventSource.CLOSED) {
        // EventSource does not tell the status: ask whether the session still holds.
        fetch('/api/me', { headers: { Accept: 'application/json' } })
          .then((response) => { if (response.status === 401) toLogin(); })
          .catch(() => {});
        const wait = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)];
        this.failures += 1;
        this.retry = setTimeout(() => { if (!this.closed) this.open(); }, wait);
      }
    });
  }

  close() {
    this.closed = true;
    clearTimeout(this.retry);
    this.source?.close();
    this.resolveConnected();
  }
}

let incidentStream = null;
let watched = null;

/**
 * Follows the incident (null: none). Resolves once its stream is connected (or after a few seconds
 * without), so that what the caller then loads is at least as new as the stream's first event.
 */
export function watchIncident(incidentId) {
  publish();
  if (incidentId === watched) return incidentStream?.connected ?? Promise.resolve();
  incidentStream?.close();
  incidentStream = null;
  watched = incidentId;
  indicator.hidden = incidentId == null;
  if (incidentId == null) {
    published.state = 'off';
    return Promise.resolve();
  }
  incidentStream = new Stream(`/api/incidents/${incidentId}/live`, {
    onChange: (change) => {
      published.lastEventId = change.id;
      document.dispatchEvent(new CustomEvent('zorgbeeld:live', { detail: change }));
      published.applied += 1;
      announcer.textContent = `${change.author} (${change.organisation}): ${change.summary}`;
      updated();
    },
    onReload: () => {
      document.dispatchEvent(new CustomEvent('zorgbeeld:changed', { detail: { incidentId, reload: true } }));
      updated();
    },
    onState: (live) => {
      if (live) published.connects += 1;
      show(live);
      if (live) updated();
    },
  });
  const wait = new Promise((resolve) => { setTimeout(resolve, CONNECT_WAIT_MS); });
  return Promise.race([incidentStream.connected, wait]);
}

/** Follows the incident list while it is shown; returns the function that stops following. */
export function followIncidentList(onChange) {
  const stream = new Stream('/api/live', {
    onChange,
    onReload: () => onChange(null),
    onState: () => {},
  });
  return () => stream.close();
}

/**
 * Follows what is addressed to the user's own care institution (/api/me/live: alerts, acknowledgements,
 * warnings, of any incident); returns the function that stops following.
 */
export function followPersonal(onChange) {
  const stream = new Stream('/api/me/live', {
    onChange,
    onReload: () => onChange(null),
    onState: () => {},
  });
  return () => stream.close();
}

function updated() {
  published.updatedAt = new Date();
  render();
}

function show(live) {
  published.state = live ? 'live' : 'lost';
  render();
}

function render() {
  const live = published.state === 'live';
  const at = published.updatedAt;
  indicator.className = `topbar__live topbar__live--${live ? 'on' : 'off'}`;
  indicator.textContent = `${live ? '● Live' : 'Verbinding verbroken, opnieuw verbinden…'}${at ? ` · laatst bijgewerkt ${formatClock(at)}` : ''}`;
  indicator.title = `${live ? 'Wijzigingen van anderen verschijnen meteen' : 'Wat intussen verandert, komt binnen zodra de verbinding terug is'}${
    at ? `; bijgewerkt tot ${formatDateTime(at)}` : ''}`;
}

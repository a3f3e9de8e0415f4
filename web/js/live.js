// Live updates for the incident shown: a server-sent event stream (/api/incidents/{id}/live) that
// tells of every change the moment it is committed, by anyone. Each change is announced as a
// `zorgbeeld:changed` event on the document ({incidentId, action, subject, summary, author,
// organisation}); after a lost connection comes back, or when the server says it may have missed
// changes itself (event `resync`), the event carries {reconnected: true}: reload everything. The top bar shows whether the screen is live, and screen readers
// hear who changed what.
const indicator = document.getElementById('live-connection');
const announcer = document.getElementById('live-status');
let source = null;
let watched = null;

document.addEventListener('zorgbeeld:incident', (e) => watch(e.detail.incident?.id ?? null));

function watch(incidentId) {
  if (incidentId === watched) return;
  source?.close();
  source = null;
  watched = incidentId;
  indicator.hidden = incidentId == null;
  if (incidentId == null) return;
  let lost = false;
  source = new EventSource(`/api/incidents/${incidentId}/live`);
  source.addEventListener('connected', () => {
    show(true);
    if (lost) changed({ incidentId, reconnected: true });
    lost = false;
  });
  source.addEventListener('change', (event) => {
    const change = JSON.parse(event.data);
    changed(change);
    announcer.textContent = `${change.author} (${change.organisation}): ${change.summary}`;
  });
  source.addEventListener('resync', () => changed({ incidentId, reconnected: true }));
  // EventSource reconnects by itself; until then the screen says it is not live.
  source.addEventListener('error', () => {
    lost = true;
    show(false);
  });
}

function show(live) {
  indicator.className = `topbar__live topbar__live--${live ? 'on' : 'off'}`;
  indicator.textContent = live ? '● Live' : 'Verbinding verbroken, opnieuw verbinden…';
  indicator.title = live ? 'Wijzigingen van anderen verschijnen meteen' : 'Wijzigingen van anderen komen binnen zodra de verbinding terug is';
}

function changed(detail) {
  document.dispatchEvent(new CustomEvent('zorgbeeld:changed', { detail }));
}

// What the whole page looks at: the current incident and the viewing moment. Every view that
// depends on them (map elements, picture, analysis, time selector) listens here instead of reading
// the URL or talking to each other.
//
// API
//   incidentContext.incidentId      number | null: the incident on screen (from ?incident=<id> at load)
//   incidentContext.moment          Date | null: the moment looked at; null means "nu" (live)
//   incidentContext.isNow()         true while looking at "nu"
//   incidentContext.atParam()       the moment as an ISO 8601 string for ?at=, or null at "nu"
//   incidentContext.setIncident(id) switches incident (null: none); keeps ?incident= in the URL and
//                                   returns to "nu"; fires 'incidentchange' then 'momentchange'
//   incidentContext.setMoment(date) looks at an earlier moment (a Date, or null / a future date for
//                                   "nu"); fires 'momentchange'
//   Events (incidentContext.addEventListener): 'incidentchange' and 'momentchange', with
//   event.detail = { incidentId, moment }. Listeners that arrive late read the properties directly.

function incidentFromUrl() {
  const raw = new URLSearchParams(window.location.search).get('incident');
  return raw && /^\d+$/.test(raw) ? Number(raw) : null;
}

class IncidentContext extends EventTarget {
  constructor() {
    super();
    this.incidentId = incidentFromUrl();
    this.moment = null;
  }

  isNow() {
    return this.moment === null;
  }

  atParam() {
    return this.moment ? this.moment.toISOString() : null;
  }

  setIncident(id) {
    const incidentId = id == null ? null : Number(id);
    if (incidentId === this.incidentId) return;
    this.incidentId = incidentId;
    const url = new URL(window.location.href);
    if (incidentId == null) url.searchParams.delete('incident');
    else url.searchParams.set('incident', String(incidentId));
    window.history.replaceState(window.history.state, '', url);
    this.moment = null;
    this._fire('incidentchange');
    this._fire('momentchange');
  }

  setMoment(date) {
    // A moment in the future is "nu": the picture cannot be ahead of the present.
    const moment = date && date.getTime() < Date.now() ? new Date(date.getTime()) : null;
    if (moment?.getTime() === this.moment?.getTime()) return;
    this.moment = moment;
    this._fire('momentchange');
  }

  _fire(type) {
    this.dispatchEvent(new CustomEvent(type, { detail: { incidentId: this.incidentId, moment: this.moment } }));
  }
}

export const incidentContext = new IncidentContext();

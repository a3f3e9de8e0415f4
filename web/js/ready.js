// Whether the page has finished loading what it shows. Each part that follows the chosen incident
// (the text picture, the elements on the map, the analysis) says when it starts showing another
// incident and when it has shown it (or its error). Once all of them show the same one,
// body[data-settled] holds that incident's id, or 'none' without an incident; while any part is
// still loading the attribute is absent. The map shell has its own body[data-ready]; the parts on
// the map only exist once it is built, so data-settled implies it. Browser tests and scripts wait
// on this instead of on time.

const PARTS = ['picture', 'elements', 'analysis'];
const shown = new Map();

const key = (incidentId) => (incidentId == null ? 'none' : String(incidentId));

function publish() {
  const values = PARTS.map((part) => shown.get(part));
  if (values.every((v) => v !== undefined && v === values[0])) document.body.dataset.settled = values[0];
  else delete document.body.dataset.settled;
}

/** `part` is loading another incident (or none); the page is not settled until it has shown it. */
export function loading(part) {
  shown.delete(part);
  publish();
}

/** `part` shows `incidentId` (null: no incident), whether it loaded or had to show an error. */
export function loaded(part, incidentId) {
  shown.set(part, key(incidentId));
  publish();
}

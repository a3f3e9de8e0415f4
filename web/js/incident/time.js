// Times as people in the crisis room read and type them: Europe/Amsterdam wall-clock time,
// whatever time zone the browser itself is set to.
const ZONE = 'Europe/Amsterdam';
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

function wallClock(date) {
  const p = Object.fromEntries(parts.formatToParts(date).map(({ type, value }) => [type, value]));
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute, second: +p.second };
}

/** Milliseconds Amsterdam is ahead of UTC at `date` (one or two hours). */
function offset(date) {
  const w = wallClock(date);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(date.getTime() / 1000) * 1000;
}

const pad = (n) => String(n).padStart(2, '0');

/** "2026-03-01T14:05": the value of a datetime-local input showing `date` in Amsterdam. */
export function toLocalInput(date) {
  const w = wallClock(date);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The moment an Amsterdam wall-clock value ("2026-03-01T14:05") means; null when empty or invalid. */
export function fromLocalInput(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value || '');
  if (!m) return null;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // The offset depends on the moment itself (summer time); a second pass settles it.
  const first = new Date(guess - offset(new Date(guess)));
  return new Date(guess - offset(first));
}

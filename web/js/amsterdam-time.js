// Wall-clock time in Europe/Amsterdam for <input type="datetime-local">, whatever time zone the
// browser itself is set to: a laptop abroad must still show and read Dutch time.

const ZONE = 'Europe/Amsterdam';
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function wallClock(date) {
  const p = Object.fromEntries(parts.formatToParts(date).map(({ type, value }) => [type, value]));
  return { text: `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`, utc: Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) };
}

/** "2026-11-23T14:05": the date's Amsterdam wall-clock time to the minute. */
export const toLocalInput = (date) => wallClock(date).text;

/** The instant at which Amsterdam clocks show `value` ("2026-11-23T14:05"); null when not a time. */
export function fromLocalInput(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || '');
  if (!m) return null;
  const target = Date.UTC(m[1], m[2] - 1, m[3], m[4], m[5]);
  // Start from the target read as UTC and correct by Amsterdam's offset; the second step settles
  // the few cases where that offset differs on either side of a DST change.
  let instant = target;
  for (let i = 0; i < 2; i += 1) instant += target - wallClock(new Date(instant)).utc;
  return new Date(instant);
}

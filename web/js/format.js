// Dutch number, date and time formatting (24-hour clock, Europe/Amsterdam).

const ZONE = 'Europe/Amsterdam';
const time = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: ZONE, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const clock = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

export const formatTime = (date) => time.format(date);
/** "14:03:27": for when the screen was last brought up to date. */
export const formatClock = (date) => clock.format(date);
export const formatDateTime = (date) => dateTime.format(date);
export const formatCount = (n) => integer.format(n);
export const formatDecimal = (n, digits) =>
  n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** "zojuist", "4 min geleden", "2 uur geleden", "3 dagen geleden". */
export function relativeAge(date, now = new Date()) {
  const minutes = Math.floor((now - date) / 60000);
  if (minutes < 1) return 'zojuist';
  if (minutes < 60) return `${minutes} min geleden`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} uur geleden`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 dag geleden' : `${days} dagen geleden`;
}

// Small labels that carry meaning in words as well as in colour: certainty and freshness.
import { el } from '../dom.js';
import { formatDateTime, formatTime, relativeAge } from '../format.js';
import { label } from './words.js';

/** Nothing for validated information (plain); a labelled tag for an assumption, suspicion, rumour or opinion. */
export function certaintyTag(certainty) {
  if (certainty === 'gevalideerd') return null;
  return el('span', { class: `zb-certainty zb-certainty--${certainty}` }, label('certainties', certainty));
}

/** "actueel · 4 min geleden", "verouderd · 14 min geleden" or "leeg", judged at `evaluatedAt`. */
export function freshnessBadge(freshness, evaluatedAt) {
  if (freshness.empty) return el('span', { class: 'zb-fresh zb-fresh--empty' }, 'leeg');
  const changed = new Date(freshness.lastChangedAt);
  const age = relativeAge(changed, evaluatedAt);
  const title = `Laatst gewijzigd ${formatDateTime(changed)}`;
  return freshness.stale
    ? el('span', { class: 'zb-fresh zb-fresh--stale', title }, el('span', { 'aria-hidden': 'true' }, '⚠ '), `verouderd · ${age}`)
    : el('span', { class: 'zb-fresh zb-fresh--current', title }, `actueel · ${age}`);
}

/** A time as "14:05" with the date and the age on hover. */
export function timeOf(iso, evaluatedAt) {
  const date = new Date(iso);
  return el('time', { datetime: iso, title: `${formatDateTime(date)} (${relativeAge(date, evaluatedAt)})` }, formatTime(date));
}

/** The first complete description against its five-minute norm, in one sentence. */
export function firstDescriptionText(first) {
  const minutes = Math.floor(first.durationSeconds / 60);
  const seconds = first.durationSeconds % 60;
  const took = minutes ? `${minutes} min ${seconds} s` : `${seconds} s`;
  if (first.complete) {
    return `Eerste compleet beeld na ${took} ${first.overdue ? `(later dan de norm van ${first.normMinutes} min)` : `(binnen de norm van ${first.normMinutes} min)`}.`;
  }
  return `Eerste compleet beeld nog niet klaar: ${took} sinds de opschaling${first.overdue ? `, de norm van ${first.normMinutes} min is overschreden` : ` (norm ${first.normMinutes} min)`}. Vul elk verplicht thema.`;
}

// The call list ("Belronde"): affected institutions that are not yet informed and either not connected
// to Zorgbeeld or silent on an alert past its deadline ("Alarm verzonden, niet bevestigd"), most severe
// first, each with how to reach it and the buttons to record the call.
import { el } from '../dom.js';
import { formatCount } from '../format.js';
import { contactList } from './affected-table.js';
import { statusControl } from './status-control.js';
import { distanceWords, zoneBadge } from './zones.js';

/** @param context {analysis, incidentId, statuses, typeLabel, readOnly, onSaved, csvHref} */
export function renderCallList(context) {
  const calls = context.analysis.institutions.filter((item) => item.toCall);
  const intro = el('p', { class: 'zb-calls__intro' }, calls.length
    ? `${formatCount(calls.length)} ${calls.length === 1 ? 'instelling' : 'instellingen'} te bellen: geraakt, nog niet geïnformeerd, en niet aangesloten of zonder bevestiging van een alarm.`
    : 'Niemand te bellen: alle geraakte instellingen zijn aangesloten, geïnformeerd of beoordeeld.');
  const list = el('ol', { class: 'zb-calls' }, calls.map((item) => el('li', { class: 'zb-call', dataset: { institution: item.institution.id } },
    el('div', { class: 'zb-call__head' },
      zoneBadge(item.zone),
      el('strong', { class: 'zb-call__name' }, item.institution.name),
      item.newlyAffected && el('span', { class: 'zb-new' }, 'NIEUW')),
    el('p', { class: 'zb-call__why' }, `${context.typeLabel(item.institution.type)} · ${distanceWords(item.distance)} · ${item.status.statusLabel}`),
    item.alert && el('p', { class: 'zb-call__alert zb-tag zb-tag--call' }, `${item.alert.label}: "${item.alert.headline}"`),
    contactList(item.institution, item),
    statusControl(item, context))));
  const alerted = context.alerted ?? [];
  return el('div', { class: 'zb-calls-view' }, intro,
    calls.length > 0 && el('p', {}, el('a', { href: context.csvHref, download: '' }, 'Belronde downloaden (CSV)')),
    list,
    alerted.length > 0 && el('section', { class: 'zb-calls__alerted' },
      el('h3', {}, 'Alarm niet bevestigd, buiten de zones en ringen'),
      el('ol', { class: 'zb-calls' }, alerted.map((mark) => el('li', { class: 'zb-call', dataset: { institution: mark.institutionId } },
        el('strong', { class: 'zb-call__name' }, mark.institutionName),
        el('p', { class: 'zb-call__alert zb-tag zb-tag--call' }, `${mark.label}: "${mark.headline}"`),
        mark.phone && el('p', {}, 'Telefoon ', el('a', { href: `tel:${mark.phone.replace(/\s+/g, '')}` }, mark.phone)))))));
}

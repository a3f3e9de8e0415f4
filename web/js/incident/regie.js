// The regie's tools in the Beeld tab: the management summary on top of a shared picture (written by
// who holds the regie), the marks of regie checks on bullets (tegenstrijdig, onjuist, onvolledig,
// onduidelijk) with the checklist of open marks per theme, marking a bullet, and resolving a mark
// (its author: aangepast, ingetrokken or beantwoord). The server decides; rights.js only keeps
// buttons away from who would be refused.
import { el } from '../dom.js';
import { formatDateTime } from '../format.js';
import { mayMark, mayResolve, mayWriteSummary } from '../rights.js';
import { post, put } from './api.js';
import { buttons, form, selectField, textField } from './forms.js';

export const SUMMARY_LIMIT = 2000;
const NOTE_LIMIT = 1000;
const KINDS = [
  { code: 'tegenstrijdig', text: 'Tegenstrijdig (met een ander bericht)' },
  { code: 'onjuist', text: 'Onjuist' },
  { code: 'onvolledig', text: 'Onvolledig' },
  { code: 'onduidelijk', text: 'Onduidelijk' },
];
const KIND_LABELS = { tegenstrijdig: 'Tegenstrijdig', onjuist: 'Onjuist', onvolledig: 'Onvolledig', onduidelijk: 'Onduidelijk' };
const RESOLUTIONS = [
  { code: 'aangepast', text: 'Aangepast (bericht gewijzigd)' },
  { code: 'ingetrokken', text: 'Ingetrokken' },
  { code: 'beantwoord', text: 'Beantwoord (toelichting)' },
];

/** The management summary of a shared picture, first in the picture; with a write button for who holds the regie. */
export function summaryBox(picture, ctx) {
  const summary = picture.summary;
  const incident = ctx.view.incident;
  const box = el('section', { class: 'zb-management', 'aria-labelledby': `zb-management-${picture.id}`, id: 'zb-management' },
    el('h3', { id: `zb-management-${picture.id}` }, 'Managementsamenvatting'));
  if (summary?.text) {
    box.append(el('p', { class: 'zb-management__text' }, summary.text),
      el('p', { class: 'zb-management__meta' }, `${formatDateTime(new Date(summary.updatedAt))} · ${summary.author} (${summary.organisation})`
        + (summary.version > 1 ? ` · versie ${summary.version}` : '')));
  } else {
    box.append(el('p', { class: 'zb-empty' }, `Nog geen samenvatting. Die schrijft wie de regie heeft (${incident.regie?.person ?? 'onbekend'}).`));
  }
  if (!ctx.readOnly && mayWriteSummary(incident, ctx.view.regieHasAccount)) {
    const write = el('button', { type: 'button', class: 'zb-button zb-button--small' }, summary?.text ? 'Samenvatting wijzigen' : 'Samenvatting schrijven');
    write.addEventListener('click', () => {
      let version = summary?.version || null;
      const node = form({
        label: 'Managementsamenvatting',
        children: [textField({ label: 'Samenvatting', name: 'text', max: SUMMARY_LIMIT, required: true, multiline: true, value: summary?.text ?? '',
          hint: 'Kort en actueel: wat moeten besluitvormers nu weten?' }), buttons('Samenvatting opslaan', () => { node.replaceWith(write); write.focus(); })],
        save: async ({ text }) => {
          try {
            await put(`/api/incidents/${incident.id}/pictures/${picture.id}/summary`, { text }, version);
          } catch (error) {
            if (error.status === 412 && error.current) version = error.current.version;
            throw error;
          }
          ctx.reload();
        },
        onCancel: () => { node.replaceWith(write); write.focus(); },
      });
      write.replaceWith(node);
      node.querySelector('textarea').focus();
    });
    box.append(write);
  }
  return box;
}

const openChecks = (ctx) => (ctx.checks ?? []).filter((c) => c.open);

/** The checklist of open marks per theme (and on entries and the map); nothing when none is open. */
export function checklist(ctx) {
  const rows = ctx.checklist ?? [];
  if (!rows.length) return null;
  return el('section', { class: 'zb-checklist', 'aria-labelledby': 'zb-checklist-title', id: 'zb-checklist' },
    el('h3', { id: 'zb-checklist-title' }, `Regiechecks: ${openChecks(ctx).length} open`),
    el('ul', {}, rows.map((r) => el('li', { dataset: { themeId: r.themeId ?? '' } }, `${r.name}: ${r.open} open`))));
}

/** The marks on a bullet (open ones first, resolved ones as history), each resolvable by its author. */
export const bulletMarks = (bullet, ctx) => itemMarks({ type: 'bullet', id: String(bullet.id) }, ctx);

/** The marks on any item ({type, id} as the API names it: an entry as 'decisions/3'). */
export function itemMarks(target, ctx) {
  const checks = (ctx.checks ?? []).filter((c) => c.target.type === target.type && c.target.id === target.id);
  if (!checks.length) return null;
  checks.sort((a, b) => Number(b.open) - Number(a.open));
  return el('ul', { class: 'zb-marks', 'aria-label': target.type === 'bullet' ? 'Regiechecks op dit bericht' : 'Regiechecks hierop' },
    checks.map((c) => markItem(c, ctx)));
}

function markItem(check, ctx) {
  const incident = ctx.view.incident;
  const conflict = check.conflictsWith ? conflictText(check.conflictsWith, ctx) : null;
  const item = el('li', { class: `zb-mark zb-mark--${check.kind}${check.open ? '' : ' zb-mark--resolved'}`, dataset: { checkId: check.id } },
    el('p', {}, el('strong', { class: 'zb-mark__kind' }, KIND_LABELS[check.kind] ?? check.kind), ` ${check.note}`),
    conflict ? el('p', { class: 'zb-mark__conflict' }, `Tegenstrijdig met: ${conflict}`) : null,
    el('p', { class: 'zb-mark__meta' }, `Gemarkeerd door ${check.author.author} (${check.author.organisation}), ${formatDateTime(new Date(check.createdAt))}`),
    check.open ? null : el('p', { class: 'zb-mark__resolution' },
      `Opgelost: ${RESOLUTIONS.find((r) => r.code === check.resolution.resolution)?.text ?? check.resolution.resolution}`
      + (check.resolution.note ? ` · ${check.resolution.note}` : '') + ` · ${check.resolution.resolvedBy.author}`));
  if (check.open && !ctx.readOnly && mayResolve(check, incident)) {
    const resolve = el('button', { type: 'button', class: 'zb-link-button', 'aria-label': `Regiecheck oplossen: ${check.note}` }, 'Oplossen');
    resolve.addEventListener('click', () => {
      const node = form({
        label: 'Regiecheck oplossen',
        children: [selectField({ label: 'Oplossing', name: 'resolution', options: RESOLUTIONS, value: 'beantwoord' }),
          textField({ label: 'Toelichting', name: 'note', max: NOTE_LIMIT, multiline: true }),
          buttons('Oplossen', () => { node.replaceWith(resolve); resolve.focus(); })],
        save: async ({ resolution, note }) => {
          await post(`/api/incidents/${incident.id}/checks/${check.id}/resolve`, note ? { resolution, note } : { resolution }, check.version);
          ctx.reload();
        },
        onCancel: () => { node.replaceWith(resolve); resolve.focus(); },
      });
      resolve.replaceWith(node);
      node.querySelector('select').focus();
    });
    item.append(resolve);
  }
  return item;
}

function conflictText(target, ctx) {
  if (target.type !== 'bullet') return `${target.type} ${target.id}`;
  for (const p of ctx.view.pictures) {
    for (const t of p.themes) {
      const b = t.bullets.find((x) => x.id === Number(target.id));
      if (b) return `${t.name}: ${b.text}`;
    }
  }
  return `bericht ${target.id}`;
}

/** "Markeren" on a bullet for who holds the regie (or the region's Hoofd Informatie): the form of a regie check. */
export const markButton = (bullet, ctx) => markItemButton({ type: 'bullet', id: bullet.id }, `Bericht markeren: ${bullet.text}`, ctx);

/** The same for any item: `target` as the API takes it, `name` the button's accessible name. */
export function markItemButton(target, name, ctx) {
  const incident = ctx.view.incident;
  if (ctx.readOnly || !mayMark(incident)) return null;
  const open = el('button', { type: 'button', class: 'zb-link-button', 'aria-label': name }, 'Markeren');
  open.addEventListener('click', () => {
    const others = ctx.view.pictures.flatMap((p) => p.themes.flatMap((t) => t.bullets.filter((b) => target.type !== 'bullet' || b.id !== target.id)
      .map((b) => ({ code: String(b.id), text: `${t.name}: ${b.text}`.slice(0, 120) }))));
    const conflictField = selectField({ label: 'Tegenstrijdig met', name: 'conflictsWith', options: others, blank: 'Kies een bericht' });
    const node = form({
      label: 'Regiecheck',
      children: [selectField({ label: 'Soort', name: 'kind', options: KINDS, value: 'tegenstrijdig' }), conflictField,
        textField({ label: 'Toelichting', name: 'note', max: NOTE_LIMIT, required: true, multiline: true }),
        buttons('Markeren', () => { node.replaceWith(open); open.focus(); })],
      save: async ({ kind, note, conflictsWith }) => {
        const body = { target, kind, note };
        if (kind === 'tegenstrijdig' && conflictsWith) body.conflictsWith = { type: 'bullet', id: Number(conflictsWith) };
        await post(`/api/incidents/${incident.id}/checks`, body);
        ctx.reload();
      },
      onCancel: () => { node.replaceWith(open); open.focus(); },
    });
    const kindSelect = node.querySelector('select[name="kind"]');
    kindSelect.addEventListener('change', () => { conflictField.hidden = kindSelect.value !== 'tegenstrijdig'; });
    open.replaceWith(node);
    kindSelect.focus();
  });
  return open;
}

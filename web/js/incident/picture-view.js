// The Beeld tab: the incident's pictures (medical, multidisciplinary, own pictures), each with its
// themes, bullets, freshness and casualty counts; writing, editing and retracting bullets, where
// the user's role allows it (rights.js): a GAGS the Gevaarlijke stoffen theme, an information
// coordinator the own institution's picture, a lezer nothing.
import { el } from '../dom.js';
import { post } from './api.js';
import { certaintyTag, firstDescriptionText, freshnessBadge, timeOf } from './badges.js';
import { bulletForm } from './bullet-form.js';
import { casualtySection } from './casualties.js';
import { dutchMessage } from './errors.js';
import { buttons, form, textField } from './forms.js';
import { me } from '../me.js';
import { mayAddOwnPicture, mayCountCasualties, mayRunIncident, mayWriteTheme } from '../rights.js';
import { label } from './words.js';
import { bulletMarks, checklist, markButton, summaryBox } from './regie.js';

/** What each container last rendered, so that a live change can redraw one theme of it. */
const rendered = new WeakMap();

/**
 * @param ctx {view, checks, checklist, readOnly, pictureId (the one shown), onSelectPicture(id), reload(), announce(text)}
 */
export function renderPictureView(container, ctx) {
  rendered.set(container, ctx);
  const { view } = ctx;
  const pictures = view.pictures;
  const shown = pictures.find((p) => p.id === ctx.pictureId) ?? pictures[0];
  const evaluatedAt = new Date(view.evaluatedAt);
  // replaceChildren would show a null (a part left out when read-only) as the text "null".
  container.replaceChildren(...[
    pictureSwitcher(pictures, shown, ctx),
    shown.summary ? summaryBox(shown, ctx) : null,
    checklist(ctx),
    ctx.readOnly || !mayAddOwnPicture() ? null : ownPictureButton(view.incident.id, pictures, ctx),
    el('p', { class: `zb-first zb-first--${shown.firstDescription.complete ? 'done' : 'open'}${shown.firstDescription.overdue ? ' zb-first--overdue' : ''}` },
      firstDescriptionText(shown.firstDescription)),
    shown.kind === 'multidisciplinair' ? null : casualtySection(shown, { incidentId: view.incident.id, readOnly: ctx.readOnly || !mayCountCasualties(shown), evaluatedAt, reload: ctx.reload }),
    el('div', { class: 'zb-themes' }, shown.themes.map((theme) => themeSection(view.incident.id, shown, theme, evaluatedAt, ctx))),
  ].filter((part) => part != null));
}

/**
 * Redraws the themes `themeIds` of picture `pictureId` from the view the container was rendered
 * with (which the caller has changed in place): a live change shows up in its theme while the rest
 * of the picture, and a form open elsewhere, stay as they are. A theme with a form open is left
 * alone (its save reloads the picture). Returns false when that picture is not the one shown.
 */
export function refreshThemes(container, pictureId, themeIds) {
  const ctx = rendered.get(container);
  const picture = ctx?.view.pictures.find((p) => p.id === pictureId);
  if (!picture || !container.querySelector(`.zb-theme[data-picture-id="${pictureId}"]`)) return false;
  const evaluatedAt = new Date(ctx.view.evaluatedAt);
  for (const themeId of themeIds) {
    const section = container.querySelector(`.zb-theme[data-picture-id="${pictureId}"][data-theme-id="${themeId}"]`);
    const theme = picture.themes.find((t) => t.id === themeId);
    if (!section || !theme || section.querySelector('form')) continue;
    section.replaceWith(themeSection(ctx.view.incident.id, picture, theme, evaluatedAt, ctx));
  }
  return true;
}

function pictureName(picture) {
  if (picture.kind === 'eigen') return `Eigen beeld: ${picture.organisation}`;
  return `${label('pictureKinds', picture.kind)} (${picture.organisation})`;
}

function pictureSwitcher(pictures, shown, ctx) {
  const id = 'zb-picture-choice';
  return el('div', { class: 'zb-field zb-picture-choice' },
    el('label', { for: id }, 'Beeld'),
    el('select', { id, onchange: (e) => ctx.onSelectPicture(Number(e.target.value)) },
      pictures.map((p) => el('option', { value: p.id, selected: p.id === shown.id }, pictureName(p)))));
}

function ownPictureButton(incidentId, pictures, ctx) {
  const open = el('button', { type: 'button', class: 'zb-button zb-button--small' }, 'Eigen beeld toevoegen');
  const { institutionId } = me();
  if (institutionId && !mayRunIncident(ctx.view.incident)) {
    // An institution's coordinator adds the picture of its own institution, nothing else.
    if (pictures.some((p) => p.kind === 'eigen' && p.institutionId === institutionId)) return null;
    open.addEventListener('click', async () => {
      open.disabled = true;
      try {
        const picture = await post(`/api/incidents/${incidentId}/pictures`, { institutionId });
        ctx.onSelectPicture(picture.id);
      } catch (error) {
        open.disabled = false;
        open.after(el('p', { class: 'zb-form__error', role: 'alert' }, dutchMessage(error)));
      }
    });
    return open;
  }
  open.addEventListener('click', () => {
    const close = () => { node.replaceWith(open); open.focus(); };
    const node = form({
      label: 'Eigen beeld toevoegen',
      children: [textField({ label: 'Organisatie', name: 'organisation', max: 200, required: true,
        hint: 'De instelling waarvan dit het eigen beeld is' }), buttons('Toevoegen', close)],
      save: async ({ organisation }) => {
        const picture = await post(`/api/incidents/${incidentId}/pictures`, { organisation });
        ctx.onSelectPicture(picture.id);
      },
      onCancel: close,
    });
    open.replaceWith(node);
    node.querySelector('input').focus();
  });
  return open;
}

function themeSection(incidentId, picture, theme, evaluatedAt, ctx) {
  const headingId = `zb-theme-${picture.id}-${theme.id}`;
  const writable = !ctx.readOnly && mayWriteTheme(picture, theme);
  const list = el('ul', { class: 'zb-bullets' }, theme.bullets.map((b) => bulletItem(incidentId, b, evaluatedAt, writable, ctx)));
  const section = el('section', { class: `zb-theme${theme.freshness.stale ? ' zb-theme--stale' : ''}`, 'aria-labelledby': headingId, dataset: { theme: theme.name, themeId: theme.id, pictureId: picture.id } },
    el('div', { class: 'zb-theme__head' },
      el('h3', { id: headingId }, theme.name, theme.required ? el('span', { class: 'zb-theme__required', title: 'Hoort bij het eerste complete beeld' }, ' *') : null),
      freshnessBadge(theme.freshness, evaluatedAt)),
    theme.bullets.length ? list : el('p', { class: 'zb-empty' }, 'Nog geen berichten.'));
  if (writable) {
    const add = el('button', { type: 'button', class: 'zb-button zb-button--small zb-theme__add' }, 'Bericht toevoegen');
    add.setAttribute('aria-label', `Bericht toevoegen aan ${theme.name}`);
    add.addEventListener('click', () => {
      const node = bulletForm({ incidentId, pictureId: picture.id, themeId: theme.id }, null, {
        onSaved: (bullet) => {
          ctx.announce(`Nieuw bericht in ${theme.name}: ${bullet.text}`);
          ctx.reload();
        },
        onCancel: () => { node.replaceWith(add); add.focus(); },
      });
      add.replaceWith(node);
      node.querySelector('textarea').focus();
    });
    section.append(add);
  }
  return section;
}

function bulletItem(incidentId, bullet, evaluatedAt, writable, ctx) {
  const marked = (ctx.checks ?? []).some((c) => c.open && c.target.type === 'bullet' && Number(c.target.id) === bullet.id);
  const item = el('li', { class: `zb-bullet zb-bullet--${bullet.certainty}${marked ? ' zb-bullet--marked' : ''}`, dataset: { bulletId: bullet.id } },
    el('p', { class: 'zb-bullet__text' }, certaintyTag(bullet.certainty), bullet.text),
    el('p', { class: 'zb-bullet__meta' },
      el('span', {}, `Bron: ${bullet.source}`), ' · ',
      el('span', {}, `${bullet.author} (${bullet.organisation})`), ' · ',
      timeOf(bullet.updatedAt, evaluatedAt),
      bullet.version > 1 ? el('span', { class: 'zb-bullet__version', title: 'Dit bericht is gewijzigd; eerdere versies staan in de tijdlijn' }, ` · versie ${bullet.version}`) : null),
    bulletMarks(bullet, ctx));
  const mark = markButton(bullet, ctx);
  if (writable) {
    const edit = el('button', { type: 'button', class: 'zb-link-button', 'aria-label': `Bericht wijzigen: ${bullet.text}` }, 'Wijzigen');
    const retract = el('button', { type: 'button', class: 'zb-link-button', 'aria-label': `Bericht intrekken: ${bullet.text}` }, 'Intrekken');
    const actions = el('div', { class: 'zb-bullet__actions' }, edit, retract);
    edit.addEventListener('click', () => {
      const node = bulletForm({ incidentId }, bullet, {
        onSaved: () => ctx.reload(),
        onCancel: () => { node.replaceWith(actions); edit.focus(); },
      });
      actions.replaceWith(node);
      node.querySelector('textarea').focus();
    });
    retract.addEventListener('click', async () => {
      if (!window.confirm(`Dit bericht uit het actuele beeld halen?\n\n"${bullet.text}"\n\nHet blijft in de geschiedenis staan.`)) return;
      try {
        await post(`/api/incidents/${incidentId}/bullets/${bullet.id}/retract`, undefined, bullet.version);
        ctx.reload();
      } catch (error) {
        actions.append(el('p', { class: 'zb-form__error', role: 'alert' }, dutchMessage(error)));
      }
    });
    item.append(actions);
  }
  if (mark) (item.querySelector('.zb-bullet__actions') ?? item.appendChild(el('div', { class: 'zb-bullet__actions' }))).append(mark);
  return item;
}


// Writing a bullet and editing one: text, source and certainty. An edit names the version it
// changes; when someone else changed the bullet meanwhile, their version is shown beside this one.
import { el } from '../dom.js';
import { post, patch } from './api.js';
import { buttons, form, selectField, textField } from './forms.js';
import { options } from './words.js';

export const TEXT_LIMIT = 1000;
export const SOURCE_LIMIT = 200;

/**
 * @param target  {incidentId, pictureId, themeId}
 * @param bullet  the bullet to edit, or null for a new one
 */
export function bulletForm(target, bullet, { onSaved, onCancel }) {
  let version = bullet?.version;
  const node = form({
    className: 'zb-form--bullet',
    label: bullet ? 'Bericht wijzigen' : 'Nieuw bericht',
    children: [
      textField({ label: 'Bericht', name: 'text', max: TEXT_LIMIT, required: true, multiline: true, value: bullet?.text ?? '' }),
      textField({ label: 'Bron', name: 'source', max: SOURCE_LIMIT, required: true, value: bullet?.source ?? '',
        hint: 'Van wie of waar komt dit? Bijvoorbeeld: OvD-G ter plaatse' }),
      selectField({ label: 'Zekerheid', name: 'certainty', options: options('certainties'), value: bullet?.certainty ?? 'gevalideerd' }),
      el('div', { class: 'zb-form__theirs', hidden: true }),
      buttons(bullet ? 'Wijziging opslaan' : 'Bericht plaatsen', onCancel),
    ],
    save: async ({ text, source, certainty }) => {
      const base = `/api/incidents/${target.incidentId}/bullets`;
      try {
        const saved = bullet
          ? await patch(`${base}/${bullet.id}`, { text, source, certainty }, version)
          : await post(base, { pictureId: target.pictureId, themeId: target.themeId, text, source, certainty });
        onSaved(saved);
      } catch (error) {
        if (error.status === 412 && error.current) {
          version = error.current.version;
          showTheirs(node, error.current);
        }
        throw error;
      }
    },
    onCancel,
  });
  return node;
}

function showTheirs(node, current) {
  const box = node.querySelector('.zb-form__theirs');
  box.replaceChildren(el('p', {}, el('strong', {}, `Huidige versie, door ${current.author} (${current.organisation}):`)),
    el('p', { class: 'zb-form__theirs-text' }, current.text), el('p', {}, `Bron: ${current.source}`));
  box.hidden = false;
}

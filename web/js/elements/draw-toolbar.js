// The drawing buttons, one per kind of picture element, and "Wie ben ik". Disabled with the reason
// in words while drawing is not possible (an earlier moment is shown, the incident is closed).
import { el } from '../dom.js';
import { swatch } from './element-style.js';
import { KINDS } from './kinds.js';

export const DrawToolbar = L.Control.extend({
  /** collapseOnDraw: fold the list away once a kind is chosen, so a small screen keeps its map free */
  options: { position: 'topleft', expanded: true, collapseOnDraw: false },

  /** @param handlers {onDraw(kind), onIdentity()} */
  initialize(handlers, options) {
    L.setOptions(this, options);
    this._handlers = handlers;
  },

  onAdd() {
    this._buttons = KINDS.map((kind) => {
      const button = el('button', { type: 'button', class: 'zb-draw__button', id: `draw-${kind.code}`, 'aria-pressed': 'false', dataset: { kind: kind.code } },
        swatch({ kind: kind.code, zone: kind.code === 'effectgebied' ? 'AGW' : undefined }), el('span', {}, kind.action));
      button.addEventListener('click', () => {
        if (this.options.collapseOnDraw) this._setExpanded(false);
        this._handlers.onDraw(kind);
      });
      return button;
    });
    this._reason = el('p', { class: 'zb-draw__reason', id: 'draw-reason', hidden: true });
    this._identity = el('button', { type: 'button', class: 'zb-draw__identity', id: 'identity-button' });
    this._identity.addEventListener('click', () => this._handlers.onIdentity());
    this._body = el('div', { class: 'zb-draw__body', id: 'draw-body' },
      this._reason, el('ul', { class: 'zb-draw__list' }, this._buttons.map((b) => el('li', {}, b))), this._identity);
    this._toggle = el('button', { type: 'button', class: 'zb-layers__toggle', 'aria-controls': 'draw-body' }, 'Tekenen');
    this._toggle.addEventListener('click', () => this._setExpanded(this._body.hidden));
    this._setExpanded(this.options.expanded);
    this._container = el('section', { class: 'zb-draw', id: 'draw-toolbar', 'aria-label': 'Tekenen op de kaart', hidden: true },
      this._toggle, this._body);
    L.DomEvent.disableClickPropagation(this._container);
    L.DomEvent.disableScrollPropagation(this._container);
    return this._container;
  },

  _setExpanded(expanded) {
    this._body.hidden = !expanded;
    this._toggle.setAttribute('aria-expanded', String(expanded));
  },

  /** Shown only while an incident is on screen. */
  setVisible(visible) {
    this._container.hidden = !visible;
  },

  /** @param reason why drawing is not possible now, or null when it is */
  setBlocked(reason) {
    this._reason.textContent = reason || '';
    this._reason.hidden = !reason;
    this._buttons.forEach((b) => {
      b.disabled = Boolean(reason);
      if (reason) b.setAttribute('aria-describedby', 'draw-reason');
      else b.removeAttribute('aria-describedby');
    });
  },

  /** Marks the kind being drawn (null: none). */
  setActive(code) {
    this._buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.kind === code)));
  },

  setIdentity(identity) {
    this._identity.textContent = identity ? `Wie ben ik: ${identity.author} (${identity.organisation})` : 'Wie ben ik: nog niet ingevuld';
  },
});

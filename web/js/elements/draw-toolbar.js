// The drawing buttons, one per kind of picture element the user may draw. Disabled with the reason
// in words while drawing is not possible (an earlier moment is shown, the incident is closed).
import { el } from '../dom.js';
import { swatch } from './element-style.js';
import { KINDS } from './kinds.js';

export const DrawToolbar = L.Control.extend({
  /** collapseOnDraw: fold the list away once a kind is chosen, so a small screen keeps its map free */
  options: { position: 'topleft', expanded: true, collapseOnDraw: false, kinds: null },

  /** @param handlers {onDraw(kind)}; options.kinds: the codes of the kinds offered (null: all) */
  initialize(handlers, options) {
    L.setOptions(this, options);
    this._handlers = handlers;
  },

  onAdd() {
    const offered = KINDS.filter((kind) => this.options.kinds === null || this.options.kinds.includes(kind.code));
    this._buttons = offered.map((kind) => {
      const button = el('button', { type: 'button', class: 'zb-draw__button', id: `draw-${kind.code}`, 'aria-pressed': 'false', dataset: { kind: kind.code } },
        swatch({ kind: kind.code, zone: kind.code === 'effectgebied' ? 'AGW' : undefined }), el('span', {}, kind.action));
      button.addEventListener('click', () => {
        if (this.options.collapseOnDraw) this._setExpanded(false);
        this._handlers.onDraw(kind);
      });
      return button;
    });
    this._reason = el('p', { class: 'zb-draw__reason', id: 'draw-reason', hidden: true });
    this._body = el('div', { class: 'zb-draw__body', id: 'draw-body' },
      this._reason, el('ul', { class: 'zb-draw__list' }, this._buttons.map((b) => el('li', {}, b))));
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

  /** Shown only while an incident is on screen, and only to a user who may draw something. */
  setVisible(visible) {
    this._container.hidden = !visible || this._buttons.length === 0;
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
});

// The time selector at the bottom of the map: "nu" or any earlier moment since the incident began.
// Everything shown follows it; away from "nu" a banner says so and nothing can be changed.
import { el } from '../dom.js';
import { formatDateTime } from '../format.js';
import { fromLocalInput, toLocalInput } from './time.js';

const STEP = 60_000;

export class TimeSelector {
  /** @param onChange(at) with an ISO time, or null for now */
  constructor(mapWrap, workspace, onChange) {
    this._onChange = onChange;
    this._since = null;
    this._range = el('input', { type: 'range', min: 0, max: 1, step: 1, value: 1, 'aria-label': 'Moment in de tijd', class: 'zb-timebar__range' });
    this._picker = el('input', { type: 'datetime-local', 'aria-label': 'Kies een moment (datum en tijd)', class: 'zb-timebar__picker' });
    this._now = el('button', { type: 'button', class: 'zb-button zb-button--small', 'aria-pressed': 'true' }, 'Nu');
    this._output = el('output', { class: 'zb-timebar__shown', 'aria-live': 'polite' }, 'nu');
    this._bar = el('div', { class: 'zb-timebar', role: 'group', 'aria-label': 'Tijdkiezer', hidden: true },
      el('span', { class: 'zb-timebar__label' }, 'Tijd'), this._now, this._range, this._picker, this._output);
    this._banner = el('div', { class: 'zb-history-banner', role: 'status', hidden: true });
    mapWrap.append(this._bar);
    workspace.before(this._banner);

    this._now.addEventListener('click', () => this.set(null));
    this._range.addEventListener('change', () => {
      const value = Number(this._range.value);
      this.set(value >= Number(this._range.max) ? null : new Date(value));
    });
    this._picker.addEventListener('change', () => {
      const chosen = fromLocalInput(this._picker.value);
      if (chosen) this.set(chosen > new Date() ? null : chosen);
    });
  }

  /** Makes room for the selector under the map (or removes it) before anything is drawn on the map. */
  reserve(shown) {
    if (document.body.classList.contains('zb-has-timebar') === shown) return;
    this._bar.hidden = !shown;
    document.body.classList.toggle('zb-has-timebar', shown);
    // The map's box changed height; Leaflet measures it again without moving what is on screen.
    window.zorgbeeld?.map?.invalidateSize({ pan: false });
  }

  /** Shows the selector for an incident created at `since` (null hides it), back at "nu". */
  reset(since) {
    this._since = since;
    this.reserve(Boolean(since));
    this._at = null;
    this._render();
  }

  /** Moves to `date` (null: now) and tells the page. */
  set(date) {
    this._at = date && this._since && date < this._since ? this._since : date;
    this._render();
    this._onChange(this._at ? this._at.toISOString() : null);
  }

  _render() {
    const now = Date.now();
    const since = this._since ? this._since.getTime() : now - STEP;
    this._range.min = String(Math.floor(since / STEP) * STEP);
    this._range.max = String(Math.ceil(now / STEP) * STEP);
    this._range.step = String(STEP);
    this._range.value = String(this._at ? this._at.getTime() : this._range.max);
    this._picker.value = toLocalInput(this._at ?? new Date(now));
    this._picker.min = this._since ? toLocalInput(this._since) : '';
    this._picker.max = toLocalInput(new Date(now));
    this._now.setAttribute('aria-pressed', String(!this._at));
    this._output.textContent = this._at ? formatDateTime(this._at) : 'nu';
    this._banner.hidden = !this._at;
    document.body.classList.toggle('zb-is-history', Boolean(this._at));
    if (this._at) {
      const back = el('button', { type: 'button', class: 'zb-button zb-button--small', onclick: () => this.set(null) }, 'Terug naar nu');
      this._banner.replaceChildren(el('strong', {}, 'Eerder moment: '),
        `u bekijkt het beeld zoals het was op ${formatDateTime(this._at)}, niet de actuele situatie. Wijzigen kan alleen in "nu". `, back);
    }
  }
}

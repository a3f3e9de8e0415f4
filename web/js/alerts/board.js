// The acknowledgement board of an incident (the "Alarmering" view of the Netwerkanalyse tab): the
// incident's alerts, newest first, and for the chosen one every recipient coloured by what it did:
// green acknowledged, orange sent, delivered or read but not (yet) acknowledged, red not connected or
// past the deadline; with the counts and the time since it was sent. Receipts, acknowledgements and
// new alerts arrive from the incident's live stream and are read again at once.
//
// API
//   new AlertBoard({ rerender }); board.render({ incidentId, readOnly, mayAlert }); board.changed(change)
import { el } from '../dom.js';
import { formatCount, formatTime, relativeAge } from '../format.js';
import { dutchMessage } from '../incident/errors.js';
import { capUrl, fetchAlert, listAlerts, sendAlert } from './alerts-api.js';

const TICK_MS = 30_000;

/** green, orange or red for a recipient. */
export function colour(recipient) {
  if (recipient.state === 'bevestigd') return 'groen';
  if (recipient.overdue || !recipient.connected) return 'rood';
  return 'oranje';
}

export class AlertBoard {
  constructor({ rerender }) {
    this.rerender = rerender;
    this.incidentId = null;
    this.alerts = null;
    this.detail = null;
    this.chosen = null;
    this.error = null;
    this.loads = 0;
    // "4 min geleden" moves on while the board is open.
    setInterval(() => { if (this.alerts && document.querySelector('.zb-board')) this.rerender(); }, TICK_MS);
  }

  /** Opens the board on this alert (after sending it). */
  show(incidentId, alertId) {
    this.chosen = alertId;
    this.load(incidentId);
  }

  async load(incidentId) {
    const load = ++this.loads;
    this.incidentId = incidentId;
    try {
      const list = await listAlerts(incidentId);
      const chosen = this.chosen && list.alerts.some((a) => a.id === this.chosen) ? this.chosen : list.alerts[0]?.id ?? null;
      const detail = chosen == null ? null : await fetchAlert(incidentId, chosen);
      if (load !== this.loads) return;
      Object.assign(this, { alerts: list.alerts, detail, chosen, error: null });
    } catch (error) {
      if (load !== this.loads) return;
      this.error = error;
    }
    this.rerender();
  }

  /** A live change of the incident: alerts and what their recipients did are read again. */
  changed(change) {
    if (this.incidentId != null && change.type.startsWith('nl.zorgbeeld.alert.')) this.load(this.incidentId);
  }

  render({ incidentId, mayAlert }) {
    if (incidentId !== this.incidentId) {
      Object.assign(this, { alerts: null, detail: null, chosen: null });
      this.load(incidentId);
    }
    if (this.error) return el('p', { class: 'zb-form__error', role: 'alert' }, `De alarmering kon niet worden geladen. ${dutchMessage(this.error)}`);
    if (!this.alerts) return el('p', { class: 'zb-empty' }, 'Alarmering laden…');
    if (!this.alerts.length) {
      return el('p', { class: 'zb-empty' }, mayAlert ? 'Nog geen alarm verzonden. Kies "Alarmeren" om de geraakte instellingen te alarmeren.'
        : 'Nog geen alarm verzonden.');
    }
    return el('div', { class: 'zb-board', id: 'zb-board', dataset: { alert: String(this.chosen) } },
      this.chooser(), this.detail && this.board(this.detail, mayAlert));
  }

  chooser() {
    const select = el('select', { id: 'zb-board-alert', 'aria-label': 'Alarm' }, this.alerts.map((a) => el('option', {
      value: a.id, selected: a.id === this.chosen,
    }, `${formatTime(new Date(a.sentAt))} ${a.msgTypeLabel}: ${a.headline}${a.standing ? '' : ' (vervangen of ingetrokken)'}`)));
    select.addEventListener('change', () => {
      this.chosen = Number(select.value);
      this.load(this.incidentId);
    });
    return el('div', { class: 'zb-filter' }, el('label', { for: 'zb-board-alert' }, 'Alarm'), select);
  }

  board({ alert, recipients }, mayAlert) {
    const c = alert.counts;
    const sent = new Date(alert.sentAt);
    const rows = [...recipients].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, 'nl'));
    const by = { groen: 0, oranje: 0, rood: 0 };
    rows.forEach((r) => { by[colour(r)] += 1; });
    return el('div', { class: 'zb-board__alert' },
      el('p', { class: 'zb-board__headline' }, el('strong', {}, alert.headline), alert.status === 'Exercise' ? el('span', { class: 'zb-tag' }, 'OEFENING') : null),
      el('p', { class: 'zb-board__counts', id: 'zb-board-counts', role: 'status' },
        el('span', { class: 'zb-board__count zb-board__count--groen' }, `${formatCount(by.groen)} bevestigd`), ' · ',
        el('span', { class: 'zb-board__count zb-board__count--oranje' }, `${formatCount(by.oranje)} wachtend`), ' · ',
        el('span', { class: 'zb-board__count zb-board__count--rood' }, `${formatCount(by.rood)} bellen`),
        ` · ${formatCount(c.read)} gelezen · ${formatCount(c.recipients)} ontvangers`),
      el('p', { class: 'zb-board__time' }, `Verzonden ${formatTime(sent)} (${relativeAge(sent)}) door ${alert.sentBy.author};`
        + ` bevestigen vóór ${formatTime(new Date(alert.ackDeadline))}`,
      ' · ', el('a', { href: capUrl(alert.incidentId, alert.id), target: '_blank', rel: 'noopener' }, 'CAP-bericht (XML)')),
      el('ul', { class: 'zb-board__list', 'aria-label': 'Ontvangers' }, rows.map((r) => el('li', {
        class: `zb-board__row zb-board__row--${colour(r)}`, dataset: { institution: r.institutionId, state: r.state, colour: colour(r) },
      }, el('span', { class: 'zb-board__dot', 'aria-hidden': 'true' }),
      el('span', { class: 'zb-board__name' }, r.name),
      el('span', { class: 'zb-board__state' }, r.overdue ? `${r.stateLabel}; te laat: bellen` : r.stateLabel),
      r.acknowledged ? el('span', { class: 'zb-board__by' },
        `${r.acknowledged.by}, ${formatTime(new Date(r.acknowledged.at))}${r.acknowledged.note ? `: "${r.acknowledged.note}"` : ''}`) : null))),
      mayAlert && alert.standing ? this.cancelButton(alert) : null);
  }

  cancelButton(alert) {
    const button = el('button', { type: 'button', class: 'zb-button zb-button--small' }, 'Alarm intrekken');
    button.addEventListener('click', async () => {
      if (!window.confirm(`Het alarm "${alert.headline}" intrekken? De ontvangers krijgen een intrekking.`)) return;
      try {
        const detail = await sendAlert(alert.incidentId, { msgType: 'Cancel', references: alert.id });
        this.show(alert.incidentId, detail.alert.id);
      } catch (error) {
        button.after(el('p', { class: 'zb-form__error', role: 'alert' }, dutchMessage(error)));
      }
    });
    return el('div', { class: 'zb-form__buttons' }, button);
  }
}

/** Red first (to call), then orange, then green. */
function order(r) {
  return { rood: 0, oranje: 1, groen: 2 }[colour(r)];
}

// What reaches an institution's own users: for a user who speaks for a care institution, every alert
// to it appears at once as a banner at the top of the page (with a short tone, made by Web Audio),
// that stays until the institution acknowledges it ("Bevestigen", with an optional note); "Gelezen"
// tells the sender it was read. Warnings of the institution's own warning distance appear the same
// way, to be put away with "Gelezen". The alerts come from GET /api/me/alerts at the start and from
// the personal live stream (/api/me/live) after that; a banner shown counts as delivered.
// Publishes window.zorgbeeld.inbox ({institutionId, banners, beeps, ready}) for the browser tests.
import { el } from '../dom.js';
import { formatTime } from '../format.js';
import { dutchMessage } from '../incident/errors.js';
import { followPersonal } from '../live.js';
import { acknowledge, fetchInbox, receipt } from './alerts-api.js';

const published = { institutionId: null, banners: 0, beeps: 0, ready: false };
const shown = new Map();
let holder;

export async function setUpInbox(state) {
  state.inbox = published;
  holder = el('div', { class: 'zb-alert-banners', id: 'alert-banners', 'aria-live': 'assertive' });
  document.querySelector('.topbar').after(holder);
  const inbox = await fetchInbox();
  published.institutionId = inbox.institutionId;
  if (inbox.institutionId) {
    for (const { alert, mine, incidentTitle } of [...inbox.alerts].reverse()) {
      if (wanted(alert, mine)) showAlert(alert, mine, incidentTitle);
    }
    followPersonal(changed);
  }
  published.ready = true;
  count();
}

/** Still asking something of the institution: not acknowledged, and standing (or the cancellation itself). */
const wanted = (alert, mine) => mine.state !== 'bevestigd' && (alert.standing || alert.msgType === 'Cancel');

function changed(change) {
  if (!change) return;
  const data = change.data;
  if (change.type === 'nl.zorgbeeld.alert.sent' || change.type === 'nl.zorgbeeld.alert.updated' || change.type === 'nl.zorgbeeld.alert.cancelled') {
    // An update or cancellation replaces the banner of the alert it changes.
    if (data.references != null) remove(`alert-${data.references}`);
    showAlert(data, { state: 'verzonden' }, null);
    beep();
    receipt(data.incidentId, data.id, 'delivered').catch(() => {});
  } else if (change.type === 'nl.zorgbeeld.alert.acknowledged') {
    remove(`alert-${data.alertId}`);
  } else if (change.type === 'nl.zorgbeeld.alert.read') {
    shown.get(`alert-${data.alertId}`)?.markRead();
  } else if (change.type === 'nl.zorgbeeld.warning.issued') {
    showWarning(data);
    beep();
  }
}

function showAlert(alert, mine, incidentTitle) {
  const key = `alert-${alert.id}`;
  if (shown.has(key)) return;
  const note = el('input', { type: 'text', class: 'zb-alert-banner__note', maxlength: 1000, placeholder: 'Opmerking (niet verplicht)',
    'aria-label': 'Opmerking bij de bevestiging' });
  const read = el('button', { type: 'button', class: 'zb-button', dataset: { action: 'read' } }, 'Gelezen');
  const confirm = el('button', { type: 'button', class: 'zb-button zb-button--primary', dataset: { action: 'acknowledge' } }, 'Bevestigen');
  const error = el('p', { class: 'zb-form__error', role: 'alert', hidden: true });
  const kind = alert.msgType === 'Cancel' ? 'INGETROKKEN' : alert.msgType === 'Update' ? 'BIJWERKING ALARM' : 'ALARM';
  const banner = el('section', { class: `zb-alert-banner zb-alert-banner--${alert.msgType.toLowerCase()}`, role: 'alert',
    dataset: { alert: String(alert.id), incident: String(alert.incidentId) }, 'aria-label': `${kind}: ${alert.headline}` },
  el('p', { class: 'zb-alert-banner__kind' }, alert.status === 'Exercise' ? `OEFENING · ${kind}` : kind,
    el('span', { class: 'zb-alert-banner__time' }, ` ${formatTime(new Date(alert.sentAt))} · ${alert.sentBy.organisation}`
      + `${incidentTitle ? ` · ${incidentTitle}` : ''}`)),
  el('h2', { class: 'zb-alert-banner__headline' }, alert.headline),
  el('p', { class: 'zb-alert-banner__text' }, alert.description),
  alert.instruction ? el('p', { class: 'zb-alert-banner__instruction' }, el('strong', {}, 'Advies: '), alert.instruction) : null,
  el('div', { class: 'zb-alert-banner__actions' }, note, read, confirm), error);
  const failed = (e) => {
    error.textContent = dutchMessage(e);
    error.hidden = false;
  };
  const markRead = () => {
    read.disabled = true;
    read.textContent = 'Gelezen ✓';
  };
  if (mine.state === 'gelezen') markRead();
  read.addEventListener('click', () => receipt(alert.incidentId, alert.id, 'read').then(markRead, failed));
  confirm.addEventListener('click', () => {
    confirm.disabled = true;
    acknowledge(alert.incidentId, alert.id, note.value.trim()).then(() => remove(key), (e) => {
      confirm.disabled = false;
      failed(e);
    });
  });
  shown.set(key, { banner, markRead });
  holder.prepend(banner);
  count();
}

function showWarning(warning) {
  const key = `warning-${warning.id}`;
  if (shown.has(key)) return;
  const read = el('button', { type: 'button', class: 'zb-button', dataset: { action: 'read' } }, 'Gelezen');
  const banner = el('section', { class: 'zb-alert-banner zb-alert-banner--warning', role: 'alert', dataset: { warning: String(warning.id) } },
    el('p', { class: 'zb-alert-banner__kind' }, 'WAARSCHUWING', el('span', { class: 'zb-alert-banner__time' },
      ` ${formatTime(new Date(warning.warnedAt))} · ${warning.incidentTitle}`)),
    el('h2', { class: 'zb-alert-banner__headline' }, `${warning.institutionName}: ${warning.description}`),
    el('p', { class: 'zb-alert-banner__text' }, `Binnen uw waarschuwingsafstand van ${Math.round(warning.settingDistance)} m.`),
    el('div', { class: 'zb-alert-banner__actions' }, read));
  read.addEventListener('click', () => remove(key));
  shown.set(key, { banner, markRead: () => {} });
  holder.prepend(banner);
  count();
}

function remove(key) {
  shown.get(key)?.banner.remove();
  shown.delete(key);
  count();
}

function count() {
  published.banners = shown.size;
}

/** A short two-tone signal; silent where the browser allows no sound yet (before any click). */
function beep() {
  published.beeps += 1;
  try {
    const audio = new AudioContext();
    const gain = audio.createGain();
    gain.gain.value = 0.15;
    gain.connect(audio.destination);
    [880, 660].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(audio.currentTime + i * 0.25);
      tone.stop(audio.currentTime + i * 0.25 + 0.2);
      if (i === 1) tone.onended = () => audio.close();
    });
  } catch {
    // No Web Audio here: the banner still shows.
  }
}

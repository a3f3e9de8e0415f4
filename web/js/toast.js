// Short messages over the map ("Incidentgebied opgeslagen", "Iemand anders heeft dit gewijzigd"):
// visible for a while and read out by screen readers.
//
// API
//   showToast(message, { tone: 'info' | 'warning', seconds }) ; one message at a time
import { el } from './dom.js';

let current = null;

export function showToast(message, { tone = 'info', seconds = 6 } = {}) {
  current?.remove();
  const close = el('button', { type: 'button', class: 'zb-toast__close', 'aria-label': 'Melding sluiten' }, '×');
  const toast = el('div', { class: `zb-toast zb-toast--${tone}`, id: 'toast', role: tone === 'warning' ? 'alert' : 'status' },
    el('span', {}, message), close);
  close.addEventListener('click', () => toast.remove());
  document.querySelector('.map-wrap').append(toast);
  current = toast;
  setTimeout(() => toast.remove(), seconds * 1000);
}

// A modal dialog with a title and a Sluiten button; closing it (button, Escape) removes it.
//
// API
//   openDialog({ id, title, wide, onClose }, ...children) -> { dialog, body, close }
import { el } from './dom.js';

let sequence = 0;

export function openDialog({ id, title, wide = false, onClose }, ...children) {
  const titleId = `zb-dialog-title-${++sequence}`;
  const dialog = el('dialog', { class: `zb-dialog${wide ? ' zb-dialog--wide' : ''}`, id, 'aria-labelledby': titleId });
  const body = el('div', { class: 'zb-dialog__body' }, ...children);
  const close = () => {
    if (!dialog.isConnected) return;
    dialog.close();
    dialog.remove();
    onClose?.();
  };
  dialog.append(
    el('div', { class: 'zb-dialog__head' },
      el('h2', { id: titleId }, title),
      el('button', { type: 'button', class: 'zb-button', onclick: close }, 'Sluiten')),
    body);
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, body, close };
}

// "Laatst bijgewerkt" in the top bar: the absolute time, and the age kept current.
import { formatDateTime, formatTime, relativeAge } from './format.js';

export function showUpdated(element, date) {
  const render = () => {
    element.replaceChildren('Laatst bijgewerkt ', Object.assign(document.createElement('time'), {
      dateTime: date.toISOString(), textContent: formatTime(date), title: formatDateTime(date),
    }), ` (${relativeAge(date)})`);
  };
  render();
  setInterval(render, 30_000);
}

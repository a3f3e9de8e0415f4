// Server errors in plain Dutch, next to the field they concern. The server names the field
// (`where`); the wording here is the UI's own.
import { el } from '../dom.js';
import { fieldLabel } from './words.js';

/** A Dutch sentence for an ApiError. */
export function dutchMessage(error) {
  if (!error.status) return 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.';
  if (error.status === 409 && error.where === 'incident') return 'Dit incident is gesloten: er kan niets meer worden toegevoegd of gewijzigd.';
  if (error.status === 409 && error.where === 'bullet') return 'Dit bericht is ingetrokken en kan niet meer worden gewijzigd.';
  if (error.status === 409) return 'Dit bestaat al of kan in deze toestand niet.';
  if (error.status === 412) return 'Iemand anders heeft dit intussen gewijzigd. Bekijk de huidige versie en sla uw wijziging zo nodig opnieuw op.';
  if (error.status === 404) return 'Niet (meer) gevonden. Herlaad het beeld.';
  if (error.status === 403) return 'Uw rol mag dit niet (of alleen voor een ander deel van het beeld).';
  if (error.status >= 500) return `Er ging iets mis op de server (verzoek ${error.requestId ?? 'onbekend'}). Probeer het opnieuw.`;
  const field = error.where && error.where !== 'body' ? `${capitalise(fieldLabel(error.where))}: ` : '';
  return field + reason(error.message);
}

function reason(detail) {
  if (/is required/.test(detail)) return 'dit is verplicht.';
  const tooLong = /the limit is (\d+)/.exec(detail);
  if (tooLong) return `te lang, maximaal ${tooLong[1]} tekens.`;
  if (/^Unknown /.test(detail)) return 'deze waarde is onbekend.';
  if (/control character/.test(detail)) return 'bevat tekens die niet zijn toegestaan.';
  if (/ISO 8601/.test(detail)) return 'dit is geen geldige datum en tijd.';
  if (/in the future/.test(detail)) return 'dit tijdstip ligt in de toekomst.';
  if (/between/.test(detail)) return 'deze waarde valt buiten het toegestane bereik.';
  if (/X-Zorgbeeld/.test(detail)) return 'vul eerst uw naam en organisatie in.';
  return 'de invoer is niet geldig.';
}

const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Shows an error in a form: next to the field the server named (an element with
 * data-field="<where>"), or at the form's general message when no field matches.
 */
export function showFormError(form, error) {
  clearFormErrors(form);
  const message = dutchMessage(error);
  const field = error.where && form.querySelector(`[data-field="${CSS.escape(error.where)}"]`);
  const target = field || form.querySelector('.zb-form__message');
  const note = el('p', { class: 'zb-form__error', role: 'alert' }, message);
  if (field) {
    field.setAttribute('aria-invalid', 'true');
    field.closest('.zb-field')?.append(note);
    field.focus();
  } else {
    target.append(note);
  }
}

export function clearFormErrors(form) {
  form.querySelectorAll('.zb-form__error').forEach((n) => n.remove());
  form.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
}

// What a plume zone's popup adds: how the plume was made (inputs and model), its limits and the
// warnings these inputs raised, in Dutch. The zone elements of the current plume are found by id
// in window.zorgbeeld.plumeZones (filled by plume.js).
import { el } from '../dom.js';
import { formatDecimal } from '../format.js';

const METHODS = { drawn: 'Getekend', sector: 'Windsector', gaussian: 'Gaussisch pluimmodel' };

const number = (n, digits = 1) => (n == null ? null : formatDecimal(Number(n), Number.isInteger(Number(n)) ? 0 : digits));

/** "350 m", "2,1 km". */
export function distance(metres) {
  if (metres == null) return 'niet bereikt';
  return metres < 999.5 ? `${Math.round(metres)} m` : `${formatDecimal(metres / 1000, 1)} km`;
}

function row(term, value) {
  return value == null || value === '' ? [] : [el('dt', {}, term), el('dd', {}, value)];
}

function inputRows(method, inputs, model) {
  const rows = [row('Methode', METHODS[method] || method)];
  if (inputs.windDirection != null) rows.push(row('Wind', `uit ${number(inputs.windDirection, 0)}°, ${number(inputs.windSpeed) ?? '?'} m/s`));
  if (method === 'sector') {
    rows.push(row('Halve hoek', `${number(inputs.halfAngle, 0)}°`));
    rows.push(row('Lengtes', `LBW ${distance(inputs.lengths?.LBW)}, AGW ${distance(inputs.lengths?.AGW)}, VRW ${distance(inputs.lengths?.VRW)}`));
  }
  if (method === 'gaussian') {
    rows.push(row('Bronsterkte', `${number(inputs.releaseRate, 2)} ${inputs.releaseRateUnit || 'g/s'}, ${number(inputs.releaseHeight ?? 0)} m hoog,`
      + ` ${number(inputs.duration / 60, 0)} min`));
    rows.push(row('Stabiliteit', model ? `klasse ${model.stabilityClass}${model.stabilityFromTable ? ' (uit tabel van Pasquill)' : ''}` : inputs.stabilityClass));
    const t = inputs.thresholds || {};
    rows.push(row('Interventiewaarden', `LBW ${number(t.LBW, 2)}, AGW ${number(t.AGW, 2)}, VRW ${number(t.VRW, 2)} mg/m³`));
    if (model) rows.push(row('Model', `${model.dispersion}; onzekerheid windrichting ±${number(model.halfAngle, 0)}°`));
  }
  return rows;
}

/** The plume part of a popup for a zone feature's properties (kind zone), or null. */
export function plumeDetails(p, { author, time, replacesLabel } = {}) {
  if (!p || !p.inputs) return null;
  return el('div', { class: 'zb-plume-popup' },
    el('p', { class: 'zb-plume-popup__reach' }, `${p.zone}: ${p.reached === false ? 'niet bereikt' : `bereik ${distance(p.reach)}`}`,
      p.threshold != null ? ` (${number(p.threshold, 2)} mg/m³)` : '', p.clipped ? ', afgekapt' : ''),
    el('dl', {}, ...inputRows(p.method, p.inputs, p.model),
      row('Gepubliceerd', author && time ? `${time} door ${author}` : null), row('Versie', replacesLabel)),
    el('details', { class: 'zb-plume-popup__limits', open: true }, el('summary', {}, 'Beperkingen'),
      el('ul', {}, (p.limits || []).map((n) => el('li', { dataset: { code: n.code } }, n.nl)))),
    (p.warnings || []).length ? el('div', { class: 'zb-plume-popup__warnings' }, el('strong', {}, 'Waarschuwingen'),
      el('ul', {}, p.warnings.map((n) => el('li', { dataset: { code: n.code } }, n.nl)))) : null);
}

/** For an element popup: the plume details when the element is a zone of the current plume. */
export function plumeDetailsForElement(feature) {
  const entry = window.zorgbeeld?.plumeZones?.get(String(feature.id));
  return entry ? plumeDetails(entry.properties, entry.plume) : null;
}

// The plume of the current incident for the GAGS (story 2 in ux.md): the "Pluim" button opens a form
// (method getekend / windsector / model, source clicked on the map, substance with its intervention
// values, release, weather); every change shows a preview on the map (computed by the server, not
// stored); "Publiceren" replaces the current plume for everyone. The published zones are effect-zone
// elements, drawn by the element layers; this module adds the current plume's dashed confidence
// lines and source, the plume details in the zones' popups, and the forecast with its hour slider.
// Publishes window.zorgbeeld.plume (the current plume's record), .plumeZones (element id ->
// zone) and .plumePreview / .plumeForecast for the browser tests and the console.
import { el } from '../dom.js';
import { formatDecimal } from '../format.js';
import { mayWritePlume } from '../rights.js';
import { send } from '../send.js';
import { showToast } from '../toast.js';
import { distance, plumeDetails } from './plume-popup.js';
import { confidenceStyle, sketchStyle, ZONE_NAMES } from './plume-style.js';

const LEVELS = ['LBW', 'AGW', 'VRW'];
const FIELD_LABELS = {
  method: 'de methode', source: 'de bron', substance: 'de stof', releaseRate: 'de bronsterkte', releaseRateUnit: 'de eenheid',
  releaseHeight: 'de hoogte', duration: 'de duur', windSpeed: 'de windsnelheid', windDirection: 'de windrichting',
  stabilityClass: 'de stabiliteitsklasse', cloudCover: 'de bewolking', halfAngle: 'de halve hoek', daytime: 'dag of nacht',
};
const FIELD_INPUTS = {
  source: 'plume-lon', substance: 'plume-substance', releaseRate: 'plume-rate', releaseRateUnit: 'plume-rate-unit',
  releaseHeight: 'plume-height', duration: 'plume-duration', windSpeed: 'plume-wind-speed', windDirection: 'plume-wind-direction',
  stabilityClass: 'plume-stability', cloudCover: 'plume-cloud', halfAngle: 'plume-half-angle', daytime: 'plume-daytime',
  'thresholds.LBW': 'plume-threshold-LBW', 'thresholds.AGW': 'plume-threshold-AGW', 'thresholds.VRW': 'plume-threshold-VRW',
  'lengths.LBW': 'plume-length-LBW', 'lengths.AGW': 'plume-length-AGW', 'lengths.VRW': 'plume-length-VRW',
  zones: 'plume-draw-LBW', 'zones.LBW': 'plume-draw-LBW', 'zones.AGW': 'plume-draw-AGW', 'zones.VRW': 'plume-draw-VRW',
};

let selection = { incident: null, at: null };
let follow = null;
document.addEventListener('zorgbeeld:incident', (e) => {
  selection = { incident: e.detail.incident, at: e.detail.at };
  follow?.();
});

function field(label, input, hint) {
  return el('div', { class: 'zb-field' }, el('label', { for: input.id }, label), input,
    hint && el('span', { class: 'zb-field__hint' }, hint), el('span', { class: 'zb-field__error', id: `${input.id}-error`, role: 'alert' }));
}

const numberInput = (id, value, attrs = {}) => el('input', { id, name: id, type: 'text', inputmode: 'decimal', value: value ?? '', ...attrs });

/** A number as typed (decimal comma allowed); the text itself when it is not a number, so the server can say so. */
function read(id) {
  const text = document.getElementById(id)?.value.trim() ?? '';
  if (text === '') return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : text;
}

export function setUpPlume(map, state) {
  const wrap = map.getContainer().parentElement;
  const incidentId = () => selection.incident?.id ?? null;
  // The form only for who may write plumes (rights.js: the GAGS of the incident's region); everyone sees the plume.
  const writable = () => incidentId() != null && !selection.at && selection.incident?.status !== 'gesloten'
    && mayWritePlume(selection.incident);
  let substances = [];
  let drawn = {};
  let previewRequest = 0;
  let previewTimer = null;

  const currentLayer = L.layerGroup().addTo(map);
  const previewLayer = L.layerGroup().addTo(map);
  const forecastLayer = L.layerGroup().addTo(map);
  state.plumeZones = new Map();

  // --- the button ------------------------------------------------------------------------------
  const button = el('button', { type: 'button', class: 'zb-button zb-plume-button', id: 'plume-button', 'aria-expanded': 'false' }, 'Pluim');
  const PlumeControl = L.Control.extend({
    options: { position: 'topleft' },
    onAdd() {
      const box = el('div', { class: 'zb-plume-control', id: 'plume-control', hidden: true }, button);
      L.DomEvent.disableClickPropagation(box);
      return box;
    },
  });
  const buttonControl = new PlumeControl().addTo(map);
  button.addEventListener('click', () => (form.isConnected ? close() : open()));

  // --- the form --------------------------------------------------------------------------------
  const methodRadios = [['gaussian', 'Model (Gauss)'], ['sector', 'Windsector'], ['drawn', 'Getekend']].map(([value, label]) =>
    el('label', { class: 'zb-plume__method' }, el('input', { type: 'radio', name: 'plume-method', value, id: `plume-method-${value}`, checked: value === 'gaussian' }), label));
  const substanceChoice = el('select', { id: 'plume-substance-choice' }, el('option', { value: '' }, '— andere stof —'));
  const stability = el('select', { id: 'plume-stability', name: 'plume-stability' },
    el('option', { value: 'sky' }, 'Uit dag/nacht en bewolking'),
    ['A', 'B', 'C', 'D', 'E', 'F'].map((c) => el('option', { value: c, selected: c === 'D' }, `Klasse ${c}`)));
  const daytime = el('select', { id: 'plume-daytime' }, el('option', { value: 'dag' }, 'Dag'), el('option', { value: 'nacht' }, 'Nacht'));
  const sky = el('div', { class: 'zb-plume__row', id: 'plume-sky', hidden: true },
    field('Dag of nacht', daytime), field('Bewolking (achtsten)', numberInput('plume-cloud', 4)));
  const drawButtons = LEVELS.map((level) => el('button', { type: 'button', class: 'zb-button', id: `plume-draw-${level}`, dataset: { level } },
    `Teken ${level}`));
  const notices = el('div', { class: 'zb-plume__notices', id: 'plume-notices' });
  const status = el('p', { class: 'zb-plume__status', id: 'plume-preview-status', role: 'status' }, 'Vul bron en weer in voor een voorbeeld.');
  const message = el('p', { class: 'zb-form__message', id: 'plume-error', role: 'alert', hidden: true });
  const publish = el('button', { type: 'submit', class: 'zb-button zb-button--primary', id: 'plume-publish' }, 'Publiceren');
  const forecastCsv = el('textarea', { id: 'plume-forecast-csv', rows: '5', spellcheck: 'false' });
  const forecastButton = el('button', { type: 'button', class: 'zb-button', id: 'plume-forecast-run' }, 'Prognose berekenen');

  const form = el('form', { class: 'zb-plume', id: 'plume-form', 'aria-label': 'Pluim gevaarlijke stof', novalidate: true },
    el('h2', {}, 'Pluim gevaarlijke stof'),
    el('fieldset', { class: 'zb-plume__methods' }, el('legend', {}, 'Methode'), methodRadios),
    el('fieldset', {}, el('legend', {}, 'Bron'),
      el('div', { class: 'zb-plume__row' }, field('Lengtegraad', numberInput('plume-lon')), field('Breedtegraad', numberInput('plume-lat'))),
      el('button', { type: 'button', class: 'zb-button', id: 'plume-pick' }, 'Bron aanwijzen op de kaart')),
    el('fieldset', { dataset: { for: 'gaussian sector drawn' } }, el('legend', {}, 'Stof'),
      field('Bekende stof', substanceChoice), field('Naam van de stof', el('input', { id: 'plume-substance', type: 'text', maxlength: '200' })),
      el('div', { class: 'zb-plume__row', dataset: { for: 'gaussian' } },
        LEVELS.map((l) => field(`${l} (mg/m³)`, numberInput(`plume-threshold-${l}`)))),
      el('p', { class: 'zb-field__hint', id: 'plume-values-hint', dataset: { for: 'gaussian' } })),
    el('fieldset', { dataset: { for: 'gaussian' } }, el('legend', {}, 'Vrijzetting'),
      el('div', { class: 'zb-plume__row' }, field('Bronsterkte', numberInput('plume-rate')),
        field('Eenheid', el('select', { id: 'plume-rate-unit' }, el('option', { value: 'g/s' }, 'g/s'), el('option', { value: 'kg/min' }, 'kg/min')))),
      el('div', { class: 'zb-plume__row' }, field('Hoogte (m)', numberInput('plume-height', 0)), field('Duur (min)', numberInput('plume-duration', 60)))),
    el('fieldset', { dataset: { for: 'gaussian sector drawn' } }, el('legend', {}, 'Weer'),
      el('div', { class: 'zb-plume__row' }, field('Wind uit (°)', numberInput('plume-wind-direction'), '0 = noord, 90 = oost'),
        field('Windsnelheid (m/s)', numberInput('plume-wind-speed'))),
      el('div', { dataset: { for: 'gaussian' } }, field('Stabiliteit', stability), sky)),
    el('fieldset', { dataset: { for: 'gaussian sector' } }, el('legend', {}, 'Onzekerheid'),
      field('Halve hoek (°)', numberInput('plume-half-angle'), 'Model: leeg laten voor de standaard bij deze windsnelheid')),
    el('fieldset', { dataset: { for: 'sector' } }, el('legend', {}, 'Lengte per zone (m)'),
      el('div', { class: 'zb-plume__row' }, LEVELS.map((l) => field(l, numberInput(`plume-length-${l}`))))),
    el('fieldset', { dataset: { for: 'drawn' } }, el('legend', {}, 'Zones tekenen'),
      el('div', { class: 'zb-plume__row' }, drawButtons)),
    status, notices, message,
    el('div', { class: 'zb-form__buttons' }, publish,
      el('button', { type: 'button', class: 'zb-button', id: 'plume-cancel', onclick: () => close() }, 'Sluiten')),
    el('details', { class: 'zb-plume__forecast', id: 'plume-forecast' }, el('summary', {}, 'Prognose komende uren'),
      el('p', { class: 'zb-field__hint' }, 'Per uur een regel: tijd;windrichting;windsnelheid;klasse. Voor de bron van de gepubliceerde modelpluim.'),
      field('Weersverwachting (CSV)', forecastCsv), forecastButton));
  L.DomEvent.disableClickPropagation(form);
  L.DomEvent.disableScrollPropagation(form);

  const method = () => form.querySelector('input[name="plume-method"]:checked').value;
  function showMethod() {
    const m = method();
    form.querySelectorAll('[data-for]').forEach((node) => { node.hidden = !node.dataset.for.split(' ').includes(m); });
    sky.hidden = stability.value !== 'sky';
  }

  function body() {
    const m = method();
    const lon = read('plume-lon');
    const lat = read('plume-lat');
    const source = lon !== undefined && lat !== undefined ? { type: 'Point', coordinates: [lon, lat] } : undefined;
    const substance = document.getElementById('plume-substance').value.trim() || undefined;
    const wind = { windDirection: read('plume-wind-direction'), windSpeed: read('plume-wind-speed') };
    if (m === 'drawn') {
      const b = { method: m, substance, zones: drawn };
      if (source) b.source = source;
      if (wind.windDirection !== undefined || wind.windSpeed !== undefined) Object.assign(b, wind);
      return b;
    }
    if (m === 'sector') {
      return { method: m, source, substance, ...wind, halfAngle: read('plume-half-angle'),
        lengths: Object.fromEntries(LEVELS.map((l) => [l, read(`plume-length-${l}`)])) };
    }
    const minutes = read('plume-duration');
    const b = { method: m, source, substance, releaseRate: read('plume-rate'), releaseRateUnit: document.getElementById('plume-rate-unit').value,
      releaseHeight: read('plume-height'), duration: typeof minutes === 'number' ? minutes * 60 : minutes, ...wind,
      thresholds: Object.fromEntries(LEVELS.map((l) => [l, read(`plume-threshold-${l}`)])), halfAngle: read('plume-half-angle') };
    if (stability.value === 'sky') Object.assign(b, { daytime: daytime.value === 'dag', cloudCover: read('plume-cloud') });
    else b.stabilityClass = stability.value;
    return b;
  }

  /** Enough filled in to ask for a preview without a refusal for what is simply not typed yet. */
  function complete(b) {
    if (b.method === 'drawn') return Object.keys(b.zones).length > 0;
    if (!b.source || b.windDirection === undefined || b.windSpeed === undefined) return false;
    if (b.method === 'sector') return b.halfAngle !== undefined && LEVELS.every((l) => b.lengths[l] !== undefined);
    return b.releaseRate !== undefined && b.duration !== undefined && b.substance && LEVELS.every((l) => b.thresholds[l] !== undefined);
  }

  function clearErrors() {
    message.hidden = true;
    form.querySelectorAll('[aria-invalid="true"]').forEach((n) => n.removeAttribute('aria-invalid'));
    form.querySelectorAll('.zb-field__error').forEach((n) => { n.textContent = ''; });
  }

  function showError(error) {
    const where = error.where || '';
    const input = document.getElementById(FIELD_INPUTS[where]);
    const label = FIELD_LABELS[where] || (where.startsWith('thresholds.') ? `de interventiewaarde ${where.slice(11)}`
      : where.startsWith('lengths.') ? `de lengte van ${where.slice(8)}` : where.startsWith('zones') ? 'de getekende zones' : 'de invoer');
    const text = `Controleer ${label}: ${error.message}`;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const slot = document.getElementById(`${input.id}-error`);
      if (slot) slot.textContent = text;
    }
    message.textContent = text;
    message.hidden = false;
  }

  function drawSketch(layer, collection, kind) {
    layer.clearLayers();
    L.geoJSON(collection, {
      style: (f) => sketchStyle(f, kind),
      filter: (f) => f.geometry != null,
      onEachFeature: (f, l) => { if (f.properties.kind === 'zone') l.bindPopup(() => plumeDetails(f.properties) || ''); },
    }).addTo(layer);
  }

  function describe(collection) {
    const zones = collection.features.filter((f) => f.properties.kind === 'zone');
    status.textContent = `Voorbeeld: ${zones.map((f) => `${f.properties.zone} ${f.properties.reached ? distance(f.properties.reach) : 'niet bereikt'}`).join(', ')}`;
    const p = zones[0]?.properties || {};
    notices.replaceChildren(
      (p.warnings || []).length ? el('ul', { class: 'zb-plume__warnings' }, p.warnings.map((n) => el('li', { dataset: { code: n.code } }, n.nl))) : '',
      el('details', {}, el('summary', {}, 'Beperkingen van de methode'), el('ul', {}, (p.limits || []).map((n) => el('li', {}, n.nl)))));
  }

  async function preview() {
    const b = body();
    if (!complete(b) || incidentId() == null) return;
    const request = ++previewRequest;
    try {
      const collection = await send('POST', `/api/incidents/${incidentId()}/plumes?preview=true`, { body: b });
      if (request !== previewRequest || !form.isConnected) return;
      clearErrors();
      drawSketch(previewLayer, collection, 'preview');
      state.plumePreview = collection;
      describe(collection);
    } catch (error) {
      if (request !== previewRequest) return;
      previewLayer.clearLayers();
      state.plumePreview = null;
      clearErrors();
      showError(error);
      status.textContent = 'Geen voorbeeld: de invoer is nog niet in orde.';
    }
  }
  const schedulePreview = () => {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 350);
  };
  form.addEventListener('input', schedulePreview);
  form.addEventListener('change', () => { showMethod(); schedulePreview(); });

  substanceChoice.addEventListener('change', () => {
    const s = substances.find((x) => x.code === substanceChoice.value);
    if (!s) return;
    document.getElementById('plume-substance').value = s.code;
    LEVELS.forEach((l) => { document.getElementById(`plume-threshold-${l}`).value = s[l].toLocaleString('nl-NL', { maximumFractionDigits: 2, useGrouping: false }); });
    document.getElementById('plume-values-hint').textContent = s.denserThanAir
      ? `${s.name} is zwaarder dan lucht: het model onderschat dan de concentraties dicht bij de grond. Waarden indicatief; controleer bij het RIVM.`
      : 'Waarden indicatief (AEGL, 1 uur); controleer bij het RIVM. Aan te passen.';
  });

  // The source by a click on the map; zones of the drawn method with the drawing tool.
  form.querySelector('#plume-pick').addEventListener('click', () => {
    map.getContainer().classList.add('zb-picking');
    status.textContent = 'Klik op de kaart waar de stof vrijkomt.';
    // preclick: the map hears it before any layer does, also when the place lies inside a zone.
    map.once('preclick', (e) => {
      map.getContainer().classList.remove('zb-picking');
      document.getElementById('plume-lon').value = e.latlng.lng.toFixed(6);
      document.getElementById('plume-lat').value = e.latlng.lat.toFixed(6);
      preview();
    });
  });
  drawButtons.forEach((b) => b.addEventListener('click', () => {
    const level = b.dataset.level;
    map.pm.enableDraw('Polygon', { pathOptions: sketchStyle({ properties: { kind: 'zone', zone: level } }, 'draw') });
    map.once('pm:create', (e) => {
      drawn[level] = e.layer.toGeoJSON().geometry;
      map.removeLayer(e.layer);
      b.textContent = `${level} getekend`;
      preview();
    });
  }));

  function open() {
    if (!writable()) return;
    form.reset();
    drawn = {};
    drawButtons.forEach((b) => { b.textContent = `Teken ${b.dataset.level}`; });
    clearErrors();
    showMethod();
    const start = new Date();
    start.setMinutes(0, 0, 0);
    forecastCsv.value = ['time;windDirection;windSpeed;stabilityClass',
      ...[1, 2, 3].map((h) => `${new Date(start.getTime() + h * 3600e3).toISOString().replace('.000Z', '+00:00')};${document.getElementById('plume-wind-direction')?.value || 240};4;D`)].join('\n');
    wrap.append(form);
    button.setAttribute('aria-expanded', 'true');
    form.querySelector('input[name="plume-method"]:checked').focus();
  }

  function close() {
    clearTimeout(previewTimer);
    previewRequest++;
    previewLayer.clearLayers();
    state.plumePreview = null;
    map.pm.disableDraw();
    form.remove();
    button.setAttribute('aria-expanded', 'false');
  }
  form.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    publish.disabled = true;
    try {
      const collection = await send('POST', `/api/incidents/${incidentId()}/plumes`, { body: body() });
      close();
      showToast(`Pluim gepubliceerd${collection.plume.replacesLabel ? ` (${collection.plume.replacesLabel})` : ''}.`);
      show(collection);
      // Everything that follows the picture reads it again at once (the live stream follows too).
      document.dispatchEvent(new CustomEvent('zorgbeeld:changed', { detail: { incidentId: incidentId() } }));
    } catch (error) {
      clearErrors();
      showError(error);
    } finally {
      publish.disabled = false;
    }
  });

  // --- the current plume -----------------------------------------------------------------------
  function show(collection) {
    currentLayer.clearLayers();
    state.plumeZones = new Map();
    state.plume = collection?.plume || null;
    if (!collection) return;
    const meta = { author: collection.plume.author, time: collection.plume.time, replacesLabel: collection.plume.replacesLabel };
    for (const f of collection.features) {
      if (f.properties.kind === 'zone' && f.id) state.plumeZones.set(String(f.id), { properties: f.properties, plume: meta });
      if (f.properties.kind === 'confidence') L.geoJSON(f, { style: () => confidenceStyle(f.properties.zone) }).addTo(currentLayer);
    }
    if (collection.source) {
      const [lon, lat] = collection.source.coordinates;
      L.circleMarker([lat, lon], { radius: 6, color: '#1f2933', weight: 2, fillColor: '#fff', fillOpacity: 1, className: 'zb-plume-source' })
        .bindTooltip('Bron van de pluim').addTo(currentLayer);
    }
  }

  let loads = 0;
  async function reload() {
    const load = ++loads;
    const id = incidentId();
    if (id == null) {
      show(null);
      return;
    }
    const at = selection.at ? `?at=${encodeURIComponent(selection.at)}` : '';
    const list = await send('GET', `/api/incidents/${id}/plumes${at}`);
    if (load !== loads) return;
    show(list.current);
    state.plumeHistory = list.history;
  }
  const reloadOrTell = () => reload().catch((error) => showToast(`De pluim kon niet worden geladen: ${error.message}`, { tone: 'warning' }));

  substancesLoaded();
  async function substancesLoaded() {
    const vocabulary = await send('GET', '/api/vocabularies/substances');
    substances = vocabulary.substances;
    substanceChoice.append(...substances.map((s) => el('option', { value: s.code }, s.name)));
  }

  // --- the forecast and its hour slider ----------------------------------------------------------
  const slider = el('input', { type: 'range', id: 'plume-forecast-hour', min: '0', max: '0', value: '0', 'aria-label': 'Uur van de prognose' });
  const hourLabel = el('span', { class: 'zb-plume-forecast__label', id: 'plume-forecast-label' });
  const affectedList = el('ul', { class: 'zb-plume-forecast__list', id: 'plume-forecast-institutions' });
  const bar = el('div', { class: 'zb-plume-forecast', id: 'plume-forecast-bar', role: 'region', 'aria-label': 'Prognose per uur' },
    el('strong', {}, 'Prognose'), slider, hourLabel,
    el('button', { type: 'button', class: 'zb-button', id: 'plume-forecast-close', onclick: () => closeForecast() }, 'Sluiten'), affectedList);
  L.DomEvent.disableClickPropagation(bar);
  let forecast = null;

  function showHour(i) {
    const hour = forecast.hours[i];
    drawSketch(forecastLayer, hour.plume, 'forecast');
    const reached = forecast.institutions.filter((x) => x.zones[i]);
    hourLabel.textContent = `${hour.label}: wind uit ${Math.round(hour.weather.windDirection)}°, ${formatDecimal(hour.weather.windSpeed, 1)} m/s,`
      + ` klasse ${hour.weather.stabilityClass}; ${reached.length} instellingen in een zone`;
    state.plumeForecastHour = i;
  }

  function showForecast(result) {
    forecast = result;
    state.plumeForecast = result;
    slider.max = String(result.hours.length - 1);
    slider.value = '0';
    const firstHour = (iso) => result.hours.find((h) => h.time === iso)?.label || iso;
    affectedList.replaceChildren(...result.institutions.map((x) => el('li', { dataset: { institution: x.id } },
      `${x.name}: vanaf ${firstHour(x.firstAffected)} in ${x.firstZone} (${ZONE_NAMES[x.firstZone]})`,
      x.worstZone !== x.firstZone ? `, ${x.worstZone} vanaf ${firstHour(x.worstFrom)}` : '')));
    wrap.append(bar);
    showHour(0);
  }

  function closeForecast() {
    forecast = null;
    state.plumeForecast = null;
    forecastLayer.clearLayers();
    bar.remove();
  }
  slider.addEventListener('input', () => showHour(Number(slider.value)));

  forecastButton.addEventListener('click', async () => {
    clearErrors();
    try {
      showForecast(await send('POST', `/api/incidents/${incidentId()}/plumes/forecast`,
        { text: forecastCsv.value, contentType: 'text/csv; charset=utf-8' }));
    } catch (error) {
      showError(error);
    }
  });
  state.showPlumeForecast = showForecast;

  let shown;
  follow = () => {
    const box = buttonControl.getContainer();
    box.hidden = !writable();
    if (!writable() && form.isConnected) close();
    // The same incident announced again (its state changed) keeps the forecast on screen.
    const now = `${incidentId()}@${selection.at}`;
    if (now !== shown) closeForecast();
    shown = now;
    reloadOrTell();
  };
  follow();
  document.addEventListener('zorgbeeld:changed', () => { if (!selection.at) reloadOrTell(); });
  document.addEventListener('zorgbeeld:live', (e) => {
    const change = e.detail;
    if (change.type === 'nl.zorgbeeld.plume.created' && change.incidentid === incidentId() && !selection.at) reloadOrTell();
  });
}

// The Veiligheidsbeeld page (/veiligheidsbeeld.html): the safety region's threat level per theme
// (GET /api/regions/{code}/risk), with the weeks ahead and each tile's history, the region on a map
// coloured by the highest current level (the region outlines of the reference layer; no online
// tiles), a form for the region's Hoofd Informatie (POST), and a print view (?afdruk=1: no forms,
// an Afdrukken button; printing any view leaves the controls out). ?regio=CODE shows another region (for the beheerder). body[data-ready] says it is drawn.
import { openDialog } from './dialog.js';
import { el } from './dom.js';
import { formatDateTime } from './format.js';
import { showIdentity } from './identity.js';
import { loadMe } from './me.js';
import { mayKeepRisk } from './rights.js';
import { send } from './send.js';
import { dutchMessage } from './incident/errors.js';
import { fromLocalInput, toLocalInput } from './incident/time.js';

const LEVELS = {
  geen: { text: 'Geen dreiging', colour: '#2e7d32' },
  licht: { text: 'Lichte dreiging', colour: '#e0b000' },
  verhoogd: { text: 'Verhoogde dreiging', colour: '#ef6c00' },
  crisis: { text: 'Crisis', colour: '#c62828' },
  grootschalig: { text: 'Grootschalige crisis', colour: '#6a1b9a' },
};
const root = document.getElementById('risk');
const params = new URLSearchParams(window.location.search);
const print = params.has('afdruk');
let region;
let map;
let outline;
let regionFeature;

const levelText = (level) => (level ? LEVELS[level]?.text ?? level : 'Niet beoordeeld');
const when = (iso) => formatDateTime(new Date(iso));

function tile(t) {
  const c = t.current;
  const item = el('li', { class: `zb-tile zb-level--${c ? c.level : 'none'}`, dataset: { theme: t.theme, level: c ? c.level : '' } },
    el('h3', {}, t.label),
    el('p', { class: 'zb-tile__level' }, levelText(c?.level)),
    c ? el('p', { class: 'zb-tile__explanation' }, c.explanation) : el('p', { class: 'zb-empty' }, 'Nog geen beoordeling.'),
    c ? el('p', {}, `Bron: ${c.source}`) : null,
    c ? el('p', {}, `Geldig tot ${when(c.validUntil)}`) : null,
    t.ahead.length ? el('ul', { class: 'zb-tile__ahead', 'aria-label': 'Komende weken' },
      t.ahead.map((a) => el('li', {}, `Vanaf ${when(a.validFrom)}: ${levelText(a.level)}`))) : null);
  if (!print) {
    item.append(el('button', { type: 'button', class: 'zb-link-button', 'aria-label': `Geschiedenis van ${t.label}`,
      onclick: () => history(t) }, 'Geschiedenis'));
  }
  return item;
}

async function history(t) {
  const { assessments } = await send('GET', `/api/regions/${region}/risk/history?theme=${encodeURIComponent(t.theme)}`);
  openDialog({ id: 'zb-risk-history', title: `Geschiedenis: ${t.label}` },
    assessments.length ? el('ol', {}, assessments.map((a) => el('li', {},
      `${when(a.recordedAt)}: ${levelText(a.level)} (${when(a.validFrom)} – ${when(a.validUntil)}), ${a.explanation} · Bron: ${a.source}`
      + ` · ${a.recordedBy.author}`))) : el('p', {}, 'Nog geen beoordelingen.'));
}

function assessForm(dashboard) {
  const error = el('p', { class: 'zb-form__error', role: 'alert', hidden: true });
  const id = (name) => `zb-risk-${name}`;
  const field = (label, input) => el('div', { class: 'zb-field' }, el('label', { for: input.id }, label), input);
  const themes = dashboard.tiles.map((t) => el('option', { value: t.theme }, t.label));
  const inWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const form = el('form', { class: 'zb-form zb-risk__form', 'aria-label': 'Dreiging beoordelen' },
    el('h2', {}, 'Dreiging beoordelen'),
    field('Thema', el('select', { id: id('theme'), name: 'theme' }, themes, el('option', { value: '' }, 'Eigen thema…'))),
    field('Eigen thema', el('input', { id: id('own'), name: 'own', maxlength: 100 })),
    field('Dreigingsniveau', el('select', { id: id('level'), name: 'level' },
      Object.entries(LEVELS).map(([code, l]) => el('option', { value: code }, l.text)))),
    field('Toelichting', el('textarea', { id: id('explanation'), name: 'explanation', maxlength: 2000, rows: 3 })),
    field('Bron', el('input', { id: id('source'), name: 'source', maxlength: 300 })),
    field('Geldig vanaf', el('input', { id: id('from'), name: 'validFrom', type: 'datetime-local', value: toLocalInput(new Date()) })),
    field('Geldig tot', el('input', { id: id('until'), name: 'validUntil', type: 'datetime-local', value: toLocalInput(inWeek) })),
    error,
    el('div', { class: 'zb-form__buttons' }, el('button', { type: 'submit', class: 'zb-button zb-button--primary' }, 'Beoordeling opslaan')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    const v = Object.fromEntries(new FormData(form).entries());
    try {
      await send('POST', `/api/regions/${region}/risk`, { body: {
        theme: v.theme || v.own, level: v.level, explanation: v.explanation, source: v.source,
        validFrom: v.validFrom ? fromLocalInput(v.validFrom) : undefined, validUntil: v.validUntil ? fromLocalInput(v.validUntil) : undefined,
      } });
      await show();
    } catch (failure) {
      error.textContent = dutchMessage(failure);
      error.hidden = false;
    }
  });
  return form;
}

function drawMap(container, highest) {
  if (!window.L) return;
  map = L.map(container, { zoomControl: true, attributionControl: false });
  if (!regionFeature) {
    map.setView([52.1, 5.3], 7);
    return;
  }
  outline = L.geoJSON(regionFeature, { style: { color: '#333', weight: 2, fillColor: LEVELS[highest]?.colour ?? '#9e9e9e', fillOpacity: 0.55 } })
    .addTo(map);
  map.fitBounds(outline.getBounds());
}

async function show() {
  const dashboard = await send('GET', `/api/regions/${region}/risk`);
  const highest = dashboard.highestLevel;
  const mapBox = el('div', { class: 'zb-risk__map', id: 'zb-risk-map', role: 'img',
    'aria-label': `Kaart van de regio, gekleurd naar het hoogste niveau: ${levelText(highest)}` });
  root.replaceChildren(
    el('div', { class: 'zb-risk__head' },
      el('h1', {}, `Veiligheidsbeeld ${dashboard.regionName ?? ''} (${dashboard.regionCode})`.replace('  ', ' ')),
      el('p', { class: 'zb-risk__highest', id: 'zb-risk-highest', dataset: { level: highest ?? '' } }, `Hoogste niveau nu: ${levelText(highest)}`),
      el('p', {}, `Stand van ${when(dashboard.evaluatedAt)}`),
      el('p', { class: 'zb-risk__actions' }, print
        ? el('button', { type: 'button', class: 'zb-button', onclick: () => window.print() }, 'Afdrukken')
        : el('a', { class: 'zb-button', href: `/veiligheidsbeeld.html?regio=${encodeURIComponent(region)}&afdruk=1` }, 'Afdrukversie'))),
    el('div', { class: 'zb-risk__layout' },
      el('ul', { class: 'zb-risk__tiles', 'aria-label': 'Thema\'s' }, dashboard.tiles.map(tile)),
      mapBox),
    print || !mayKeepRisk(region) ? null : assessForm(dashboard));
  if (map) map.remove();
  drawMap(mapBox, highest);
  document.body.dataset.ready = 'true';
}

async function start() {
  const user = await loadMe();
  showIdentity(document.getElementById('identity-button'));
  region = (params.get('regio') || user.organisation.regionCode).toUpperCase();
  if (print) document.body.classList.add('zb-print');
  try {
    const regions = await send('GET', '/api/layers/safety-regions');
    regionFeature = regions.features.find((f) => String(f.properties.code).toUpperCase() === region) ?? null;
    await show();
  } catch (failure) {
    root.replaceChildren(el('p', { class: 'zb-form__error', role: 'alert' }, dutchMessage(failure)));
    document.body.dataset.ready = 'true';
  }
}

start();

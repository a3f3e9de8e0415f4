// External warnings: CAP alerts other systems sent (POST /api/cap) that stand for the incident shown,
// drawn on the map (dashed magenta outlines, a switch in the layer control's Incident group) and listed
// at the top of the Beeld tab. Follows the incident UI's `zorgbeeld:incident` event and reads them
// again when the live stream says one was received.
// Publishes window.zorgbeeld.externalWarnings (the count shown) for the browser tests.
import { el } from '../dom.js';
import { formatDateTime } from '../format.js';
import { PANES } from '../panes.js';
import { fetchExternalWarnings } from './alerts-api.js';

const STYLE = { color: '#b0008e', weight: 2, dashArray: '8 6', fillOpacity: 0.08 };

let selection = null;
let follow = null;
document.addEventListener('zorgbeeld:incident', (e) => {
  selection = e.detail.incident;
  follow?.();
});

export function setUpExternalWarnings(map, control, state) {
  const layer = L.geoJSON(null, {
    pane: PANES.incident,
    style: () => STYLE,
    onEachFeature: (feature, shape) => shape.bindTooltip(`Externe waarschuwing: ${feature.properties.headline ?? feature.properties.event ?? ''}`),
  }).addTo(map);
  control.addLayer('incident', { id: 'external-warnings', label: 'Externe waarschuwingen (CAP)', layer });
  const box = el('section', { class: 'zb-external', id: 'zb-external-warnings', 'aria-label': 'Externe waarschuwingen', hidden: true });
  const tab = document.getElementById('tabpanel-beeld');
  tab.querySelector('h2').after(box);
  state.externalWarnings = 0;

  let loads = 0;
  async function load() {
    const load = ++loads;
    const id = selection?.id ?? null;
    const collection = id == null ? { features: [] } : await fetchExternalWarnings(id).catch(() => ({ features: [] }));
    if (load !== loads) return;
    layer.clearLayers();
    layer.addData(collection.features.filter((f) => f.geometry));
    state.externalWarnings = collection.features.length;
    box.hidden = collection.features.length === 0;
    box.replaceChildren(el('h3', {}, 'Externe waarschuwingen'), el('ul', { class: 'zb-external__list' }, collection.features.map((f) => {
      const p = f.properties;
      return el('li', { class: 'zb-external__item', dataset: { identifier: p.identifier } },
        el('strong', {}, p.headline ?? p.event ?? p.identifier),
        el('span', { class: 'zb-external__meta' }, ` · ${p.sender}, ${formatDateTime(new Date(p.sent))}${p.severity ? ` · ${p.severity}` : ''}`
          + `${p.msgType === 'Update' ? ' · bijgewerkt' : ''}`),
        p.description ? el('p', {}, p.description) : null,
        p.areaDesc ? el('p', { class: 'zb-external__area' }, `Gebied: ${p.areaDesc}`) : null);
    })));
  }
  follow = load;
  document.addEventListener('zorgbeeld:live', (e) => {
    if (e.detail.type === 'nl.zorgbeeld.external-warning.received' && e.detail.incidentid === selection?.id) load();
  });
  load();
}

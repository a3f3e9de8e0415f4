// The geographic picture of the current incident: loads its elements for the moment chosen in the
// time selector, shows them with legend and layer switches, and offers drawing, editing and
// deleting while the live picture of an open incident is shown. It follows the incident UI's
// `zorgbeeld:incident` event ({incident, at}) and refreshes itself while showing "nu".
// Publishes window.zorgbeeld.elements (the features shown) and .elementsMoment ('nu' or the ISO
// time they are for) for the browser tests and the console.
import { changeIdentity, onIdentityChange } from '../identity.js';
import { ensureIdentity } from '../incident/identity.js';
import { currentIdentity, IdentityCancelled } from '../incident/who.js';
import { PANES } from '../panes.js';
import { showToast } from '../toast.js';
import { DrawToolbar } from './draw-toolbar.js';
import { Drawing } from './drawing.js';
import { Editing } from './editing.js';
import { ElementLayers } from './element-layers.js';
import { ElementLegend } from './element-legend.js';
import { elementPopup } from './element-popup.js';
import { listElements } from './elements-api.js';
import { describeKind } from './kinds.js';

const REFRESH_MS = 20_000;

// Listening from the start: the incident UI may announce its incident before the map is built.
let selection = { incident: null, at: null };
let follow = null;
document.addEventListener('zorgbeeld:incident', (e) => {
  selection = { incident: e.detail.incident, at: e.detail.at };
  follow?.();
});

/**
 * @param map     the Leaflet map, made with pmIgnore: false while L.PM.optIn is on
 * @param control the LayerControl (its 'incident' group gets a switch per kind)
 * @param state   window.zorgbeeld
 */
export function setUpIncidentMap(map, control, state) {
  const wrap = map.getContainer().parentElement;
  map.pm.setLang('nl');
  map.pm.setGlobalOptions({ panes: { layerPane: PANES.drawing, vertexPane: 'markerPane', markerPane: 'markerPane' } });

  const incidentId = () => selection.incident?.id ?? null;
  const blockReason = () => {
    if (selection.incident?.origin?.readOnly) return 'Dit incident is een archief uit een momentopname: het beeld kan alleen worden bekeken.';
    if (selection.incident?.status === 'gesloten') return 'Dit incident is gesloten: het beeld kan alleen worden bekeken.';
    if (selection.at) return 'U bekijkt een eerder moment. Tekenen kan alleen in het beeld van nu.';
    return null;
  };

  let loads = 0;
  // Opening an incident brings its area into view once; later reloads leave the user's view alone.
  let framed = null;
  async function reload() {
    const load = ++loads;
    const { at } = selection;
    const collection = incidentId() == null ? { features: [] } : await listElements(incidentId(), at);
    // A later request (another moment, another incident) has taken over.
    if (load !== loads) return;
    if (busy()) return;
    layers.show(collection);
    legend.update(layers.features);
    state.elements = layers.features;
    state.elementsMoment = at || 'nu';
    if (framed !== incidentId()) {
      framed = incidentId();
      const bounds = layers.bounds();
      if (bounds) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 14 });
    }
  }
  const reloadOrTell = () => reload().catch((error) => {
    showToast(`De kaartelementen van het incident konden niet worden geladen: ${error.message}`, { tone: 'warning', seconds: 20 });
  });

  const layers = new ElementLayers(map, (feature, layer) => elementPopup(feature, !blockReason() && !busy() ? {
    onEdit: () => editing.edit(layer),
    onDelete: () => editing.remove(layer),
  } : null));
  const legend = new ElementLegend().addTo(map);

  const narrow = window.matchMedia('(max-width: 900px)').matches;
  const toolbar = new DrawToolbar({
    onDraw: async (kind) => {
      try {
        await ensureIdentity();
      } catch (error) {
        if (error instanceof IdentityCancelled) return;
        throw error;
      }
      toolbar.setIdentity(currentIdentity());
      editing.cancel();
      drawing.start(kind);
    },
    onIdentity: () => changeIdentity(),
  }, { expanded: !narrow, collapseOnDraw: narrow }).addTo(map);
  toolbar.setIdentity(currentIdentity());
  onIdentityChange((identity) => toolbar.setIdentity(identity));

  // While drawing or editing, map clicks are the drawing's and the institution markers let them through.
  const busyChanged = () => map.getContainer().classList.toggle('zb-drawing', busy());
  const drawing = new Drawing(map, {
    formContainer: wrap,
    incidentId,
    onStateChange: (code) => {
      toolbar.setActive(code);
      busyChanged();
    },
    onSaved: async (kind, feature) => {
      showToast(`${describeKind(feature.properties)} opgeslagen.`);
      await reloadOrTell();
    },
  });
  const editing = new Editing(map, { formContainer: wrap, layers, incidentId, onStateChange: busyChanged, reload: reloadOrTell });
  const busy = () => drawing.active || editing.active;
  layers.setQuiet(busy);

  let shownIncident = null;
  follow = () => {
    // Another incident or moment: work in progress belongs to the picture that was shown.
    if (busy() && (incidentId() !== shownIncident || selection.at)) {
      drawing.cancel();
      editing.cancel();
      showToast('Tekenen afgebroken: er wordt een ander incident of moment getoond.', { tone: 'warning' });
    }
    if (incidentId() != null && shownIncident == null) layers.addToLayerControl(control);
    shownIncident = incidentId() ?? shownIncident;
    toolbar.setVisible(incidentId() != null);
    toolbar.setBlocked(blockReason());
    map.closePopup();
    reloadOrTell();
  };
  follow();
  const refresh = () => {
    if (incidentId() != null && !selection.at && !busy()) reloadOrTell();
  };
  // Someone changed the map: follow at once (live.js); the timer covers a lost connection.
  document.addEventListener('zorgbeeld:changed', refresh);
  setInterval(() => {
    if (document.visibilityState === 'visible') refresh();
  }, REFRESH_MS);
}

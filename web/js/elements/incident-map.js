// The geographic picture of the current incident: loads its elements for the moment chosen in the
// time selector, shows them with legend and layer switches, and offers drawing, editing and
// deleting while the live picture of an open incident is shown. It follows the incident UI's
// `zorgbeeld:incident` event ({incident, at}); while showing "nu", elements drawn, changed or
// ended by others arrive from the live stream (`zorgbeeld:live`) and are put in place.
// Publishes window.zorgbeeld.elements (the features shown) and .elementsMoment ('nu' or the ISO
// time they are for) for the browser tests and the console, and announces each new set as a
// `zorgbeeld:elements` event on the document.
import { PANES } from '../panes.js';
import { loaded, loading } from '../ready.js';
import { drawableKinds, mayChangeElement } from '../rights.js';
import { showToast } from '../toast.js';
import { DrawToolbar } from './draw-toolbar.js';
import { Drawing } from './drawing.js';
import { Editing } from './editing.js';
import { ElementLayers } from './element-layers.js';
import { ElementLegend } from './element-legend.js';
import { elementPopup } from './element-popup.js';
import { listElements } from './elements-api.js';
import { describeKind } from './kinds.js';

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
    const id = incidentId();
    const collection = id == null ? { features: [] } : await listElements(id, at);
    // A later request (another moment, another incident) has taken over.
    if (load !== loads) return;
    if (busy()) return;
    layers.show(collection);
    legend.update(layers.features);
    state.elements = layers.features;
    state.elementsMoment = at || 'nu';
    if (framed !== id) {
      framed = id;
      const bounds = layers.bounds();
      // At once, not animated: what the page shows once it says it is settled must stay put.
      if (bounds) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 14, animate: false });
    }
    loaded('elements', id);
    document.dispatchEvent(new CustomEvent('zorgbeeld:elements', { detail: { incidentId: id, features: layers.features } }));
  }
  const reloadOrTell = () => reload().catch((error) => {
    showToast(`De kaartelementen van het incident konden niet worden geladen: ${error.message}`, { tone: 'warning', seconds: 20 });
    loaded('elements', incidentId());
  });

  const layers = new ElementLayers(map, (feature, layer) => elementPopup(feature, !blockReason() && !busy() && mayChangeElement(feature) ? {
    onEdit: () => editing.edit(layer),
    onDelete: () => editing.remove(layer),
  } : null));
  const legend = new ElementLegend().addTo(map);

  const narrow = window.matchMedia('(max-width: 900px)').matches;
  // Only the kinds the user's role may draw (a GAGS: effect zones and measurements; a lezer or an
  // information coordinator: none, so no toolbar).
  const toolbar = new DrawToolbar({
    onDraw: (kind) => {
      editing.cancel();
      drawing.start(kind);
    },
  }, { expanded: !narrow, collapseOnDraw: narrow, kinds: drawableKinds() }).addTo(map);

  // While drawing or editing, map clicks are the drawing's and the institution markers let them through.
  let catchUp = () => {};
  const busyChanged = () => {
    map.getContainer().classList.toggle('zb-drawing', busy());
    catchUp();
  };
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

  let inControl = false;
  // The incident and moment shown: undefined until the first follow.
  let shown;
  follow = () => {
    const changed = !shown || shown.incident !== incidentId() || shown.at !== selection.at;
    // Another incident or moment: work in progress belongs to the picture that was shown.
    if (busy() && changed) {
      drawing.cancel();
      editing.cancel();
      showToast('Tekenen afgebroken: er wordt een ander incident of moment getoond.', { tone: 'warning' });
    }
    if (incidentId() != null && !inControl) {
      layers.addToLayerControl(control);
      inControl = true;
    }
    toolbar.setVisible(incidentId() != null);
    toolbar.setBlocked(blockReason());
    if (changed) {
      // An element's popup may offer changes to a picture no longer shown; an institution's popup
      // has nothing to do with the incident and stays open.
      layers.closePopup();
      loading('elements');
    }
    shown = { incident: incidentId(), at: selection.at };
    reloadOrTell();
  };
  follow();
  const refresh = () => {
    if (incidentId() != null && !selection.at && !busy()) reloadOrTell();
  };
  // The server could not replay what this screen missed: read the elements again.
  document.addEventListener('zorgbeeld:changed', refresh);
  // While drawing or editing the layers stay as they are; once that ends they are read again.
  let missed = false;
  document.addEventListener('zorgbeeld:live', (e) => {
    const change = e.detail;
    if (!change.type.startsWith('nl.zorgbeeld.element.') || change.incidentid !== incidentId() || selection.at || !change.data) return;
    if (busy()) {
      missed = true;
      return;
    }
    if (layers.apply(change.data, change.type === 'nl.zorgbeeld.element.deleted')) {
      legend.update(layers.features);
      state.elements = layers.features;
    }
  });
  catchUp = () => {
    if (missed && !busy()) {
      missed = false;
      refresh();
    }
  };
}

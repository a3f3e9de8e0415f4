// Changing and removing a picture element. An edit moves vertices (or the point) with
// Leaflet-Geoman and changes the properties in the form; both are saved as a new version on top of
// the version that was edited. When someone else was first (412), nothing is overwritten: the user
// is told, and the map shows the newer version.
import { showToast } from '../toast.js';
import { endElement, replaceElement } from './elements-api.js';
import { openElementForm, panClearOf } from './element-form.js';
import { describeKind, kindOf, nameInSentence } from './kinds.js';
import { explain } from './problems.js';

const capitalised = (text) => text[0].toUpperCase() + text.slice(1);

function changedByOther(problem, what) {
  const current = problem.current?.properties;
  if (problem.status === 412) {
    const who = current ? ` (${current.author}, ${current.organisation})` : '';
    return `Iemand anders${who} heeft ${what} intussen gewijzigd. U ziet nu de nieuwste versie; breng uw wijziging zo nodig opnieuw aan.`;
  }
  return problem.status === 404 ? `${capitalised(what)} is intussen door iemand anders verwijderd.` : null;
}

export class Editing {
  /**
   * @param options {formContainer, layers (ElementLayers), incidentId(), onStateChange(editing), reload()}
   */
  constructor(map, options) {
    this._map = map;
    this._options = options;
    this._layer = null;
    this._form = null;
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this._layer) this.cancel();
    });
  }

  get active() {
    return this._layer !== null;
  }

  edit(layer) {
    this.cancel();
    this._map.closePopup();
    const { properties } = layer.feature;
    this._layer = layer;
    layer.pm.enable({ allowSelfIntersection: true });
    this._form = openElementForm({
      container: this._options.formContainer,
      kind: kindOf(properties.kind),
      title: `${describeKind(properties)} wijzigen`,
      properties,
      geometry: layer.feature.geometry,
      onSave: (values, repair) => this._save(layer, values, repair),
      onCancel: () => this.cancel(),
    });
    panClearOf(this._map, this._form.element, layer.getBounds ? layer.getBounds().getCenter() : layer.getLatLng());
    layer.on('pm:edit', () => this._form?.setGeometry(layer.toGeoJSON().geometry));
    this._options.onStateChange(true);
  }

  /** Stops editing; unsaved changes to the shape are undone by drawing the elements again. */
  cancel() {
    if (!this._layer) return;
    this._form?.close();
    this._finish();
    this._options.layers.show({ features: this._options.layers.features });
  }

  async remove(layer) {
    const { properties } = layer.feature;
    const what = nameInSentence(properties);
    this._map.closePopup();
    const confirmed = window.confirm(`${capitalised(what)} verwijderen?\n\nHet verdwijnt van de kaart van nu, maar blijft in de`
      + ' geschiedenis: met de tijdkiezer ziet u het terug.');
    if (!confirmed) return;
    try {
      await endElement(this._options.incidentId(), layer.feature);
      showToast(`${describeKind(properties)} verwijderd.`);
    } catch (problem) {
      showToast(changedByOther(problem, what)
        || `Verwijderen lukte niet. ${explain(problem).message}`, { tone: 'warning', seconds: 12 });
    }
    await this._options.reload();
  }

  async _save(layer, values, repair) {
    const { properties } = layer.feature;
    const feature = { type: 'Feature', geometry: layer.toGeoJSON().geometry, properties: { kind: properties.kind, ...values } };
    try {
      await replaceElement(this._options.incidentId(), layer.feature, feature, repair);
      showToast(`${describeKind(properties)} gewijzigd.`);
    } catch (problem) {
      const message = changedByOther(problem, nameInSentence(properties));
      if (!message) throw problem;
      showToast(message, { tone: 'warning', seconds: 15 });
    }
    this._finish();
    await this._options.reload();
  }

  _finish() {
    this._layer.pm.disable();
    this._layer = null;
    this._form = null;
    this._options.onStateChange(false);
  }
}

// Shows the cursor position in WGS84 and in RD New (EPSG:28992), the two systems the field uses.
import { el } from './dom.js';
import { formatCount, formatDecimal } from './format.js';
import { toRd } from './rd.js';

const HINT = 'Beweeg over de kaart voor coördinaten';

function wgs84(latlng) {
  const lat = `${formatDecimal(Math.abs(latlng.lat), 5)}° ${latlng.lat >= 0 ? 'NB' : 'ZB'}`;
  const lon = `${formatDecimal(Math.abs(latlng.lng), 5)}° ${latlng.lng >= 0 ? 'OL' : 'WL'}`;
  return `${lat}, ${lon}`;
}

function rd(latlng) {
  const p = toRd(latlng.lat, latlng.lng);
  return p ? `x ${formatCount(p.x)}, y ${formatCount(p.y)}` : 'buiten Nederland';
}

export const CoordinatesControl = L.Control.extend({
  options: { position: 'bottomleft' },

  onAdd(map) {
    this._wgs = el('span', { id: 'coords-wgs84' }, HINT);
    this._rd = el('span', { id: 'coords-rd' });
    const box = el('div', { class: 'zb-coords', id: 'coordinates' },
      el('div', {}, el('abbr', { title: 'World Geodetic System 1984 (breedte, lengte)' }, 'WGS84'), ' ', this._wgs),
      el('div', {}, el('abbr', { title: 'Rijksdriehoeksmeting, RD New (EPSG:28992), meters' }, 'RD'), ' ', this._rd));
    map.on('mousemove', (e) => this._show(e.latlng));
    map.on('mouseout', () => this._show(null));
    return box;
  },

  _show(latlng) {
    this._wgs.textContent = latlng ? wgs84(latlng) : HINT;
    this._rd.textContent = latlng ? rd(latlng) : '';
  },
});

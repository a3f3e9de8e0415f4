// "Mijn blootstelling": an institution (or its organisation, all its locations) looks at its own
// exposure: for each location the zone, or the distance and direction to the nearest hazard in
// words, its status, and what changed for it since it last looked (remembered in this browser).
import { el } from '../dom.js';
import { formatDateTime } from '../format.js';
import { dutchMessage } from '../incident/errors.js';
import { fetchExposure, searchSubjects } from './analysis-api.js';
import { zoneBadge } from './zones.js';

const SUBJECT_KEY = 'zorgbeeld.exposure.subject';
const SEEN_KEY = 'zorgbeeld.exposure.seen';

const readJson = (key, fallback) => {
  try {
    return JSON.parse(localStorage.getItem(key)) ?? fallback;
  } catch {
    return fallback;
  }
};

export class ExposureView {
  constructor({ analysisMap }) {
    this.analysisMap = analysisMap;
    this.subject = readJson(SUBJECT_KEY, null);
    this.since = undefined;
    this.results = null;
    this.query = '';
  }

  /** @param context {incidentId, typeLabel, rerender} */
  render(context) {
    const box = el('div', { class: 'zb-exposure' });
    box.append(this.chooser(context));
    if (this.subject) {
      const list = el('div', { class: 'zb-exposure__locations', 'aria-live': 'polite' }, el('p', { class: 'zb-empty' }, 'Laden…'));
      box.append(list);
      this.load(context, list);
    }
    return box;
  }

  chooser(context) {
    const input = el('input', { type: 'search', id: 'zb-exposure-search', value: this.query, autocomplete: 'off',
      placeholder: 'Naam van instelling of organisatie' });
    const results = el('ul', { class: 'zb-exposure__results' });
    const search = async () => {
      this.query = input.value.trim();
      if (this.query.length < 2) {
        results.replaceChildren();
        return;
      }
      try {
        const found = await searchSubjects(this.query);
        results.replaceChildren(
          ...found.organisations.map((o) => this.choice(`${o.name} (organisatie, ${o.locations} ${o.locations === 1 ? 'locatie' : 'locaties'})`,
            { organisation: o.name, name: o.name }, context)),
          ...found.institutions.map((i) => this.choice(`${i.name}${i.city ? `, ${i.city}` : ''} (${context.typeLabel(i.type)})`,
            { institution: i.id, name: i.name }, context)));
        if (!results.children.length) results.append(el('li', { class: 'zb-empty' }, 'Niets gevonden.'));
      } catch (error) {
        results.replaceChildren(el('li', { class: 'zb-form__error', role: 'alert' }, dutchMessage(error)));
      }
    };
    let timer;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        search();
      }
    });
    return el('div', { class: 'zb-exposure__chooser' },
      el('label', { for: 'zb-exposure-search' }, 'Voor welke instelling of organisatie?'),
      input, results,
      this.subject && el('p', { class: 'zb-exposure__subject' }, 'Getoond: ', el('strong', {}, this.subject.name)));
  }

  choice(text, subject, context) {
    const button = el('button', { type: 'button', class: 'zb-exposure__choice' }, text);
    button.addEventListener('click', () => {
      this.subject = subject;
      this.since = undefined;
      localStorage.setItem(SUBJECT_KEY, JSON.stringify(subject));
      context.rerender();
    });
    return el('li', {}, button);
  }

  /** The key under which the moment of the last look at this subject in this incident is kept. */
  seenKey(incidentId) {
    return `${incidentId}:${this.subject.institution ? `i:${this.subject.institution}` : `o:${this.subject.organisation}`}`;
  }

  async load(context, list) {
    const seen = readJson(SEEN_KEY, {});
    const key = this.seenKey(context.incidentId);
    // What changed is counted from the look before this one, for as long as this view stays open.
    if (this.since === undefined) {
      this.since = seen[key] ?? null;
      seen[key] = new Date().toISOString();
      localStorage.setItem(SEEN_KEY, JSON.stringify(seen));
    }
    try {
      const result = await fetchExposure(context.incidentId, this.subject, this.since);
      list.replaceChildren(
        el('p', { class: 'zb-exposure__since' }, this.since
          ? `Wijzigingen sinds uw vorige blik (${formatDateTime(new Date(this.since))}) zijn gemarkeerd.`
          : 'U kijkt voor het eerst: alle wijzigingen worden getoond.'),
        el('ul', { class: 'zb-exposure__list' }, result.locations.map((location) => this.location(location, context))));
      const fit = this.fitted !== key;
      this.fitted = key;
      this.analysisMap.showExposure(result.locations, fit);
    } catch (error) {
      list.replaceChildren(el('p', { class: 'zb-form__error', role: 'alert' }, dutchMessage(error)));
    }
  }

  location(location, context) {
    const changes = location.changes.map((c) => el('li', {}, `${formatDateTime(new Date(c.computedAt))}: ${c.changeLabel}`
      + `${c.from && c.to ? ` (${c.from.label} → ${c.to.label})` : c.to ? ` (${c.to.label})` : ''}`));
    return el('li', { class: 'zb-exposure__location', dataset: { institution: location.institution.id } },
      el('div', { class: 'zb-call__head' },
        location.zone ? zoneBadge(location.zone) : el('span', { class: 'zb-zone zb-zone--none' }, 'Buiten de ringen'),
        el('strong', {}, location.institution.name)),
      el('p', { class: 'zb-exposure__description' }, location.description),
      el('p', { class: 'zb-call__why' }, `${context.typeLabel(location.institution.type)} · status: ${location.status.statusLabel}`),
      changes.length ? el('div', { class: 'zb-exposure__changes' }, el('strong', {}, 'Wat is er veranderd'), el('ul', {}, changes))
        : el('p', { class: 'zb-exposure__nochange' }, 'Geen wijzigingen sinds uw vorige blik.'));
  }
}

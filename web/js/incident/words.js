// Dutch words for the API's codes: the vocabularies the server gives (with their labels), and the
// timeline's actions and fields, which only the UI shows.
import { get } from './api.js';

const labels = new Map();

/** Loads the vocabularies once; afterwards `label(kind, code)` answers from memory. */
export async function loadVocabularies() {
  const [incidents, picture] = await Promise.all([get('/api/vocabularies/incidents'), get('/api/vocabularies/picture')]);
  const lists = { ...incidents, ...picture };
  for (const [kind, entries] of Object.entries(lists)) {
    if (Array.isArray(entries)) labels.set(kind, new Map(entries.map((e) => [e.code, e.label])));
  }
  return lists;
}

export const label = (kind, code) => labels.get(kind)?.get(code) ?? code;

export const options = (kind) => [...(labels.get(kind) ?? new Map()).entries()].map(([code, text]) => ({ code, text }));

const ACTIONS = {
  'incident.created': 'Incident gestart',
  'incident.updated': 'Incident gewijzigd',
  'picture.added': 'Beeld toegevoegd',
  'bullet.added': 'Bericht geplaatst',
  'bullet.edited': 'Bericht gewijzigd',
  'bullet.retracted': 'Bericht ingetrokken',
  'casualties.counted': 'Slachtoffers geteld',
  'question.asked': 'Informatievraag gesteld',
  'question.answered': 'Informatievraag beantwoord',
  'question.updated': 'Informatievraag gewijzigd',
  'besluit.added': 'Besluit genomen',
  'besluit.updated': 'Besluit gewijzigd',
  'actie.added': 'Actie uitgezet',
  'actie.updated': 'Actie gewijzigd',
};

export const actionLabel = (action) => ACTIONS[action] ?? action;

const FIELDS = {
  audience: 'doelgroep', 'audience.zone': 'zone', 'audience.types': 'soorten instelling', headline: 'kop', description: 'bericht',
  instruction: 'handelingsadvies', responseType: 'soort advies', severity: 'ernst', expires: 'verloopt', references: 'alarm',
  distance: 'afstand', hazardKinds: 'soorten gevaar', note: 'opmerking',
  title: 'titel', type: 'type', startedAt: 'starttijd', scaledUpAt: 'opschaling', locationText: 'locatie', regionCode: 'regio',
  grip: 'GRIP', carePhase: 'zorgfase', status: 'status', exercise: 'oefening', regie: 'regie', text: 'tekst', source: 'bron',
  certainty: 'zekerheid', themeId: 'thema', question: 'vraag', addressee: 'gericht aan', answer: 'antwoord', kind: 'soort',
  description: 'omschrijving', owner: 'eigenaar', deadline: 'deadline', reason: 'reden',
};

export const fieldLabel = (field) => FIELDS[field] ?? field;

/** "GRIP 1 → GRIP 2" for a change of one field in the timeline. */
export function describeChange(field, change) {
  const vocab = { type: 'types', grip: 'grip', carePhase: 'carePhases', status: 'statuses', certainty: 'certainties' }[field];
  const show = (v) => {
    if (v == null || v === '') return '(leeg)';
    if (typeof v === 'object') return [v.person, v.organisation].filter(Boolean).join(', ');
    if (typeof v === 'boolean') return v ? 'ja' : 'nee';
    return vocab ? label(vocab, v) : String(v);
  };
  return `${fieldLabel(field)}: ${show(change.from)} → ${show(change.to)}`;
}

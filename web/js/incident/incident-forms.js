// Starting an incident and changing one: the new-incident form and the change dialog.
import { el } from '../dom.js';
import { patch, post } from './api.js';
import { buttons, checkboxField, form, selectField, textField } from './forms.js';
import { fromLocalInput, toLocalInput } from './time.js';
import { options } from './words.js';

/** The form to start an incident; `onCreated(incident)` runs after the server stored it. */
export function newIncidentForm(onCreated, onCancel) {
  return form({
    className: 'zb-form--incident',
    label: 'Nieuw incident',
    children: [
      textField({ label: 'Titel', name: 'title', max: 200, required: true }),
      selectField({ label: 'Type incident', name: 'type', options: options('types'), blank: 'Kies een type' }),
      textField({ label: 'Locatie', name: 'locationText', max: 300, hint: 'In woorden; de kaartlocatie teken je op de kaart.' }),
      textField({ label: 'Veiligheidsregio (code)', name: 'regionCode', max: 32, hint: 'Bijvoorbeeld VR09' }),
      textField({ label: 'Starttijd', name: 'startedAt', type: 'datetime-local', value: toLocalInput(new Date()) }),
      selectField({ label: 'GRIP', name: 'grip', options: options('grip'), value: 'geen' }),
      selectField({ label: 'Zorgfase', name: 'carePhase', options: options('carePhases'), value: 'regulier' }),
      checkboxField({ label: 'Dit is een oefening', name: 'exercise' }),
      buttons('Incident starten', onCancel),
    ],
    save: async (v) => {
      const startedAt = fromLocalInput(v.startedAt);
      const incident = await post('/api/incidents', {
        title: v.title,
        type: v.type || null,
        locationText: v.locationText || null,
        regionCode: v.regionCode || null,
        startedAt: startedAt ? startedAt.toISOString() : null,
        grip: v.grip,
        carePhase: v.carePhase,
        exercise: v.exercise,
      });
      onCreated(incident);
    },
    onCancel,
  });
}

/** A dialog to change the incident's GRIP, phase, status, regie, title or location. */
export function openIncidentDialog(incident, onSaved) {
  const dialog = el('dialog', { class: 'zb-dialog', 'aria-labelledby': 'zb-incident-edit-title' });
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  let version = incident.version;
  const fields = [
    textField({ label: 'Titel', name: 'title', max: 200, required: true, value: incident.title }),
    textField({ label: 'Locatie', name: 'locationText', max: 300, value: incident.locationText ?? '' }),
    selectField({ label: 'GRIP', name: 'grip', options: options('grip'), value: incident.grip }),
    selectField({ label: 'Zorgfase', name: 'carePhase', options: options('carePhases'), value: incident.carePhase }),
    selectField({ label: 'Status', name: 'status', options: options('statuses'), value: incident.status }),
    textField({ label: 'Regie: persoon', name: 'regiePerson', max: 200, required: true, value: incident.regie.person }),
    textField({ label: 'Regie: organisatie', name: 'regieOrganisation', max: 200, required: true, value: incident.regie.organisation }),
  ];
  fields[5].querySelector('input').dataset.field = 'regie.person';
  fields[6].querySelector('input').dataset.field = 'regie.organisation';
  const node = form({
    label: 'Incident wijzigen',
    children: [...fields, buttons('Opslaan', close)],
    save: async (v) => {
      if (v.status === 'gesloten' && incident.status !== 'gesloten'
          && !window.confirm('Incident sluiten? Daarna kan niemand meer iets toevoegen of wijzigen, tot het wordt heropend.')) return;
      try {
        const saved = await patch(`/api/incidents/${incident.id}`, {
          title: v.title, locationText: v.locationText || null, grip: v.grip, carePhase: v.carePhase, status: v.status,
          regie: { person: v.regiePerson, organisation: v.regieOrganisation },
        }, version);
        close();
        onSaved(saved);
      } catch (error) {
        if (error.status === 412 && error.current) {
          version = error.current.version;
          showCurrent(node, error.current);
        }
        throw error;
      }
    },
    onCancel: close,
  });
  dialog.append(el('h2', { id: 'zb-incident-edit-title' }, 'Incident wijzigen'), node);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

/** After a lost update: the form shows the incident as it now is, so saving again overwrites nothing unseen. */
function showCurrent(node, current) {
  const values = {
    title: current.title, locationText: current.locationText ?? '', grip: current.grip, carePhase: current.carePhase,
    status: current.status, regiePerson: current.regie.person, regieOrganisation: current.regie.organisation,
  };
  for (const [name, value] of Object.entries(values)) node.elements.namedItem(name).value = value;
}

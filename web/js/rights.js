// What the logged-in user may do, as the server's access rules (auth/AccessRules, docs/security.md)
// allow it. The server checks every request; this only keeps the screen from offering a button
// whose use would be refused.
//
// API (each reads the user of me.js, so call them after loadMe())
//   hasRole(code)                          the user has this role
//   mayStartIncident()                     Hoofd Informatie
//   mayRunIncident(incident)               Hoofd Informatie of the incident's own region: change it, invite
//   mayReadAudit(incident)                 the same, or the beheerder
//   drawableKinds()                        the element kinds the user may draw (null: every kind)
//   mayChangeElement(feature)              change or end this element
//   mayWritePlume(incident)                GAGS of the incident's own region: preview, publish, forecast
//   mayWriteTheme(picture, theme)          add, change and retract bullets in this theme of this picture
//   mayCountCasualties(picture)            add a casualty count to this picture
//   mayAddOwnPicture()                     add an own picture (an institution's coordinator: its own)
//   mayKeepTimeline()                      decisions, actions and information questions
//   maySetStakeholderStatus(institutionId) the stakeholder status of this institution
//   mayReportStatus(institution)           report or confirm the status of this institution ({id, regionCode}):
//                                          its own coordinator, or a Hoofd Informatie of its region
//   mayManage()                            users (and, for the beheerder, organisations): the Beheer page
//   maySetWarningDistance()                an institution's coordinator: its own warning distance
//   holdsRegie(incident)                   the user is who the incident's regie names
//   mayWriteSummary(incident, hasAccount)  the management summary: who holds the regie; when the regie names nobody
//                                          with an account (the view's regieHasAccount false), a Hoofd Informatie of the region
//   mayMark(incident)                      regie checks: who holds the regie, or a Hoofd Informatie of the own region
//   mayResolve(check, incident)            resolve a mark: its item's author, who holds the regie, or the region's Hoofd Informatie
//   mayReadQuality()                       the picture-quality panel: a Hoofd Informatie or the beheerder
//   mayKeepRisk(regionCode)                the Veiligheidsbeeld of that region: its Hoofd Informatie
import { me } from './me.js';

const HAZARD_THEME = 'gevaarlijke stoffen';
const HAZARD_KINDS = ['effectgebied', 'meetpunt'];

export const hasRole = (code) => Boolean(me()?.roles.includes(code));

const hin = () => hasRole('hoofd-informatie');
const gags = () => hasRole('gags');
const coordinator = () => hasRole('informatiecoordinator') && Boolean(me()?.institutionId);

function ownRegion(thing) {
  const region = me()?.organisation.regionCode;
  return Boolean(thing?.regionCode && region && thing.regionCode.toUpperCase() === region.toUpperCase());
}

const ownPicture = (picture) => coordinator() && picture.kind === 'eigen' && picture.institutionId === me().institutionId;

export const mayStartIncident = () => hin();

export const mayRunIncident = (incident) => hin() && ownRegion(incident);

export const mayReadAudit = (incident) => mayRunIncident(incident) || hasRole('beheerder');

export function drawableKinds() {
  if (hin()) return null;
  return gags() ? HAZARD_KINDS : [];
}

export function mayChangeElement(feature) {
  const kinds = drawableKinds();
  return kinds === null || kinds.includes(feature.properties.kind);
}

export const mayWritePlume = (incident) => gags() && ownRegion(incident);

export function mayWriteTheme(picture, theme) {
  if (hin()) return true;
  if (gags() && picture.kind !== 'eigen' && theme.name.toLowerCase() === HAZARD_THEME) return true;
  return ownPicture(picture);
}

export const mayCountCasualties = (picture) => hin() || ownPicture(picture);

export const mayAddOwnPicture = () => hin() || coordinator();

export const mayKeepTimeline = () => hin();

export const maySetStakeholderStatus = (institutionId) => hin() || (coordinator() && institutionId === me().institutionId);

export const maySetWarningDistance = () => coordinator();

export const mayReportStatus = (institution) => Boolean(institution)
  && ((hin() && ownRegion(institution)) || (coordinator() && institution.id === me().institutionId));

export const mayManage = () => hasRole('beheerder') || hasRole('organisatiebeheerder');

const writer = () => hin() || gags() || hasRole('informatiecoordinator');

const same = (a, b) => Boolean(a && b && a.toLowerCase() === b.toLowerCase());

export const holdsRegie = (incident) => Boolean(incident?.regie && same(incident.regie.person, me()?.displayName)
  && same(incident.regie.organisation, me()?.organisation.name));

export const mayWriteSummary = (incident, regieHasAccount) => writer()
  && (holdsRegie(incident) || (regieHasAccount === false && hin() && ownRegion(incident)));

export const mayMark = (incident) => (hin() && ownRegion(incident)) || (writer() && holdsRegie(incident));

export const mayResolve = (check, incident) => mayMark(incident)
  || (writer() && same(check.targetAuthor.author, me()?.displayName) && same(check.targetAuthor.organisation, me()?.organisation.name));

export const mayReadQuality = () => hin() || hasRole('beheerder');

export const mayKeepRisk = (regionCode) => hin() && same(regionCode, me()?.organisation.regionCode);

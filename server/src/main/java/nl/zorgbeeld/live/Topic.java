package nl.zorgbeeld.live;

/**
 * What a stream follows: every change of one incident, the incident list (incidentId null), or the
 * institution status reports, which belong to no incident.
 */
record Topic(Long incidentId, boolean institutionStatus) {
    static final Topic INCIDENT_LIST = new Topic(null, false);
    static final Topic INSTITUTION_STATUS = new Topic(null, true);

    static Topic incident(long id) {
        return new Topic(id, false);
    }

    boolean incidentList() {
        return incidentId == null && !institutionStatus;
    }

    boolean includes(LiveEvent event) {
        if (institutionStatus) return event.changesInstitutionStatus();
        return incidentList() ? event.changesIncidentList() : incidentId.equals(event.incidentId());
    }
}

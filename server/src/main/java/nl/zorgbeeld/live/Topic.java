package nl.zorgbeeld.live;

/**
 * What a stream follows: every change of one incident, the incident list (incidentId null), the
 * institution status reports, which belong to no incident, or the changes addressed to one institution
 * (institutionId set: alerts and warnings to its users).
 */
record Topic(Long incidentId, boolean institutionStatus, String institutionId) {
    static final Topic INCIDENT_LIST = new Topic(null, false, null);
    static final Topic INSTITUTION_STATUS = new Topic(null, true, null);

    static Topic incident(long id) {
        return new Topic(id, false, null);
    }

    static Topic institution(String institutionId) {
        return new Topic(null, false, institutionId);
    }

    boolean incidentList() {
        return incidentId == null && !institutionStatus && institutionId == null;
    }

    boolean includes(LiveEvent event) {
        if (institutionStatus) return event.changesInstitutionStatus();
        if (institutionId != null) return event.addressedTo(institutionId);
        return incidentList() ? event.changesIncidentList() : incidentId.equals(event.incidentId());
    }
}

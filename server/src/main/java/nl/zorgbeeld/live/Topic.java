package nl.zorgbeeld.live;

/**
 * What a stream follows: every change of one incident, the incident list (incidentId null), or the
 * changes addressed to one institution (institutionId set: alerts and warnings to its users).
 */
record Topic(Long incidentId, String institutionId) {
    static final Topic INCIDENT_LIST = new Topic(null, null);

    static Topic incident(long id) {
        return new Topic(id, null);
    }

    static Topic institution(String institutionId) {
        return new Topic(null, institutionId);
    }

    boolean incidentList() {
        return incidentId == null && institutionId == null;
    }

    boolean includes(LiveEvent event) {
        if (institutionId != null) return event.addressedTo(institutionId);
        return incidentList() ? event.changesIncidentList() : incidentId.equals(event.incidentId());
    }
}

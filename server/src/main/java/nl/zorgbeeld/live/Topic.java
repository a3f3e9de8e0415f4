package nl.zorgbeeld.live;

/** What a stream follows: every change of one incident, or the incident list (incidentId null). */
record Topic(Long incidentId) {
    static final Topic INCIDENT_LIST = new Topic(null);

    static Topic incident(long id) {
        return new Topic(id);
    }

    boolean incidentList() {
        return incidentId == null;
    }

    boolean includes(LiveEvent event) {
        return incidentList() ? event.changesIncidentList() : incidentId.equals(event.incidentId());
    }
}

package nl.zorgbeeld.live;

import java.nio.charset.StandardCharsets;

/**
 * One committed change as it goes out: its stream position ({@code id}), the incident it belongs to
 * (null for changes outside incidents, such as templates), the safety region of an institution's
 * status report (null otherwise), and the finished server-sent event frame, built once and written
 * as is to every screen that follows it.
 */
record LiveEvent(long id, Long incidentId, String action, String regionCode, byte[] frame) {
    static final String INSTITUTION_STATUS = "institution.status.";

    static LiveEvent of(long id, Long incidentId, String action, String regionCode, String cloudEventJson) {
        String frame = "id: " + id + "\nevent: change\ndata: " + cloudEventJson + "\n\n";
        return new LiveEvent(id, incidentId, action, regionCode, frame.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether this is an institution's status report (recorded outside any incident). */
    boolean changesInstitutionStatus() {
        return incidentId == null && action.startsWith(INSTITUTION_STATUS);
    }

    /** Whether the incident list shows this change: a new incident, its status, GRIP level, regie, title. */
    boolean changesIncidentList() {
        return incidentId != null && action.startsWith("incident.");
    }
}

package nl.zorgbeeld.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Changes;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.NewChangeEvent;

/**
 * The one place where a status report becomes an event. Every report is recorded in the change log
 * without an incident (action {@code institution.status.*}, the event below as {@code data}); live/
 * streams those rows at GET /api/institutions/status/live, with positions, replay and resume like
 * every other change. A change of the operational status or the emergency-department status is action
 * {@code institution.status.changed} and, when the report belongs to an incident, is also recorded in
 * that incident's timeline, which puts it on the incident's own live stream.
 */
final class StatusEvents {
    static final String REPORTED = "institution.status.reported";
    static final String CHANGED = "institution.status.changed";
    static final String CONFIRMED = "institution.status.confirmed";

    private final ChangeLog log;

    StatusEvents(ChangeLog log) {
        this.log = log;
    }

    void reported(Connection c, InstitutionRef institution, StatusReport previous, StatusReport next, Actor actor) throws SQLException {
        Changes changes = changes(previous, next);
        String action = !changes.isEmpty() ? CHANGED : next.confirmsVersion() != null ? CONFIRMED : REPORTED;
        String summary = summary(institution, next, changes, action);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("institutionId", institution.id());
        event.put("institutionName", institution.name());
        event.put("type", institution.type());
        event.put("regionCode", institution.regionCode());
        event.put("version", next.version());
        event.put("reportedAt", next.reportedAt());
        event.put("incidentId", next.incidentId());
        event.put("operationalStatus", next.content().operationalStatus());
        event.put("emergencyDepartment", next.content().emergencyDepartment());
        event.put("changes", changes.fields());
        if (!changes.isEmpty() && next.incidentId() != null) {
            log.record(c, NewChangeEvent.of(next.incidentId(), CHANGED, StatusService.path(institution.id()), next.version(), summary,
                    changes.fields(), actor).withData(event));
        }
        log.record(c, new NewChangeEvent(null, null, action, StatusService.path(institution.id()), next.version(), summary,
                changes.isEmpty() ? null : changes.fields(), actor).withData(event));
    }

    private static Changes changes(StatusReport previous, StatusReport next) {
        return new Changes()
                .compare("operationalStatus", previous == null ? null : previous.content().operationalStatus(), next.content().operationalStatus())
                .compare("emergencyDepartment", previous == null ? null : previous.content().emergencyDepartment().status(),
                        next.content().emergencyDepartment().status());
    }

    /** "Ziekenhuis X: SEH gesloten (stroomuitval), status beperkt", in the UI's words. */
    private static String summary(InstitutionRef institution, StatusReport next, Changes changes, String action) {
        List<String> parts = new ArrayList<>();
        StatusContent content = next.content();
        if (changes.fields().containsKey("emergencyDepartment")) {
            String reason = content.emergencyDepartment().reason();
            parts.add("SEH " + code(content.emergencyDepartment().status()) + (reason == null ? "" : " (" + NewChangeEvent.excerpt(reason) + ")"));
        }
        if (changes.fields().containsKey("operationalStatus")) parts.add("status " + code(content.operationalStatus()));
        if (parts.isEmpty()) parts.add(action.equals(CONFIRMED) ? "status ongewijzigd bevestigd" : "status gemeld");
        return institution.name() + ": " + String.join(", ", parts);
    }

    private static String code(Coded value) {
        return value == null ? "onbekend" : value.code();
    }
}

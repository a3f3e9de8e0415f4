package nl.zorgbeeld.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Changes;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.NewChangeEvent;

/**
 * The one place where a status report becomes an event. Every report is announced on the
 * institution-level live stream (NOTIFY {@value #CHANNEL}, delivered when the transaction commits;
 * live/ passes it to GET /api/institutions/status/live). A change of the operational status or the
 * emergency-department status is action {@code institution.status.changed} and, when the report
 * belongs to an incident, is also recorded in that incident's timeline (change_event), which puts it
 * on the incident's own live stream.
 */
final class StatusEvents {
    static final String CHANNEL = "zorgbeeld_status";
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
        if (!changes.isEmpty() && next.incidentId() != null) {
            log.record(c, NewChangeEvent.of(next.incidentId(), CHANGED, StatusService.path(institution.id()), next.version(), summary,
                    changes.fields(), actor));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", institution.id() + "/" + next.version());
        event.put("action", action);
        event.put("institutionId", institution.id());
        event.put("institutionName", institution.name());
        event.put("type", institution.type());
        event.put("regionCode", institution.regionCode());
        event.put("version", next.version());
        event.put("reportedAt", next.reportedAt());
        event.put("incidentId", next.incidentId());
        event.put("changes", changes.fields());
        event.put("summary", summary);
        event.put("author", actor.author());
        event.put("organisation", actor.organisation());
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, Json.MAPPER.writeValueAsString(event));
            ps.execute();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status event of strings and numbers always serialises", e);
        }
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

package nl.zorgbeeld.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.auth.AuditLog;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Json;

/**
 * SQL of the change log (table change_event): every change is appended here, in the same transaction
 * as the change, together with its entry in the audit trail. At commit the database gives it its live
 * stream position (migration V9).
 */
public final class ChangeLog {

    public void record(Connection c, NewChangeEvent event) throws SQLException {
        AuditLog.record(c, audit(event));
        String sql = "INSERT INTO change_event (incident_id, template_id, action, subject, subject_version, summary, details,"
                + " author, organisation, data, audience) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, event.incidentId(), Types.BIGINT);
            ps.setObject(2, event.templateId(), Types.BIGINT);
            ps.setString(3, event.action());
            ps.setString(4, event.subject());
            ps.setObject(5, event.subjectVersion(), Types.INTEGER);
            ps.setString(6, event.summary());
            ps.setString(7, event.details() == null ? null : toJson(event.details()));
            ps.setString(8, event.actor().author());
            ps.setString(9, event.actor().organisation());
            ps.setString(10, event.data() == null ? null : toJson(event.data()));
            ps.setArray(11, event.audience() == null ? null : c.createArrayOf("text", event.audience().toArray()));
            ps.executeUpdate();
        }
    }

    /** The audit entry of a change: the object is named by the change's subject, its type by the action's first word. */
    private static AuditLog.Entry audit(NewChangeEvent event) {
        String action = event.action();
        String type = action.contains(".") ? action.substring(0, action.indexOf('.')) : action;
        Object before = event.before();
        Object after = event.after();
        if (before == null && after == null) {
            if (event.details() != null && !event.details().isEmpty() && event.details().values().stream().allMatch(ChangeLog::isChange)) {
                Map<String, Object> from = new LinkedHashMap<>();
                Map<String, Object> to = new LinkedHashMap<>();
                event.details().forEach((field, change) -> {
                    from.put(field, ((Map<?, ?>) change).get("from"));
                    to.put(field, ((Map<?, ?>) change).get("to"));
                });
                before = from;
                after = to;
            } else if (event.data() != null) {
                after = event.data();
            } else {
                Map<String, Object> to = new LinkedHashMap<>();
                to.put("summary", event.summary());
                if (event.subjectVersion() != null) to.put("version", event.subjectVersion());
                if (event.details() != null) to.put("details", event.details());
                after = to;
            }
        }
        return new AuditLog.Entry(event.actor(), action, type, event.subject(), event.incidentId(), before, after);
    }

    private static boolean isChange(Object value) {
        return value instanceof Map<?, ?> m && m.containsKey("from") && m.containsKey("to");
    }

    /** The changes of one incident between {@code from} and {@code to} (either may be null), newest first. */
    public List<ChangeEvent> timeline(Connection c, long incidentId, OffsetDateTime from, OffsetDateTime to, int limit)
            throws SQLException {
        String sql = "SELECT id, incident_id, template_id, occurred_at, action, subject, subject_version, summary, details::text,"
                + " author, organisation FROM change_event WHERE incident_id = ?"
                + " AND (?::timestamptz IS NULL OR occurred_at >= ?) AND (?::timestamptz IS NULL OR occurred_at <= ?)"
                + " ORDER BY occurred_at DESC, id DESC LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setObject(2, from);
            ps.setObject(3, from);
            ps.setObject(4, to);
            ps.setObject(5, to);
            ps.setInt(6, limit);
            List<ChangeEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) events.add(read(rs));
            }
            return events;
        }
    }

    private static ChangeEvent read(ResultSet rs) throws SQLException {
        String details = rs.getString(9);
        try {
            return new ChangeEvent(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3),
                    rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), (Integer) rs.getObject(7),
                    rs.getString(8), details == null ? null : Json.MAPPER.readTree(details),
                    new Actor(rs.getString(10), rs.getString(11)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change_event " + rs.getLong(1) + " has unreadable details", e);
        }
    }

    private static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a change (details or data) cannot be written as JSON", e);
        }
    }
}

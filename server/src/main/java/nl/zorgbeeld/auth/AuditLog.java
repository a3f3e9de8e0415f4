package nl.zorgbeeld.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Json;

/**
 * The audit trail (table audit_entry, append-only): who (user id, login, organisation, roles),
 * when, what (action), which object, in which incident, and the object before and after. Written
 * by the caller inside the transaction of the write it records, so a write is never without its
 * entry, nor an entry without its write.
 */
public final class AuditLog {
    /** The login recorded for writes that no user made (seeding, maintenance). */
    public static final String SYSTEM = "system";

    private AuditLog() {}

    /** A write to record. {@code before} and {@code after} are serialised as JSON (null: nothing). */
    public record Entry(Actor actor, String action, String objectType, String objectId, Long incidentId, Object before, Object after) {}

    /** An entry as read back. */
    public record Recorded(long id, OffsetDateTime occurredAt, Long userId, String login, String organisation, List<String> roles,
                           String action, String objectType, String objectId, Long incidentId, JsonNode before, JsonNode after) {}

    public static void record(Connection c, Entry entry) throws SQLException {
        Actor actor = entry.actor();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (user_id, login, organisation_id, organisation, roles,"
                + " action, object_type, object_id, incident_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
            ps.setObject(1, actor.userId(), Types.BIGINT);
            ps.setString(2, actor.login() == null ? SYSTEM : actor.login());
            ps.setObject(3, actor.organisationId(), Types.BIGINT);
            ps.setString(4, actor.organisation());
            ps.setArray(5, c.createArrayOf("text", actor.roles().toArray()));
            ps.setString(6, entry.action());
            ps.setString(7, entry.objectType());
            ps.setString(8, entry.objectId());
            ps.setObject(9, entry.incidentId(), Types.BIGINT);
            ps.setString(10, json(entry.before()));
            ps.setString(11, json(entry.after()));
            ps.executeUpdate();
        }
    }

    /** An incident's entries, oldest first, from after entry {@code afterId} (0: from the start). */
    public static List<Recorded> forIncident(Connection c, long incidentId, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, occurred_at, user_id, login, organisation, roles, action, object_type,"
                + " object_id, incident_id, before::text, after::text FROM audit_entry WHERE incident_id = ? AND id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, incidentId);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            List<Recorded> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Recorded(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), (Long) rs.getObject(3), rs.getString(4),
                            rs.getString(5), Arrays.stream((Object[]) rs.getArray(6).getArray()).map(String::valueOf).toList(),
                            rs.getString(7), rs.getString(8), rs.getString(9), (Long) rs.getObject(10), tree(rs.getString(11)),
                            tree(rs.getString(12))));
                }
            }
            return entries;
        }
    }

    private static String json(Object value) {
        if (value == null) return null;
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an audited state cannot be written as JSON", e);
        }
    }

    private static JsonNode tree(String json) {
        return json == null ? null : Json.tree(json);
    }
}

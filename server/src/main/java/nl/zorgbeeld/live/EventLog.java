package nl.zorgbeeld.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading change_event by stream position (column seq, assigned in commit order: migration V9). A
 * reader that has everything up to N and reads "after N" therefore never misses an event.
 */
final class EventLog {
    // An institution's status report names the institution's region in its data: the streams show it only to who may see that region.
    private static final String COLUMNS = "seq, incident_id, occurred_at, action, subject, subject_version, summary,"
            + " author, organisation, data::text, CASE WHEN incident_id IS NULL THEN data->>'regionCode' END";

    /** The highest committed position (0 when the log is empty). */
    long head(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM change_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Up to {@code limit} events after {@code after}, of every incident, in order. */
    List<CloudEvents.Row> after(Connection c, long after, int limit) throws SQLException {
        return rows(c, "SELECT " + COLUMNS + " FROM change_event WHERE seq > ? ORDER BY seq LIMIT ?", after, limit);
    }

    /** Up to {@code limit} events of the topic in ({@code after}, {@code upTo}], in order. */
    List<CloudEvents.Row> replay(Connection c, Topic topic, long after, long upTo, int limit) throws SQLException {
        if (topic.institutionStatus()) {
            return rows(c, "SELECT " + COLUMNS + " FROM change_event WHERE incident_id IS NULL AND action LIKE 'institution.status.%'"
                    + " AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?", after, upTo, limit);
        }
        if (topic.incidentList()) {
            return rows(c, "SELECT " + COLUMNS + " FROM change_event WHERE action LIKE 'incident.%' AND seq > ? AND seq <= ?"
                    + " ORDER BY seq LIMIT ?", after, upTo, limit);
        }
        return rows(c, "SELECT " + COLUMNS + " FROM change_event WHERE incident_id = ? AND seq > ? AND seq <= ?"
                + " ORDER BY seq LIMIT ?", topic.incidentId(), after, upTo, limit);
    }

    private static List<CloudEvents.Row> rows(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
            List<CloudEvents.Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CloudEvents.Row(rs.getLong(1), (Long) rs.getObject(2), rs.getObject(3, OffsetDateTime.class),
                            rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11)));
                }
            }
            return rows;
        }
    }
}

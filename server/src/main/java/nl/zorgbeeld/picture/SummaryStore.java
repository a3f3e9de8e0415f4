package nl.zorgbeeld.picture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.zorgbeeld.common.Actor;

/** SQL for management summaries (tables picture_summary and picture_summary_version); a change is a new version. */
public final class SummaryStore {
    private static final String COLUMNS = "SELECT s.picture_id, s.incident_id, v.text, v.version, v.recorded_at, v.author, v.organisation";

    /** The current version, locked until the transaction ends; empty when the picture has no summary yet. */
    public Optional<Summary> lock(Connection c, long pictureId) throws SQLException {
        return one(c, COLUMNS + " FROM picture_summary s JOIN picture_summary_version v ON v.picture_id = s.picture_id"
                + " AND v.version = s.version WHERE s.picture_id = ? FOR UPDATE OF s", pictureId, null);
    }

    /** The version current at {@code at} (now when null). */
    public Optional<Summary> asOf(Connection c, long pictureId, OffsetDateTime at) throws SQLException {
        return one(c, COLUMNS + " FROM picture_summary s JOIN LATERAL (SELECT * FROM picture_summary_version w"
                + " WHERE w.picture_id = s.picture_id AND (?::timestamptz IS NULL OR w.recorded_at <= ?)"
                + " ORDER BY w.version DESC LIMIT 1) v ON true WHERE s.picture_id = ?", pictureId, at);
    }

    /** The summaries of an incident's pictures at {@code at} (now when null), by picture id. */
    public Map<Long, Summary> forIncident(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        String sql = COLUMNS + " FROM picture_summary s JOIN LATERAL (SELECT * FROM picture_summary_version w"
                + " WHERE w.picture_id = s.picture_id AND (?::timestamptz IS NULL OR w.recorded_at <= ?)"
                + " ORDER BY w.version DESC LIMIT 1) v ON true WHERE s.incident_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, at);
            ps.setObject(2, at);
            ps.setLong(3, incidentId);
            Map<Long, Summary> byPicture = new HashMap<>();
            for (Summary s : list(ps)) byPicture.put(s.pictureId(), s);
            return byPicture;
        }
    }

    /**
     * Whether an enabled user of this name works for an organisation of this name: the same match as the
     * summary's access rule (auth's AccessStore.regie), so the screen offers the summary to whom the server lets write.
     */
    public boolean isUser(Connection c, String person, String organisation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM app_user u JOIN organisation o ON o.id = u.organisation_id"
                + " WHERE NOT u.disabled AND lower(u.display_name) = lower(?) AND lower(o.name) = lower(?))")) {
            ps.setString(1, person);
            ps.setString(2, organisation);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Every version, the first first. */
    public List<Summary> versions(Connection c, long pictureId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " FROM picture_summary s JOIN picture_summary_version v"
                + " ON v.picture_id = s.picture_id WHERE s.picture_id = ? ORDER BY v.version")) {
            ps.setLong(1, pictureId);
            return list(ps);
        }
    }

    /** Stores version {@code version} and makes it current; version 1 also creates the identity row. */
    public void insertVersion(Connection c, long incidentId, long pictureId, int version, String text, Actor actor) throws SQLException {
        if (version == 1) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO picture_summary (picture_id, incident_id) VALUES (?, ?)")) {
                ps.setLong(1, pictureId);
                ps.setLong(2, incidentId);
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE picture_summary SET version = ? WHERE picture_id = ?")) {
                ps.setInt(1, version);
                ps.setLong(2, pictureId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO picture_summary_version (picture_id, version, text, author,"
                + " organisation) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, pictureId);
            ps.setInt(2, version);
            ps.setString(3, text);
            ps.setString(4, actor.author());
            ps.setString(5, actor.organisation());
            ps.executeUpdate();
        }
    }

    private Optional<Summary> one(Connection c, String sql, long pictureId, OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (sql.contains("?::timestamptz")) {
                ps.setObject(i++, at);
                ps.setObject(i++, at);
            }
            ps.setLong(i, pictureId);
            List<Summary> found = list(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<Summary> list(PreparedStatement ps) throws SQLException {
        List<Summary> summaries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                summaries.add(new Summary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7)));
            }
        }
        return summaries;
    }
}

package nl.zorgbeeld.regie;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL behind the quality indicators that the picture view does not already carry. */
public final class QualityStore {
    /** When each theme of each picture was first written in, up to {@code at}. */
    public record FirstWritten(long pictureId, long themeId, OffsetDateTime at) {}

    /** A map element valid at the moment, with when it was first drawn and, for a measurement, when it was measured. */
    public record MapElement(String id, String kind, String label, String source, String certainty, OffsetDateTime firstDrawnAt,
                             String measuredAt) {}

    /** Who holds the regie at the moment, since when, whether a user of the app, and when they first acted in the incident since. */
    public record RegieState(String person, String organisation, OffsetDateTime since, boolean isUser, OffsetDateTime actedAt) {}

    public List<FirstWritten> firstWritten(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        String sql = "SELECT b.picture_id, v.theme_id, min(v.recorded_at) FROM bullet b JOIN bullet_version v ON v.bullet_id = b.id"
                + " WHERE b.incident_id = ? AND v.recorded_at <= ? GROUP BY b.picture_id, v.theme_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setObject(2, at);
            List<FirstWritten> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new FirstWritten(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class)));
            }
            return rows;
        }
    }

    public List<MapElement> elements(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        String sql = "SELECT e.element_id::text, e.kind, e.label, e.source, e.certainty, (SELECT min(f.valid_from) FROM picture_element f"
                + " WHERE f.element_id = e.element_id), e.attributes ->> 'measuredAt' FROM picture_element e"
                + " WHERE e.incident_id = ? AND e.valid_from <= ? AND (e.valid_to IS NULL OR e.valid_to > ?) ORDER BY e.valid_from";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setObject(2, at);
            ps.setObject(3, at);
            List<MapElement> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new MapElement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class), rs.getString(7)));
                }
            }
            return rows;
        }
    }

    /** The regie at {@code at}: the holder of the latest incident version then, since the version that gave it to them. */
    public Optional<RegieState> regie(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        String sql = "WITH now_v AS (SELECT regie_person, regie_organisation FROM incident_version WHERE incident_id = ? AND recorded_at <= ?"
                + " ORDER BY version DESC LIMIT 1),"
                + " since AS (SELECT min(v.recorded_at) AS at FROM incident_version v, now_v WHERE v.incident_id = ? AND v.recorded_at <= ?"
                + " AND v.version > coalesce((SELECT max(w.version) FROM incident_version w WHERE w.incident_id = ? AND w.recorded_at <= ?"
                + " AND (w.regie_person <> now_v.regie_person OR w.regie_organisation <> now_v.regie_organisation)), 0))"
                + " SELECT now_v.regie_person, now_v.regie_organisation, since.at,"
                + " EXISTS (SELECT 1 FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE NOT u.disabled"
                + " AND lower(u.display_name) = lower(now_v.regie_person) AND lower(o.name) = lower(now_v.regie_organisation)),"
                + " (SELECT min(e.occurred_at) FROM change_event e WHERE e.incident_id = ? AND e.occurred_at >= since.at AND e.occurred_at <= ?"
                + " AND lower(e.author) = lower(now_v.regie_person) AND lower(e.organisation) = lower(now_v.regie_organisation))"
                + " FROM now_v, since";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < 4; i++) {
                ps.setLong(1 + 2 * i, incidentId);
                ps.setObject(2 + 2 * i, at);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new RegieState(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getBoolean(4),
                        rs.getObject(5, OffsetDateTime.class)));
            }
        }
    }
}

package nl.zorgbeeld.risk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Coded;

/** SQL for the Veiligheidsbeeld (table risk_assessment); an assessment is never changed, a newer one supersedes it. */
public final class RiskStore {
    private static final String COLUMNS = "SELECT id, region_code, theme, level, explanation, source, valid_from, valid_until, recorded_at,"
            + " author, organisation FROM risk_assessment";

    public long insert(Connection c, String region, String theme, ThreatLevel level, String explanation, String source,
                       OffsetDateTime validFrom, OffsetDateTime validUntil, Actor actor) throws SQLException {
        String sql = "INSERT INTO risk_assessment (region_code, theme, level, explanation, source, valid_from, valid_until, author,"
                + " organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, region);
            ps.setString(2, theme);
            ps.setString(3, level.code());
            ps.setString(4, explanation);
            ps.setString(5, source);
            ps.setObject(6, validFrom);
            ps.setObject(7, validUntil);
            ps.setString(8, actor.author());
            ps.setString(9, actor.organisation());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Optional<RiskAssessment> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
            ps.setLong(1, id);
            List<RiskAssessment> found = list(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** The region's assessments recorded by {@code at} and still valid then or later, latest recorded first. */
    public List<RiskAssessment> standing(Connection c, String region, OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE upper(region_code) = upper(?) AND recorded_at <= ?"
                + " AND valid_until > ? ORDER BY recorded_at DESC, id DESC")) {
            ps.setString(1, region);
            ps.setObject(2, at);
            ps.setObject(3, at);
            return list(ps);
        }
    }

    /** Every assessment of the region (of one theme when given), the latest recorded first. */
    public List<RiskAssessment> history(Connection c, String region, String theme) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE upper(region_code) = upper(?) AND (?::text IS NULL OR theme = ?)"
                + " ORDER BY recorded_at DESC, id DESC")) {
            ps.setString(1, region);
            ps.setString(2, theme);
            ps.setString(3, theme);
            return list(ps);
        }
    }

    /** The name of a safety region in the reference layer, when loaded. */
    public Optional<String> regionName(Connection c, String region) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM safety_region WHERE upper(code) = upper(?)")) {
            ps.setString(1, region);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<RiskAssessment> list(PreparedStatement ps) throws SQLException {
        List<RiskAssessment> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new RiskAssessment(rs.getLong(1), rs.getString(2), rs.getString(3), Coded.known(ThreatLevel.class, rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
                        rs.getObject(9, OffsetDateTime.class), new Actor(rs.getString(10), rs.getString(11))));
            }
        }
        return rows;
    }
}

package nl.zorgbeeld.picture;

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

/** SQL for decisions and actions (tables decision and decision_version). */
public final class DecisionStore {
    private static final String COLUMNS = "SELECT d.id, d.incident_id, v.kind, v.description, v.owner, v.deadline, v.status,"
            + " v.version, d.created_at, v.recorded_at, v.author, v.organisation";
    private static final String CURRENT = COLUMNS
            + " FROM decision d JOIN decision_version v ON v.decision_id = d.id AND v.version = d.version";

    public long insert(Connection c, long incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision (incident_id) VALUES (?) RETURNING id")) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Stores a version of the decision and makes it the current one. */
    public void insertVersion(Connection c, long id, int version, DecisionContent content, Actor actor) throws SQLException {
        String sql = "INSERT INTO decision_version (decision_id, version, kind, description, owner, deadline, status, author,"
                + " organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setInt(2, version);
            ps.setString(3, content.kind().code());
            ps.setString(4, content.description());
            ps.setString(5, content.owner());
            ps.setObject(6, content.deadline());
            ps.setString(7, content.status().code());
            ps.setString(8, actor.author());
            ps.setString(9, actor.organisation());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE decision SET version = ? WHERE id = ?")) {
            ps.setInt(1, version);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    public Optional<Decision> find(Connection c, long id) throws SQLException {
        return one(c, CURRENT + " WHERE d.id = ?", id);
    }

    public Optional<Decision> lock(Connection c, long id) throws SQLException {
        return one(c, CURRENT + " WHERE d.id = ? FOR UPDATE OF d", id);
    }

    /** The incident's decisions and actions as they were at {@code at} (now when null), oldest first. */
    public List<Decision> asOf(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        String sql = COLUMNS + " FROM decision d JOIN LATERAL (SELECT * FROM decision_version w WHERE w.decision_id = d.id"
                + " AND (?::timestamptz IS NULL OR w.recorded_at <= ?) ORDER BY w.version DESC LIMIT 1) v ON true"
                + " WHERE d.incident_id = ? ORDER BY d.created_at, d.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, at);
            ps.setObject(2, at);
            ps.setLong(3, incidentId);
            return list(ps);
        }
    }

    private Optional<Decision> one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            return list(ps).stream().findFirst();
        }
    }

    private static List<Decision> list(PreparedStatement ps) throws SQLException {
        List<Decision> decisions = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                DecisionContent content = new DecisionContent(Coded.known(DecisionKind.class, rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), Coded.known(DecisionStatus.class, rs.getString(7)));
                decisions.add(new Decision(rs.getLong(1), rs.getLong(2), content, rs.getInt(8), rs.getObject(9, OffsetDateTime.class),
                        rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getString(12)));
            }
        }
        return decisions;
    }
}

package nl.zorgbeeld.analysis;

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

/**
 * SQL of the stakeholder status: an identity row per incident and institution holding the current
 * version number (locked on update), and one row per version with who, when and a note.
 */
public final class StakeholderStore {
    private static final String COLUMNS = "v.institution_id, v.institution_name, v.status, v.note, v.version, v.recorded_at,"
            + " v.author, v.organisation";

    /** The current status, locked until the transaction ends when {@code lock}; empty when none was recorded. */
    public Optional<Stakeholder> current(Connection c, long incidentId, String institutionId, boolean lock) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM stakeholder s JOIN stakeholder_version v ON v.incident_id = s.incident_id"
                + " AND v.institution_id = s.institution_id AND v.version = s.version"
                + " WHERE s.incident_id = ? AND s.institution_id = ?" + (lock ? " FOR UPDATE OF s" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setString(2, institutionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The current status of every institution with a recorded status in the incident, by name. */
    public List<Stakeholder> all(Connection c, long incidentId) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM stakeholder s JOIN stakeholder_version v ON v.incident_id = s.incident_id"
                + " AND v.institution_id = s.institution_id AND v.version = s.version"
                + " WHERE s.incident_id = ? ORDER BY v.institution_name, v.institution_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            return list(ps);
        }
    }

    /** Every recorded version, oldest first. */
    public List<Stakeholder> history(Connection c, long incidentId, String institutionId) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM stakeholder_version v WHERE v.incident_id = ? AND v.institution_id = ?"
                + " ORDER BY v.version";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setString(2, institutionId);
            return list(ps);
        }
    }

    /** Claims the identity row of a first status; false when someone else recorded one in the meantime. */
    public boolean claim(Connection c, long incidentId, String institutionId) throws SQLException {
        String sql = "INSERT INTO stakeholder (incident_id, institution_id, version) VALUES (?, ?, 1) ON CONFLICT DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setString(2, institutionId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Adds version {@code version} and makes it the current one. */
    public void insertVersion(Connection c, long incidentId, int version, Stakeholder next, Actor actor) throws SQLException {
        String sql = "INSERT INTO stakeholder_version (incident_id, institution_id, version, status, note, institution_name,"
                + " author, organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setString(2, next.institutionId());
            ps.setInt(3, version);
            ps.setString(4, next.status().code());
            ps.setString(5, next.note());
            ps.setString(6, next.institutionName());
            ps.setString(7, actor.author());
            ps.setString(8, actor.organisation());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE stakeholder SET version = ? WHERE incident_id = ? AND institution_id = ?")) {
            ps.setInt(1, version);
            ps.setLong(2, incidentId);
            ps.setString(3, next.institutionId());
            ps.executeUpdate();
        }
    }

    private static List<Stakeholder> list(PreparedStatement ps) throws SQLException {
        List<Stakeholder> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) rows.add(read(rs));
        }
        return rows;
    }

    private static Stakeholder read(ResultSet rs) throws SQLException {
        return new Stakeholder(rs.getString(1), rs.getString(2), Coded.known(StakeholderStatus.class, rs.getString(3)),
                rs.getString(4), rs.getInt(5), rs.getObject(6, OffsetDateTime.class), new Actor(rs.getString(7), rs.getString(8)));
    }
}

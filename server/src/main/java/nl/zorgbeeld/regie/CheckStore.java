package nl.zorgbeeld.regie;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Coded;

/** SQL for regie checks (regie_check, regie_check_resolution) and for finding the items they mark in the picture's tables. */
public final class CheckStore {
    /** An item found in the incident: who wrote its current version, and a line describing it. */
    public record Found(Actor author, String summary) {}

    private static final String SELECT = "SELECT k.id, k.incident_id, k.target_type, k.target_id, k.target_author, k.target_organisation,"
            + " k.kind, k.note, k.conflicts_type, k.conflicts_id, k.created_at, k.author, k.organisation,"
            + " r.resolution, r.note, r.resolved_at, r.author, r.organisation, b.picture_id, bv.theme_id, tv.name, bv.text"
            + " FROM regie_check k"
            + " LEFT JOIN regie_check_resolution r ON r.check_id = k.id AND (?::timestamptz IS NULL OR r.resolved_at <= ?)"
            + " LEFT JOIN bullet b ON k.target_type = 'bullet' AND b.id::text = k.target_id"
            + " LEFT JOIN bullet_version bv ON bv.bullet_id = b.id AND bv.version = b.version"
            + " LEFT JOIN template_theme t ON t.id = bv.theme_id"
            + " LEFT JOIN template_theme_version tv ON tv.theme_id = t.id AND tv.version = t.version";

    /** A bullet, entry or element of the incident in its current version; empty when the incident has no such item. */
    public Optional<Found> find(Connection c, long incidentId, Target target) throws SQLException {
        return switch (target.type()) {
            case BULLET -> found(c, "SELECT v.author, v.organisation, v.text FROM bullet b JOIN bullet_version v ON v.bullet_id = b.id"
                    + " AND v.version = b.version WHERE b.incident_id = ? AND b.id = ? AND NOT v.retracted", incidentId, Long.parseLong(target.id()));
            case ELEMENT -> found(c, "SELECT author, organisation, kind || coalesce(': ' || label, '') FROM picture_element"
                    + " WHERE incident_id = ? AND element_id = ? AND valid_to IS NULL", incidentId, UUID.fromString(target.id()));
            case ENTRY -> entry(c, incidentId, target.id());
        };
    }

    private Optional<Found> entry(Connection c, long incidentId, String path) throws SQLException {
        String[] parts = path.split("/");
        long id = Long.parseLong(parts[1]);
        return switch (parts[0]) {
            case "questions" -> found(c, "SELECT v.author, v.organisation, v.question FROM information_question q"
                    + " JOIN information_question_version v ON v.question_id = q.id AND v.version = q.version"
                    + " WHERE q.incident_id = ? AND q.id = ?", incidentId, id);
            case "decisions" -> found(c, "SELECT v.author, v.organisation, v.description FROM decision d"
                    + " JOIN decision_version v ON v.decision_id = d.id AND v.version = d.version WHERE d.incident_id = ? AND d.id = ?",
                    incidentId, id);
            default -> found(c, "SELECT author, organisation, 'T1 ' || t1 || ', T2 ' || t2 || ', T3 ' || t3 || ', dood ' || dead"
                    + " FROM casualty_count WHERE incident_id = ? AND id = ?", incidentId, id);
        };
    }

    private static Optional<Found> found(Connection c, String sql, long incidentId, Object id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Found(new Actor(rs.getString(1), rs.getString(2)), rs.getString(3))) : Optional.empty();
            }
        }
    }

    public long insert(Connection c, long incidentId, Target target, Actor targetAuthor, CheckKind kind, String note, Target conflictsWith,
                       Actor actor) throws SQLException {
        String sql = "INSERT INTO regie_check (incident_id, target_type, target_id, target_author, target_organisation, kind, note,"
                + " conflicts_type, conflicts_id, author, organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setString(2, target.type().code());
            ps.setString(3, target.id());
            ps.setString(4, targetAuthor.author());
            ps.setString(5, targetAuthor.organisation());
            ps.setString(6, kind.code());
            ps.setString(7, note);
            ps.setString(8, conflictsWith == null ? null : conflictsWith.type().code());
            ps.setString(9, conflictsWith == null ? null : conflictsWith.id());
            ps.setString(10, actor.author());
            ps.setString(11, actor.organisation());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void resolve(Connection c, long checkId, Resolution resolution, String note, Actor actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO regie_check_resolution (check_id, resolution, note, author,"
                + " organisation) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, checkId);
            ps.setString(2, resolution.code());
            ps.setString(3, note);
            ps.setString(4, actor.author());
            ps.setString(5, actor.organisation());
            ps.executeUpdate();
        }
    }

    /** A check as it is now, locked against a second resolution until the transaction ends. */
    public Optional<RegieCheck> lock(Connection c, long incidentId, long checkId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM regie_check WHERE id = ? AND incident_id = ? FOR UPDATE")) {
            ps.setLong(1, checkId);
            ps.setLong(2, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
            }
        }
        return find(c, incidentId, checkId);
    }

    public Optional<RegieCheck> find(Connection c, long incidentId, long checkId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE k.incident_id = ? AND k.id = ?")) {
            ps.setObject(1, null);
            ps.setObject(2, null);
            ps.setLong(3, incidentId);
            ps.setLong(4, checkId);
            List<RegieCheck> found = list(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** The incident's checks made by {@code at} (all now when null), as they were then; only the open ones when asked. */
    public List<RegieCheck> forIncident(Connection c, long incidentId, OffsetDateTime at, boolean openOnly) throws SQLException {
        String sql = SELECT + " WHERE k.incident_id = ? AND (?::timestamptz IS NULL OR k.created_at <= ?)"
                + (openOnly ? " AND r.check_id IS NULL" : "") + " ORDER BY k.created_at, k.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, at);
            ps.setObject(2, at);
            ps.setLong(3, incidentId);
            ps.setObject(4, at);
            ps.setObject(5, at);
            return list(ps);
        }
    }

    private static List<RegieCheck> list(PreparedStatement ps) throws SQLException {
        List<RegieCheck> checks = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Target target = new Target(Coded.known(TargetType.class, rs.getString(3)), rs.getString(4));
                Target conflicts = rs.getString(9) == null ? null : new Target(Coded.known(TargetType.class, rs.getString(9)), rs.getString(10));
                RegieCheck.Resolved resolved = rs.getString(14) == null ? null : new RegieCheck.Resolved(
                        Coded.known(Resolution.class, rs.getString(14)), rs.getString(15), rs.getObject(16, OffsetDateTime.class),
                        new Actor(rs.getString(17), rs.getString(18)));
                checks.add(new RegieCheck(rs.getLong(1), rs.getLong(2), target, new Actor(rs.getString(5), rs.getString(6)),
                        rs.getString(22), rs.getObject(19) == null ? null : rs.getLong(19), rs.getObject(20) == null ? null : rs.getLong(20),
                        rs.getString(21), Coded.known(CheckKind.class, rs.getString(7)), rs.getString(8), conflicts,
                        rs.getObject(11, OffsetDateTime.class), new Actor(rs.getString(12), rs.getString(13)), resolved == null, resolved,
                        resolved == null ? 1 : 2));
            }
        }
        return checks;
    }
}

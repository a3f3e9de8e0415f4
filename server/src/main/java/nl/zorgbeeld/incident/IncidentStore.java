package nl.zorgbeeld.incident;

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
import nl.zorgbeeld.common.Visibility;

/**
 * SQL for incidents (tables incident and incident_version). Every value is a parameter. Reads take
 * an optional moment: null means now, otherwise the incident as it was then.
 */
public final class IncidentStore {
    /** The incident with its version as at a moment (parameter 1 and 2: the moment or null). */
    private static final String SELECT = "SELECT i.id, v.version, i.created_at, i.created_by_author, i.created_by_organisation,"
            + " v.title, v.type, v.started_at, v.scaled_up_at, v.location_text, v.region_code, v.grip, v.care_phase, v.status,"
            + " v.exercise, v.regie_person, v.regie_organisation, v.recorded_at, v.author, v.organisation,"
            + " o.mode, o.source_incident_id, o.source_title, o.snapshot_shows, o.snapshot_exported_at, o.restored_at,"
            + " o.restored_by_author, o.restored_by_organisation"
            + " FROM incident i JOIN LATERAL (SELECT * FROM incident_version w WHERE w.incident_id = i.id"
            + " AND (?::timestamptz IS NULL OR w.recorded_at <= ?) ORDER BY w.version DESC LIMIT 1) v ON true"
            + " LEFT JOIN incident_origin o ON o.incident_id = i.id";

    /** Creates the incident's identity row; its first version follows with {@link #insertVersion}. */
    public long insert(Connection c, Actor creator) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO incident (created_by_author, created_by_organisation) VALUES (?, ?) RETURNING id")) {
            ps.setString(1, creator.author());
            ps.setString(2, creator.organisation());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Stores {@code state} as version {@code version} and makes it the current one. */
    public void insertVersion(Connection c, long id, int version, IncidentState state, Actor actor) throws SQLException {
        String sql = "INSERT INTO incident_version (incident_id, version, title, type, started_at, scaled_up_at, location_text,"
                + " region_code, grip, care_phase, status, exercise, regie_person, regie_organisation, author, organisation)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setInt(2, version);
            ps.setString(3, state.title());
            ps.setString(4, state.type().code());
            ps.setObject(5, state.startedAt());
            ps.setObject(6, state.scaledUpAt());
            ps.setString(7, state.locationText());
            ps.setString(8, state.regionCode());
            ps.setString(9, state.grip().code());
            ps.setString(10, state.carePhase().code());
            ps.setString(11, state.status().code());
            ps.setBoolean(12, state.exercise());
            ps.setString(13, state.regie().person());
            ps.setString(14, state.regie().organisation());
            ps.setString(15, actor.author());
            ps.setString(16, actor.organisation());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE incident SET version = ? WHERE id = ?")) {
            ps.setInt(1, version);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** The incident now ({@code at} null) or as it was at {@code at}; empty when it did not exist (yet). */
    public Optional<Incident> find(Connection c, long id, OffsetDateTime at) throws SQLException {
        return one(c, SELECT + " WHERE i.id = ?", id, at);
    }

    /**
     * The current incident, locked until the transaction ends: {@code exclusive} for changing it,
     * shared for writing into it (so it cannot be closed halfway through a write).
     */
    public Optional<Incident> lock(Connection c, long id, boolean exclusive) throws SQLException {
        return one(c, SELECT + " WHERE i.id = ? FOR " + (exclusive ? "UPDATE" : "SHARE") + " OF i", id, null);
    }

    private Optional<Incident> one(Connection c, String sql, long id, OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, at);
            ps.setObject(2, at);
            ps.setLong(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Current incidents matching the filter, the most recently started first. */
    public List<Incident> list(Connection c, IncidentFilter filter) throws SQLException {
        String sql = SELECT + " WHERE (cardinality(?::text[]) = 0 OR v.status = ANY (?::text[]))"
                + " AND (cardinality(?::text[]) = 0 OR v.type = ANY (?::text[]))"
                + " AND (?::boolean IS NULL OR v.exercise = ?) AND (?::text IS NULL OR v.region_code = ?)"
                + " AND " + Visibility.condition("i.id", "v.region_code")
                + " ORDER BY v.started_at DESC, i.id DESC LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, null);
            ps.setObject(2, null);
            var statuses = c.createArrayOf("text", filter.statuses().stream().map(Coded::code).toArray());
            var types = c.createArrayOf("text", filter.types().stream().map(Coded::code).toArray());
            ps.setArray(3, statuses);
            ps.setArray(4, statuses);
            ps.setArray(5, types);
            ps.setArray(6, types);
            ps.setObject(7, filter.exercise());
            ps.setObject(8, filter.exercise());
            ps.setString(9, filter.regionCode());
            ps.setString(10, filter.regionCode());
            ps.setInt(filter.visibility().bind(ps, 11), filter.limit());
            List<Incident> incidents = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) incidents.add(read(rs));
            }
            return incidents;
        }
    }

    /** Every change of regie, the first (at creation) first, each with when and by whom. */
    public List<RegieChange> regieHistory(Connection c, long id) throws SQLException {
        String sql = "SELECT regie_person, regie_organisation, recorded_at, author, organisation FROM ("
                + " SELECT v.*, lag(v.regie_person) OVER w AS previous_person, lag(v.regie_organisation) OVER w AS previous_organisation,"
                + " lag(v.version) OVER w AS previous_version"
                + " FROM incident_version v WHERE v.incident_id = ? WINDOW w AS (ORDER BY v.version)) h"
                + " WHERE previous_version IS NULL OR previous_person IS DISTINCT FROM regie_person"
                + " OR previous_organisation IS DISTINCT FROM regie_organisation ORDER BY version";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            List<RegieChange> changes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new RegieChange(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                            new Actor(rs.getString(4), rs.getString(5))));
                }
            }
            return changes;
        }
    }

    private static Incident read(ResultSet rs) throws SQLException {
        IncidentState state = new IncidentState(rs.getString("title"),
                Coded.known(IncidentType.class, rs.getString("type")),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("scaled_up_at", OffsetDateTime.class),
                rs.getString("location_text"),
                rs.getString("region_code"),
                Coded.known(GripLevel.class, rs.getString("grip")),
                Coded.known(CarePhase.class, rs.getString("care_phase")),
                Coded.known(IncidentStatus.class, rs.getString("status")),
                rs.getBoolean("exercise"),
                new Regie(rs.getString("regie_person"), rs.getString("regie_organisation")));
        return new Incident(rs.getLong("id"), state, rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class),
                new Actor(rs.getString("created_by_author"), rs.getString("created_by_organisation")),
                rs.getObject("recorded_at", OffsetDateTime.class),
                new Actor(rs.getString("author"), rs.getString("organisation")), origin(rs));
    }

    private static IncidentOrigin origin(ResultSet rs) throws SQLException {
        String mode = rs.getString("mode");
        if (mode == null) return null;
        return new IncidentOrigin(mode, IncidentOrigin.ARCHIVE.equals(mode), rs.getLong("source_incident_id"),
                rs.getString("source_title"), rs.getObject("snapshot_shows", OffsetDateTime.class),
                rs.getObject("snapshot_exported_at", OffsetDateTime.class), rs.getObject("restored_at", OffsetDateTime.class),
                new Actor(rs.getString("restored_by_author"), rs.getString("restored_by_organisation")));
    }
}

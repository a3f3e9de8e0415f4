package nl.zorgbeeld.plume;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Json;

/** SQL of plumes (table plume) and forecasts (plume_forecast); writes take the caller's transaction. */
final class PlumeStore {
    private static final String COLUMNS = "p.id, p.incident_id, p.method, p.substance, p.inputs::text, p.model::text, p.collection::text,"
            + " p.zone_elements, p.author, p.organisation, p.created_at, p.replaced_at, p.replaced_by,"
            + " r.id, r.created_at FROM plume p LEFT JOIN plume r ON r.replaced_by = p.id";

    private final DataSource dataSource;

    PlumeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stored plume; {@code replaces} / {@code replacesFrom}: the plume it replaced and when that was published (null for the first). */
    record StoredPlume(long id, long incidentId, String method, String substance, JsonNode inputs, JsonNode model, JsonNode collection,
                       List<UUID> zoneElements, Actor actor, OffsetDateTime createdAt, OffsetDateTime replacedAt, Long replacedBy,
                       Long replaces, OffsetDateTime replacesFrom) {}

    /**
     * Serialises plume writes of one incident (two GAGS publishing at once): the second waits for the
     * first and then replaces its plume, rather than both replacing the same one.
     */
    void lockIncident(Connection c, long incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM incident WHERE id = ? FOR NO KEY UPDATE")) {
            ps.setLong(1, incidentId);
            ps.executeQuery().close();
        }
    }

    Optional<StoredPlume> current(Connection c, long incidentId) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " WHERE p.incident_id = ? AND p.replaced_at IS NULL", incidentId);
    }

    /** The plume that was current at {@code at} (now when null). */
    Optional<StoredPlume> at(long incidentId, Instant at) {
        return read(c -> at == null ? current(c, incidentId) : one(c, "SELECT " + COLUMNS + " WHERE p.incident_id = ? AND p.created_at <= ?"
                + " AND (p.replaced_at IS NULL OR p.replaced_at > ?)", incidentId, OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC),
                OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)));
    }

    Optional<StoredPlume> get(long incidentId, long plumeId) {
        return read(c -> one(c, "SELECT " + COLUMNS + " WHERE p.incident_id = ? AND p.id = ?", incidentId, plumeId));
    }

    /** The plumes published up to {@code at} (all when null), newest first. */
    List<StoredPlume> history(long incidentId, Instant at) {
        return read(c -> {
            String sql = "SELECT " + COLUMNS + " WHERE p.incident_id = ?" + (at == null ? "" : " AND p.created_at <= ?") + " ORDER BY p.id DESC";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, incidentId);
                if (at != null) ps.setObject(2, OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
                List<StoredPlume> plumes = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) plumes.add(row(rs));
                }
                return plumes;
            }
        });
    }

    /** Inserts a plume as the current one; returns its id and publication time. */
    Inserted insert(Connection c, long incidentId, String method, String substance, JsonNode inputs, JsonNode model, JsonNode collection,
                    List<UUID> zoneElements, Actor actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plume (incident_id, method, substance, inputs, model, collection,"
                + " zone_elements, author, organisation) VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?) RETURNING id, created_at")) {
            ps.setLong(1, incidentId);
            ps.setString(2, method);
            ps.setString(3, substance);
            ps.setString(4, inputs.toString());
            ps.setString(5, model == null ? null : model.toString());
            ps.setString(6, collection.toString());
            ps.setArray(7, c.createArrayOf("uuid", zoneElements.toArray()));
            ps.setString(8, actor.author());
            ps.setString(9, actor.organisation());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Inserted(rs.getLong(1), rs.getObject(2, OffsetDateTime.class));
            }
        }
    }

    record Inserted(long id, OffsetDateTime createdAt) {}

    /** Ends the current plume; {@link #linkReplacement} names its successor once that has an id. */
    void endCurrent(Connection c, long plumeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE plume SET replaced_at = now() WHERE id = ?")) {
            ps.setLong(1, plumeId);
            ps.executeUpdate();
        }
    }

    void linkReplacement(Connection c, long oldId, long newId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE plume SET replaced_by = ? WHERE id = ?")) {
            ps.setLong(1, newId);
            ps.setLong(2, oldId);
            ps.executeUpdate();
        }
    }

    /** A stored forecast. */
    record StoredForecast(long id, JsonNode result, Actor actor, OffsetDateTime createdAt) {}

    StoredForecast insertForecast(Connection c, long incidentId, JsonNode inputs, JsonNode result, Actor actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plume_forecast (incident_id, inputs, result, author, organisation)"
                + " VALUES (?, ?::jsonb, ?::jsonb, ?, ?) RETURNING id, created_at")) {
            ps.setLong(1, incidentId);
            ps.setString(2, inputs.toString());
            ps.setString(3, result.toString());
            ps.setString(4, actor.author());
            ps.setString(5, actor.organisation());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new StoredForecast(rs.getLong(1), result, actor, rs.getObject(2, OffsetDateTime.class));
            }
        }
    }

    /** The id, time and author of the latest forecast, without the forecast itself. */
    Optional<JsonNode> latestForecastInfo(long incidentId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT json_build_object('id', id, 'createdAt', created_at, 'author', author,"
                    + " 'href', '/api/incidents/' || incident_id || '/plumes/forecast/latest')::text FROM plume_forecast"
                    + " WHERE incident_id = ? ORDER BY id DESC LIMIT 1")) {
                ps.setLong(1, incidentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Json.tree(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    Optional<StoredForecast> latestForecast(long incidentId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, result::text, author, organisation, created_at FROM plume_forecast"
                    + " WHERE incident_id = ? ORDER BY id DESC LIMIT 1")) {
                ps.setLong(1, incidentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new StoredForecast(rs.getLong(1), Json.tree(rs.getString(2)), new Actor(rs.getString(3), rs.getString(4)),
                            rs.getObject(5, OffsetDateTime.class)));
                }
            }
        });
    }

    private Optional<StoredPlume> one(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static StoredPlume row(ResultSet rs) throws SQLException {
        String model = rs.getString(6);
        Array elements = rs.getArray(8);
        List<UUID> ids = Arrays.stream((Object[]) elements.getArray()).map(o -> (UUID) o).toList();
        return new StoredPlume(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Json.tree(rs.getString(5)),
                model == null ? null : Json.tree(model), Json.tree(rs.getString(7)), ids, new Actor(rs.getString(9), rs.getString(10)),
                rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class), (Long) rs.getObject(13),
                (Long) rs.getObject(14), rs.getObject(15, OffsetDateTime.class));
    }

    @FunctionalInterface
    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Read<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading plumes failed: " + e.getMessage(), e);
        }
    }
}

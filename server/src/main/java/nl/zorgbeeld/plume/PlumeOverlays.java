package nl.zorgbeeld.plume;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.common.Json;
import org.locationtech.jts.geom.Envelope;

/**
 * What the network analysis reads of an incident's plumes ({@link PlumeOverlay}): the current plume
 * and the latest forecast, read in the analysis' own connection. A plume is computed again from its
 * stored inputs, and a forecast's reach per institution read from its stored result, once per stored
 * id (both never change), so a read of the analysis costs one small query. Safe for concurrent use.
 */
public final class PlumeOverlays {
    /** Plumes and forecasts kept: those of a few dozen incidents. */
    private static final int CACHED = 32;

    private final Map<Long, Computed> plumes = lru();
    private final Map<Long, Reaches> forecasts = lru();

    /** A computed plume and the box around its zones and confidence areas, outside which nothing is threatened. */
    record Computed(PlumeInfo info, Plume plume, Envelope extent) {}

    /** A forecast: what it is, and how it reaches each institution it reaches, by institution id. */
    record Reaches(ForecastInfo info, Map<String, ForecastReach> byInstitution) {}

    /** The current plume and the latest forecast of the incident (either may be absent). */
    public PlumeOverlay load(Connection c, long incidentId) throws SQLException {
        return load(c, incidentId, null);
    }

    /** The plume current at {@code at} and the latest forecast made by then (now when null). */
    public PlumeOverlay load(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        Long plumeId = null;
        Long forecastId = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT p.id FROM plume p WHERE p.incident_id = ?"
                + " AND (?::timestamptz IS NULL AND p.replaced_at IS NULL OR p.created_at <= ? AND (p.replaced_at IS NULL OR p.replaced_at > ?))),"
                + " (SELECT max(f.id) FROM plume_forecast f WHERE f.incident_id = ? AND (?::timestamptz IS NULL OR f.created_at <= ?))")) {
            ps.setLong(1, incidentId);
            ps.setObject(2, at);
            ps.setObject(3, at);
            ps.setObject(4, at);
            ps.setLong(5, incidentId);
            ps.setObject(6, at);
            ps.setObject(7, at);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    plumeId = (Long) rs.getObject(1);
                    forecastId = (Long) rs.getObject(2);
                }
            }
        }
        return new PlumeOverlay(plumeId == null ? null : plume(c, plumeId), forecastId == null ? null : forecast(c, forecastId));
    }

    private Computed plume(Connection c, long id) throws SQLException {
        Computed cached = plumes.get(id);
        if (cached != null) return cached;
        try (PreparedStatement ps = c.prepareStatement("SELECT method, substance, created_at, inputs::text FROM plume WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                Plume plume = Plumes.compute(PlumeRequest.parse(rs.getString(4)).input());
                Envelope extent = new Envelope();
                for (PlumeZone zone : plume.zones()) if (!zone.isEmpty()) extent.expandToInclude(zone.area().getEnvelopeInternal());
                for (ConfidenceLine line : plume.confidence()) extent.expandToInclude(line.area().getEnvelopeInternal());
                Computed computed = new Computed(new PlumeInfo(id, rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        plume.arrivalSpeed(), plume.limits(), plume.warnings()), plume, extent);
                plumes.put(id, computed);
                return computed;
            }
        }
    }

    private Reaches forecast(Connection c, long id) throws SQLException {
        Reaches cached = forecasts.get(id);
        if (cached != null) return cached;
        // Only the hours' times and the institutions: the hourly plumes (most of the stored result) stay in the database.
        try (PreparedStatement ps = c.prepareStatement("SELECT created_at, (SELECT coalesce(jsonb_agg(h -> 'time'), '[]') FROM"
                + " jsonb_array_elements(result -> 'hours') h)::text, (result -> 'institutions')::text FROM plume_forecast WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                List<Instant> hours = new ArrayList<>();
                for (JsonNode hour : Json.tree(rs.getString(2))) hours.add(Instant.parse(hour.asText()));
                Map<String, ForecastReach> reaches = new HashMap<>();
                for (JsonNode i : Json.tree(rs.getString(3))) {
                    reaches.put(i.path("id").asText(), new ForecastReach(Instant.parse(i.path("firstAffected").asText()),
                            ZoneLevel.valueOf(i.path("firstZone").asText()), ZoneLevel.valueOf(i.path("worstZone").asText()),
                            Instant.parse(i.path("worstFrom").asText())));
                }
                Reaches read = new Reaches(new ForecastInfo(id, rs.getObject(1, OffsetDateTime.class), List.copyOf(hours), reaches.size()),
                        Map.copyOf(reaches));
                forecasts.put(id, read);
                return read;
            }
        }
    }

    private static <V> Map<Long, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > CACHED;
            }
        });
    }
}

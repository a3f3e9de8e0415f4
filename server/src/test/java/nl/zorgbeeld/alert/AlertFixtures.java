package nl.zorgbeeld.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.TestDatabase;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Institutions and picture elements of the alert tests, in RD New, on a stretch of sea of their own
 * (no real institution is near) and in a safety region code of their own ({@link #REGION}), since
 * the test database is shared with other test classes.
 */
final class AlertFixtures {
    static final String RD = "<http://www.opengis.net/def/crs/EPSG/0/28992>";
    static final String REGION = "VRALRT";
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private AlertFixtures() {}

    record Place(String id, String name, String type, double x, double y) {}

    /** Replaces the institutions whose id starts with {@code prefix} by {@code places}, in {@link #REGION}. */
    static void institutions(String prefix, List<Place> places) {
        institutions(prefix, places, REGION);
    }

    /**
     * The same in {@code region}: an institution's own routes (/api/institutions/{id}/...) answer 404 to
     * users whose organisation's region is not the institution's, so institutions whose coordinator
     * sets a warning distance lie in the coordinator's region.
     */
    static void institutions(String prefix, List<Place> places, String region) {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM institution WHERE id LIKE ?")) {
                ps.setString(1, prefix + "%");
                ps.executeUpdate();
            }
            String sql = "INSERT INTO institution (id, type, name, organisation, phone, email, connected, region_code, source, geom)"
                    + " VALUES (?, ?, ?, ?, '0113 123 456', 'info@example.nl', false, ?, 'alarmtest', ST_SetSRID(ST_MakePoint(?, ?), 28992))";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Place p : places) {
                    ps.setString(1, p.id());
                    ps.setString(2, p.type());
                    ps.setString(3, p.name());
                    ps.setString(4, p.name() + " BV");
                    ps.setString(5, region);
                    ps.setDouble(6, p.x());
                    ps.setDouble(7, p.y());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A square of side 2 * {@code half} metres around {@code centre}. */
    static Geometry square(Coordinate centre, double half) {
        return GEOMETRY.createPolygon(new Coordinate[] {
            new Coordinate(centre.x - half, centre.y - half), new Coordinate(centre.x + half, centre.y - half),
            new Coordinate(centre.x + half, centre.y + half), new Coordinate(centre.x - half, centre.y + half),
            new Coordinate(centre.x - half, centre.y - half)});
    }

    static Geometry point(Coordinate at) {
        return GEOMETRY.createPoint(at);
    }

    /** Draws an element through the elements API (as the client's user); returns the Feature. */
    static JsonNode draw(JsonClient client, long incident, String kind, Map<String, Object> extra, Geometry geometry) {
        JsonClient.Response r = client.send("POST", "/api/incidents/" + incident + "/elements", feature(kind, extra, geometry),
                "Content-Crs", RD);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    /** A GeoJSON Feature of a picture element in RD New coordinates. */
    static String feature(String kind, Map<String, Object> extra, Geometry geometry) {
        GeoJsonWriter writer = new GeoJsonWriter(6);
        writer.setEncodeCRS(false);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("kind", kind);
        properties.putAll(extra);
        properties.put("source", "Alarmtest");
        properties.put("certainty", "gevalideerd");
        try {
            return "{\"type\":\"Feature\",\"properties\":" + Json.MAPPER.writeValueAsString(properties) + ",\"geometry\":"
                    + writer.write(geometry) + "}";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of an alert's recipients. */
    static List<String> recipientIds(JsonNode detail) {
        List<String> ids = new java.util.ArrayList<>();
        detail.get("recipients").forEach(r -> ids.add(r.get("institutionId").asText()));
        java.util.Collections.sort(ids);
        return ids;
    }
}

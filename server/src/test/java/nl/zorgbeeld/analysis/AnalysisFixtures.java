package nl.zorgbeeld.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Institutions and picture elements of the analysis tests, in RD New. Each test class uses its own
 * id prefix and its own stretch of sea (no real institution is near), since the test database is
 * shared with other test classes and some of them truncate the institution table.
 */
final class AnalysisFixtures {
    static final String RD = "<http://www.opengis.net/def/crs/EPSG/0/28992>";

    private AnalysisFixtures() {}

    /** A test institution at RD (x, y). */
    record Place(String id, String name, String type, boolean connected, String organisation, double x, double y) {
        Place(String id, double x, double y) {
            this(id, id, "vvt", false, null, x, y);
        }
    }

    /** Replaces the institutions whose id starts with {@code prefix} by {@code places}. */
    static void institutions(String prefix, List<Place> places) {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM institution WHERE id LIKE ?")) {
                ps.setString(1, prefix + "%");
                ps.executeUpdate();
            }
            String sql = "INSERT INTO institution (id, type, name, organisation, phone, email, street, house_number, postcode, city,"
                    + " connected, region_code, source, geom) VALUES (?, ?, ?, ?, '030 123 45 67', 'zorg@example.nl', 'Dijk', '1',"
                    + " '1234 AB', 'Zee', ?, 'VRTEST', 'analysetest', ST_SetSRID(ST_MakePoint(?, ?), 28992))";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Place p : places) {
                    ps.setString(1, p.id());
                    ps.setString(2, p.type());
                    ps.setString(3, p.name());
                    ps.setString(4, p.organisation());
                    ps.setBoolean(5, p.connected());
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

    /** A GeoJSON Feature of a picture element with RD New coordinates. */
    static String feature(String kind, String zone, String label, Geometry geometry) {
        GeoJsonWriter writer = new GeoJsonWriter(6);
        writer.setEncodeCRS(false);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("kind", kind);
        if (zone != null) properties.put("zone", zone);
        if (label != null) properties.put("label", label);
        properties.put("source", "Analysetest");
        properties.put("certainty", "gevalideerd");
        try {
            return "{\"type\":\"Feature\",\"properties\":" + Json.MAPPER.writeValueAsString(properties)
                    + ",\"geometry\":" + writer.write(geometry) + "}";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(TestServer server, String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return server.send(b.build());
    }

    /** Draws an element in the incident through the elements API; returns the created Feature. */
    static JsonNode draw(TestServer server, long incident, String kind, String zone, String label, Geometry geometry) {
        HttpResponse<String> r = send(server, "POST", "/api/incidents/" + incident + "/elements", feature(kind, zone, label, geometry),
                "Content-Crs", RD);
        assertEquals(201, r.statusCode(), r.body());
        return Json.tree(r.body());
    }

    static JsonNode json(HttpResponse<String> r) {
        return Json.tree(r.body());
    }

    static Coordinate at(Coordinate origin, double dx, double dy) {
        return new Coordinate(origin.x + dx, origin.y + dy);
    }
}

package nl.zorgbeeld.analysis;

import static nl.zorgbeeld.analysis.AnalysisFixtures.draw;
import static nl.zorgbeeld.analysis.AnalysisFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.analysis.AnalysisFixtures.Place;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Hand-computed cases through the API against real PostGIS, in RD New around a point at sea (O):
 * an incident location at O, an incident area of ±500 m around it, an AGW zone east of it with a
 * hole, and an LBW multipolygon of two squares inside the AGW zone.
 */
class AnalysisCasesTest {
    private static final String PREFIX = "anacase:";
    private static final double OX = 20_000;
    private static final double OY = 600_000;
    private static TestServer server;
    private static long incident;
    private static String lbwId;
    private static String agwId;
    private static String areaId;

    @BeforeAll
    static void setUp() throws ParseException {
        server = TestServer.start();
        incident = TestIncidents.create("Analyse: handberekende gevallen", "actief");
        AnalysisFixtures.institutions(PREFIX, List.of(
                place("on-ring", 0, 1000),            // 500 m north of the area's edge: on the 500 m ring
                place("past-ring", 0, 1000.5),        // 500.5 m: the next ring
                place("corner", -800, -900),          // 300 m west and 400 m south of the area's corner: 500 m
                place("in-hole", 1500, 0),            // in the AGW zone's hole: 100 m from its inner edge
                place("two-zones", 1250, 350),        // in the first LBW square, which lies in the AGW zone
                place("second-part", 1750, -350),     // in the second LBW square
                place("agw-only", 1100, 0),
                place("in-area", 100, 100),
                place("area-edge", 500, 0),           // on the area's boundary: inside
                place("five-km", -5500, 0),           // exactly 5,000 m west of the area
                place("too-far", 0, 6000.5)));        // 5,500.5 m north of the area
        lbwId = draw(server, incident, "effectgebied", "LBW", "Pluim LBW",
                geometry("MULTIPOLYGON (((1200 300, 1300 300, 1300 400, 1200 400, 1200 300)),"
                        + " ((1700 -400, 1800 -400, 1800 -300, 1700 -300, 1700 -400)))")).get("id").asText();
        agwId = draw(server, incident, "effectgebied", "AGW", "Pluim AGW",
                geometry("POLYGON ((1000 -500, 2000 -500, 2000 500, 1000 500, 1000 -500),"
                        + " (1400 -100, 1400 100, 1600 100, 1600 -100, 1400 -100))")).get("id").asText();
        areaId = draw(server, incident, "incidentgebied", null, "Brandhaard",
                geometry("POLYGON ((-500 -500, 500 -500, 500 500, -500 500, -500 -500))")).get("id").asText();
        draw(server, incident, "incidentlocatie", null, null, geometry("POINT (0 0)"));
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private static Place place(String name, double dx, double dy) {
        return new Place(PREFIX + name, name, "vvt", false, null, OX + dx, OY + dy);
    }

    /** A WKT geometry relative to O, moved to O. */
    private static Geometry geometry(String wkt) throws ParseException {
        Geometry g = new WKTReader(new GeometryFactory()).read(wkt);
        g.apply((org.locationtech.jts.geom.CoordinateFilter) (Coordinate c) -> {
            c.x += OX;
            c.y += OY;
        });
        g.geometryChanged();
        return g;
    }

    /** The test's own institutions in the answer, by short name, in the order given. */
    private static Map<String, JsonNode> ours(JsonNode analysis) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (JsonNode item : analysis.get("institutions")) {
            String id = item.path("institution").path("id").asText();
            if (id.startsWith(PREFIX)) found.put(id.substring(PREFIX.length()), item);
        }
        return found;
    }

    @Test
    void eachCaseGetsItsMostSevereZoneAndExactDistance() {
        var response = server.get("/api/incidents/" + incident + "/affected");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, JsonNode> found = ours(json(response));

        assertEquals(List.of("second-part", "two-zones", "agw-only", "area-edge", "in-area", "in-hole", "corner", "on-ring",
                "past-ring", "five-km"), new ArrayList<>(found.keySet()), "severity first, then distance, then name");
        expect(found, "two-zones", "LBW", 0, lbwId);
        expect(found, "second-part", "LBW", 0, lbwId);
        expect(found, "agw-only", "AGW", 0, agwId);
        expect(found, "in-area", "incidentgebied", 0, areaId);
        expect(found, "area-edge", "incidentgebied", 0, areaId);
        expect(found, "in-hole", "ring:500", 100, agwId);
        expect(found, "corner", "ring:500", 500, areaId);
        expect(found, "on-ring", "ring:500", 500, areaId);
        expect(found, "past-ring", "ring:1000", 500.5, areaId);
        expect(found, "five-km", "ring:5000", 5000, areaId);
        assertFalse(found.containsKey("too-far"));

        JsonNode item = found.get("two-zones");
        assertEquals("Effectgebied LBW", item.path("zone").path("label").asText());
        assertEquals(0, item.path("zone").path("severity").asInt());
        assertFalse(item.path("institution").path("connected").asBoolean());
        assertEquals("030 123 45 67", item.path("institution").path("phone").asText());
        assertEquals("Dijk 1, 1234 AB Zee", item.path("institution").path("address").asText());
        assertEquals("te_beoordelen", item.path("status").path("status").asText());
        assertEquals("Binnen 500 m", found.get("on-ring").path("zone").path("label").asText());
    }

    private static void expect(Map<String, JsonNode> found, String name, String zone, double distance, String elementId) {
        JsonNode item = found.get(name);
        assertNotNull(item, name + " is affected");
        assertEquals(zone, item.path("zone").path("key").asText(), name);
        assertEquals(distance, item.path("distance").asDouble(), 0.05, name);
        assertEquals(elementId, item.path("element").path("id").asText(), name + " is affected by that element");
    }

    @Test
    void ringsGivenInTheRequestReplaceTheDefault() {
        Map<String, JsonNode> found = ours(json(server.get("/api/incidents/" + incident + "/affected?rings=100,499.9")));
        expect(found, "in-hole", "ring:100", 100, agwId);
        assertFalse(found.containsKey("on-ring"), "500 m is beyond the largest ring");
        assertFalse(found.containsKey("corner"));
        assertEquals(6, found.size(), "five inside the zones and the area, one within 100 m");
    }

    @Test
    void summaryCountsPerZoneAndType() {
        JsonNode summary = json(server.get("/api/incidents/" + incident + "/affected")).get("summary");
        Map<String, Integer> zones = new LinkedHashMap<>();
        for (JsonNode zone : summary.get("zones")) zones.put(zone.path("zone").path("key").asText(), zone.path("count").asInt());
        assertEquals(List.of("LBW", "AGW", "incidentgebied", "ring:500", "ring:1000", "ring:5000"), new ArrayList<>(zones.keySet()));
        assertEquals(2, zones.get("LBW"));
        assertEquals(3, zones.get("ring:500"));
        assertEquals(10, summary.path("types").path("vvt").asInt());
        assertEquals(10, summary.path("notConnected").asInt());
        assertEquals(10, summary.path("callList").asInt());
    }
}

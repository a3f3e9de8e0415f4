package nl.zorgbeeld.analysis;

import static nl.zorgbeeld.analysis.AnalysisFixtures.draw;
import static nl.zorgbeeld.analysis.AnalysisFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.zorgbeeld.analysis.AnalysisFixtures.Place;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * "Mijn blootstelling": zone, distance and direction to the nearest hazard in Dutch words. An AGW
 * zone of 1 km square at O with an LBW zone inside it; locations south-west, inside and far east.
 */
class ExposureApiTest {
    private static final String PREFIX = "anaexp:";
    private static final double OX = 60_000;
    private static final double OY = 520_000;
    private static final String ORGANISATION = "Zorggroep Zee";
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static TestServer server;
    private static long incident;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        double diagonal = 1800 / Math.sqrt(2);
        AnalysisFixtures.institutions(PREFIX, List.of(
                new Place(PREFIX + "zuidwest", "Verpleeghuis Zuidwest", "vvt", false, ORGANISATION, OX - diagonal, OY - diagonal),
                new Place(PREFIX + "binnen", "Woonzorg Binnen", "ghz", false, "Stichting Binnen", OX + 500, OY + 400),
                new Place(PREFIX + "ver", "Verpleeghuis Ver", "vvt", false, ORGANISATION, OX + 21_000, OY + 500)));
        incident = TestIncidents.create("Blootstelling", "actief");
        draw(server, incident, "effectgebied", "AGW", "Pluim", GEOMETRY.toGeometry(new Envelope(OX, OX + 1000, OY, OY + 1000)));
        draw(server, incident, "effectgebied", "LBW", "Pluim", GEOMETRY.toGeometry(new Envelope(OX + 400, OX + 600, OY + 700, OY + 900)));
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private static String exposure(String query) {
        return "/api/incidents/" + incident + "/exposure?" + query;
    }

    private static JsonNode location(JsonNode result, String id) {
        for (JsonNode location : result.get("locations")) {
            if (location.path("institution").path("id").asText().equals(PREFIX + id)) return location;
        }
        throw new AssertionError("no location " + id + " in " + result);
    }

    @Test
    void outsideTheZonesDistanceAndDirectionToTheNearestHazard() {
        HttpResponse<String> r = server.get(exposure("institution=" + PREFIX + "zuidwest"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode location = location(json(r), "zuidwest");
        assertEquals("1,8 km ten zuidwesten van het effectgebied AGW", location.path("description").asText());
        assertEquals(1800, location.path("distance").asDouble(), 0.05);
        assertEquals("ring:2000", location.path("zone").path("key").asText());
        assertEquals("zuidwesten", location.path("nearest").path("direction").asText());
        assertEquals(225, location.path("nearest").path("bearing").asDouble(), 0.1);
        assertEquals("AGW", location.path("nearest").path("element").path("zone").asText());
    }

    @Test
    void insideAZoneItsZoneAndTheNearestMoreSevereOne() {
        JsonNode location = location(json(server.get(exposure("institution=" + PREFIX + "binnen"))), "binnen");
        assertEquals("AGW", location.path("zone").path("key").asText());
        assertEquals(0, location.path("distance").asDouble());
        assertEquals("Binnen het effectgebied AGW; 300 m ten zuiden van het effectgebied LBW", location.path("description").asText());
    }

    @Test
    void anOrganisationSeesAllItsLocationsAlsoBeyondTheRings() {
        String query = "organisation=" + URLEncoder.encode(ORGANISATION.toLowerCase(), StandardCharsets.UTF_8);
        JsonNode result = json(server.get(exposure(query)));
        assertEquals(2, result.get("locations").size());
        JsonNode far = location(result, "ver");
        assertTrue(far.path("zone").isMissingNode(), "beyond the largest ring: no zone");
        assertEquals("20 km ten oosten van het effectgebied AGW", far.path("description").asText());
        assertEquals(2, result.get("elements").size());
    }

    @Test
    void changesSinceTheLastLookComeWithEachLocation() {
        JsonNode all = location(json(server.get(exposure("institution=" + PREFIX + "binnen"))), "binnen");
        assertFalse(all.get("changes").isEmpty(), "it became affected when the zones were drawn");
        assertEquals("nieuw", all.get("changes").get(all.get("changes").size() - 1).path("change").asText());
        JsonNode none = location(json(server.get(exposure("institution=" + PREFIX + "binnen&since=2999-01-01T00:00:00Z"))), "binnen");
        assertTrue(none.get("changes").isEmpty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''|400|institution",
        "institution=anaexp:binnen&organisation=Zorggroep%20Zee|400|institution",
        "institution=anaexp:onbekend|404|",
        "organisation=Niemand|404|",
        "institution=anaexp:binnen&rings=2000,1000|400|rings",
        "institution=anaexp:binnen&since=vorige%20week|400|since",
        "institution=anaexp:binnen&richting=noord|400|richting",
    })
    void badInputIsAJsonError(String query, int status, String where) {
        HttpResponse<String> r = server.get(exposure(query));
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        if (where != null) assertEquals(where, json(r).path("where").asText());
    }

    @Test
    void institutionsAndOrganisationsCanBeFoundByName() {
        JsonNode found = json(server.get("/api/exposure/subjects?q=" + URLEncoder.encode("zorggroep ZEE", StandardCharsets.UTF_8)));
        assertEquals(ORGANISATION, found.get("organisations").get(0).path("name").asText());
        assertEquals(2, found.get("organisations").get(0).path("locations").asInt());
        JsonNode byName = json(server.get("/api/exposure/subjects?q=Woonzorg%20Binnen"));
        assertEquals(PREFIX + "binnen", byName.get("institutions").get(0).path("id").asText());
        assertEquals(0, json(server.get("/api/exposure/subjects?q=%25%25")).get("institutions").size(), "% is no wildcard");
        assertEquals(400, server.get("/api/exposure/subjects?q=Z").statusCode());
        assertEquals(400, server.get("/api/exposure/subjects").statusCode());
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        assertEquals(404, server.get("/api/incidents/999999999/exposure?institution=" + PREFIX + "binnen").statusCode());
    }
}

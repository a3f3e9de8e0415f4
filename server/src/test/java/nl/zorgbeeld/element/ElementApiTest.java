package nl.zorgbeeld.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The geographic picture over HTTP: versioned elements, validation, CRS, optimistic locking. */
class ElementApiTest {
    private static final String AREA = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"incidentgebied\",\"label\":\"Brandhaard\","
            + "\"source\":\"HIn GHOR\",\"certainty\":\"gevalideerd\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[5.10,52.08],[5.13,52.08],[5.13,52.10],[5.10,52.10],[5.10,52.08]]]}}";
    private static TestServer server;
    private static long incident;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        incident = TestIncidents.create("Elementen-test", "actief");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String base() {
        return base(incident);
    }

    private static String base(long incidentId) {
        return "/api/incidents/" + incidentId + "/elements";
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/geo+json");
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return server.send(b.build());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.tree(r.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long stored() {
        return Sql.count("SELECT count(*) FROM picture_element WHERE incident_id = ?", incident);
    }

    @Test
    void createReadReplaceDeleteWithHistory() throws Exception {
        long own = TestIncidents.create("Versies-test", "actief");
        String base = base(own);
        HttpResponse<String> created = send("POST", base, AREA);
        assertEquals(201, created.statusCode(), created.body());
        String id = json(created).get("id").asText();
        assertEquals(base + "/" + id, created.headers().firstValue("Location").orElseThrow());
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());
        assertEquals("Hanna Informatie", json(created).path("properties").path("author").asText());
        // Moments are taken from the database's own clock, as stored: no waiting, no second clock.
        String firstVersionFrom = json(created).path("properties").path("validFrom").asText();

        HttpResponse<String> noIfMatch = send("PUT", base + "/" + id, AREA.replace("Brandhaard", "Brandhaard groter"));
        assertEquals(428, noIfMatch.statusCode());
        String moved = AREA.replace("Brandhaard", "Brandhaard groter").replace("5.13", "5.15");
        HttpResponse<String> replaced = send("PUT", base + "/" + id, moved, "If-Match", "\"1\"");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals("\"2\"", replaced.headers().firstValue("ETag").orElseThrow());
        assertEquals(2, json(replaced).path("properties").path("version").asInt());
        String secondVersionFrom = json(replaced).path("properties").path("validFrom").asText();

        HttpResponse<String> stale = send("PUT", base + "/" + id, AREA, "If-Match", "\"1\"");
        assertEquals(412, stale.statusCode());
        assertEquals("Brandhaard groter", json(stale).path("current").path("properties").path("label").asText(),
                "a lost update is refused and the current version is sent back");

        JsonNode then = json(server.get(base + "?at=" + encode(firstVersionFrom)));
        assertEquals(1, then.get("features").size());
        assertEquals("Brandhaard", then.get("features").get(0).path("properties").path("label").asText());
        assertEquals(5.13, then.get("features").get(0).path("geometry").path("coordinates").get(0).get(1).get(0).asDouble(), 1e-6);

        assertEquals(412, send("DELETE", base + "/" + id, null, "If-Match", "\"1\"").statusCode());
        assertEquals(204, send("DELETE", base + "/" + id, null, "If-Match", "\"2\"").statusCode());
        assertEquals(404, server.get(base + "/" + id).statusCode());
        assertFalse(server.get(base).body().contains(id), "ended elements leave the current map");
        assertTrue(server.get(base + "?at=" + encode(secondVersionFrom)).body().contains("Brandhaard groter"), "and stay in history");
        JsonNode versions = json(server.get(base + "/" + id + "/versions"));
        assertEquals(2, versions.get("features").size());
        assertFalse(versions.get("features").get(1).path("properties").path("validTo").isNull());
        assertTrue(Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ? AND subject = ?", own, "element:" + id) == 3,
                "create, update and delete are on the incident's timeline");
    }

    @Test
    void speaksRdNewOnRequest() {
        String point = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"meetpunt\",\"source\":\"Meetploeg 2\",\"certainty\":\"gevalideerd\","
                + "\"substance\":\"ammoniak\",\"value\":12.5,\"unit\":\"mg/m3\",\"measuredAt\":\"2026-11-23T10:15:00+01:00\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[155000,463000]}}";
        HttpResponse<String> created = send("POST", base(), point, "Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/28992>");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode wgs84 = json(created).path("geometry").path("coordinates");
        assertEquals(5.387, wgs84.get(0).asDouble(), 0.001, "Amersfoort is at the RD origin's east");
        assertEquals(52.155, wgs84.get(1).asDouble(), 0.001);
        HttpResponse<String> rd = server.get(base() + "/" + json(created).get("id").asText() + "?crs=http://www.opengis.net/def/crs/EPSG/0/28992");
        assertEquals("<http://www.opengis.net/def/crs/EPSG/0/28992>", rd.headers().firstValue("Content-Crs").orElseThrow());
        assertEquals(155000, json(rd).path("geometry").path("coordinates").get(0).asDouble(), 0.01);
        assertEquals(12.5, json(rd).path("properties").path("value").asDouble());
        JsonNode inBox = json(server.get(base() + "?kind=meetpunt&bbox=154000,462000,156000,464000&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/28992"));
        assertEquals(1, inBox.get("features").size());
    }

    @Test
    void repairsAnInvalidPolygonOnlyWhenAsked() {
        String bowTie = AREA.replace("[[[5.10,52.08],[5.13,52.08],[5.13,52.10],[5.10,52.10],[5.10,52.08]]]",
                "[[[5.10,52.08],[5.13,52.10],[5.13,52.08],[5.10,52.10],[5.10,52.08]]]");
        long before = stored();
        HttpResponse<String> refused = send("POST", base(), bowTie);
        assertEquals(400, refused.statusCode());
        assertTrue(json(refused).get("detail").asText().contains("Self-intersection at (5.11"), refused.body());
        assertEquals(before, stored());
        HttpResponse<String> repaired = send("POST", base() + "?repair=true", bowTie);
        assertEquals(201, repaired.statusCode(), repaired.body());
        assertEquals("MultiPolygon", json(repaired).path("geometry").path("type").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "geometry type does not fit the kind|\"type\":\"Polygon\"|\"type\":\"Point\"|geometry.type",
        "unclosed ring|[5.10,52.10],[5.10,52.08]]]|[5.10,52.10],[5.10,52.081]]]|geometry.coordinates[0]",
        "swapped latitude and longitude|[[[5.10,52.08],[5.13,52.08],[5.13,52.10],[5.10,52.10],[5.10,52.08]]]|[[[52.08,5.10],[52.08,5.13],[52.10,5.13],[52.10,5.10],[52.08,5.10]]]|geometry",
        "RD metres sent as degrees|[[[5.10,52.08],[5.13,52.08],[5.13,52.10],[5.10,52.10],[5.10,52.08]]]|[[[136000,455000],[137000,455000],[137000,456000],[136000,455000]]]|geometry.coordinates[0][0]",
        "outside the Netherlands|[[[5.10,52.08],[5.13,52.08],[5.13,52.10],[5.10,52.10],[5.10,52.08]]]|[[[2.30,48.80],[2.40,48.80],[2.40,48.90],[2.30,48.80]]]|geometry",
        "missing source|\"source\":\"HIn GHOR\",|''|properties.source",
        "unknown certainty|\"certainty\":\"gevalideerd\"|\"certainty\":\"zeker\"|properties.certainty",
        "unknown kind|\"kind\":\"incidentgebied\"|\"kind\":\"vulkaan\"|properties.kind",
        "unknown property|\"label\":\"Brandhaard\"|\"label\":\"Brandhaard\",\"kleur\":\"rood\"|properties.kleur",
        "label too long|\"label\":\"Brandhaard\"|\"label\":\"LONG\"|properties.label",
        "text where a position belongs|[5.10,52.08],[5.13,52.08]|[\"5.10\",52.08],[5.13,52.08]|geometry.coordinates[0][0]",
        "effect zone without zone|\"kind\":\"incidentgebied\"|\"kind\":\"effectgebied\"|properties.zone",
    })
    void badInputIsA400ThatNamesTheFieldAndStoresNothing(String name, String find, String replace, String where) {
        String body = AREA.replace(find, replace.replace("LONG", "x".repeat(201)));
        long before = stored();
        HttpResponse<String> response = send("POST", base(), body);
        assertEquals(400, response.statusCode(), name + ": " + response.body());
        assertEquals(where, json(response).get("where").asText(), name + ": " + response.body());
        assertEquals(before, stored(), name + ": nothing stored");
    }

    @Test
    void otherBadRequests() {
        long before = stored();
        assertEquals(400, send("POST", base(), "{\"type\":\"Feature\",").statusCode(), "broken JSON");
        assertEquals(400, send("POST", base(), AREA, "Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/3857>").statusCode());
        assertEquals(400, send("POST", base(), AREA, "Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/28992>").statusCode(),
                "degrees declared as RD New");
        StringBuilder huge = new StringBuilder("[[");
        for (int i = 0; i < 25_000; i++) huge.append("[5.1").append(i % 10).append(",52.1],");
        huge.append("[5.10,52.1]]]");
        HttpResponse<String> tooMany = send("POST", base(), AREA.replace("[[[5.10,52.08],[5.13,52.08],[5.13,52.10],[5.10,52.10],[5.10,52.08]]]", huge.toString()));
        assertEquals(400, tooMany.statusCode());
        assertTrue(json(tooMany).get("detail").asText().contains("too many vertices"));
        HttpResponse<String> tooLarge = send("POST", base(), AREA.replace("Brandhaard", "x".repeat(2_100_000)));
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertEquals(400, server.get(base() + "?kind=vulkaan").statusCode());
        assertEquals(400, server.get(base() + "?kind=incidentgebied%27%3B%20DROP%20TABLE%20picture_element%3B--").statusCode());
        assertEquals(400, server.get(base() + "?at=gisteren").statusCode());
        assertEquals(400, server.get(base() + "?bbox=1,2,3").statusCode());
        assertEquals(400, server.get(base() + "?limit=-5").statusCode());
        assertEquals(400, server.get(base() + "?crs=EPSG:3857").statusCode());
        assertEquals(404, server.get("/api/incidents/987654321/elements").statusCode());
        assertEquals(404, send("POST", "/api/incidents/987654321/elements", AREA).statusCode());
        assertEquals(404, server.get(base() + "/not-a-uuid").statusCode());
        assertEquals(before, stored());
    }

    @Test
    void aClosedIncidentIsReadOnly() {
        long closed = TestIncidents.create("Gesloten incident", "gesloten");
        HttpResponse<String> response = send("POST", "/api/incidents/" + closed + "/elements", AREA);
        assertEquals(409, response.statusCode());
        assertEquals("Conflict", json(response).get("code").asText());
        assertEquals(200, server.get("/api/incidents/" + closed + "/elements").statusCode());
        assertEquals(0, Sql.count("SELECT count(*) FROM picture_element WHERE incident_id = ?", closed));
    }
}

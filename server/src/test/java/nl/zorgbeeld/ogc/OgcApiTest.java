package nl.zorgbeeld.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.Fixtures;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OGC API - Features Parts 1, 2 and 4 at /ogc, through the production routes. */
class OgcApiTest {
    private static final String RD = "http://www.opengis.net/def/crs/EPSG/0/28992";
    private static final String POINT = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"opvanglocatie\",\"label\":\"Sporthal De Brug\","
            + "\"source\":\"Gemeente\",\"certainty\":\"gevalideerd\",\"capacity\":200,\"occupancy\":15,\"facilities\":\"bedden, EHBO\"},"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[5.12,52.09]}}";
    private static TestServer server;
    private static long incident;

    @BeforeAll
    static void start() {
        Fixtures.loadReferenceSet();
        incident = TestIncidents.create("OGC-test", "actief");
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.tree(r.body());
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/geo+json")
                .header("X-Zorgbeeld-Author", "GAGS")
                .header("X-Zorgbeeld-Organisation", "GHOR");
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return server.send(b.build());
    }

    @Test
    void landingPageConformanceAndApiDefinition() {
        JsonNode landing = json(server.get("/ogc"));
        Set<String> rels = new HashSet<>();
        landing.get("links").forEach(l -> rels.add(l.get("rel").asText()));
        assertTrue(rels.containsAll(List.of("self", "service-desc", "conformance", "data")), rels.toString());
        String conformance = server.get("/ogc/conformance").body();
        for (String c : List.of("ogcapi-features-1/1.0/conf/core", "conf/geojson", "conf/oas30", "ogcapi-features-2/1.0/conf/crs",
                "ogcapi-features-4/1.0/conf/create-replace-delete")) {
            assertTrue(conformance.contains(c), c);
        }
        HttpResponse<String> api = server.get("/ogc/api");
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.oai.openapi+json"));
        JsonNode params = json(api).path("components").path("parameters");
        assertEquals(1, params.path("limit").path("schema").path("minimum").asInt());
        assertEquals(10_000, params.path("limit").path("schema").path("maximum").asInt());
        assertEquals(100, params.path("limit").path("schema").path("default").asInt());
        assertEquals("form", params.path("bbox").path("style").asText());
        assertFalse(params.path("bbox").path("explode").asBoolean());
        assertEquals(4, params.path("bbox").path("schema").path("minItems").asInt());
        assertEquals("string", params.path("datetime").path("schema").path("type").asText());
        assertTrue(json(api).path("paths").has("/collections/{collectionId}/items"));
    }

    @Test
    void collectionsHoldTheReferenceLayersAndEachIncident() {
        List<String> ids = new ArrayList<>();
        json(server.get("/ogc/collections")).get("collections").forEach(c -> ids.add(c.get("id").asText()));
        assertTrue(ids.containsAll(List.of("institutions", "safety-regions", "municipalities", "provinces", "incident-" + incident)), ids.toString());
        JsonNode one = json(server.get("/ogc/collections/institutions"));
        assertTrue(one.get("crs").toString().contains(RD));
        assertEquals(404, server.get("/ogc/collections/bakkerijen").statusCode());
        assertEquals(404, server.get("/ogc/collections/incident-999999999").statusCode());
    }

    @Test
    void itemsPageWithNextLinksAndCountsThatAddUp() {
        JsonNode page = json(server.get("/ogc/collections/institutions/items?limit=2"));
        assertEquals(5, page.get("numberMatched").asInt());
        assertEquals(2, page.get("numberReturned").asInt());
        assertTrue(page.has("timeStamp"));
        Set<String> ids = new HashSet<>();
        int pages = 0;
        String next = "/ogc/collections/institutions/items?limit=2";
        while (next != null) {
            HttpResponse<String> r = server.get(next);
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
            JsonNode p = json(r);
            p.get("features").forEach(f -> ids.add(f.get("id").asText()));
            next = null;
            for (JsonNode l : p.get("links")) {
                if (l.get("rel").asText().equals("next")) next = URI.create(l.get("href").asText()).getRawPath() + "?" + URI.create(l.get("href").asText()).getRawQuery();
            }
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(5, ids.size(), "following next returns exactly numberMatched features");
        assertEquals(1, json(server.get("/ogc/collections/institutions/items?type=ziekenhuis")).get("numberMatched").asInt());
    }

    @Test
    void rdNewOutAndBboxInRdNew() {
        HttpResponse<String> r = server.get("/ogc/collections/institutions/items?crs=" + RD + "&bbox-crs=" + RD + "&bbox=135000,455000,138000,457000");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("<" + RD + ">", r.headers().firstValue("Content-Crs").orElseThrow());
        JsonNode features = json(r).get("features");
        assertEquals(2, features.size());
        double x = features.get(0).path("geometry").path("coordinates").get(0).asDouble();
        assertTrue(x > 135000 && x < 138000, "metres, not degrees: " + x);
        HttpResponse<String> item = server.get("/ogc/collections/institutions/items/ziekenhuis:T-001");
        assertEquals(200, item.statusCode());
        assertEquals("Testziekenhuis Centrum", json(item).path("properties").path("name").asText());
        assertEquals(404, server.get("/ogc/collections/institutions/items/ziekenhuis:nope").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/ogc/collections/institutions/items?bbox=1,2,3",
        "/ogc/collections/institutions/items?limit=-1",
        "/ogc/collections/institutions/items?limit=100000000",
        "/ogc/collections/institutions/items?offset=-3",
        "/ogc/collections/institutions/items?colour=red",
        "/ogc/collections/institutions/items?datetime=gisteren",
        "/ogc/collections/institutions/items?datetime=2026-11-23T10:00:00Z/2026-11-22T10:00:00Z",
        "/ogc/collections/institutions/items?crs=http://www.opengis.net/def/crs/EPSG/0/3857",
        "/ogc/collections/institutions/items?f=xml",
        "/ogc/collections/provinces/items?region=VR01",
        "/ogc/collections/provinces/items?kind=meetpunt",
        "/ogc/collections/institutions/items?type=ziekenhuis%27%3B%20DROP%20TABLE%20institution%3B--",
        "/ogc/collections/institutions/items?region=%27%20OR%201%3D1--",
    })
    void badParametersAre400(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("InvalidParameterValue", json(r).get("code").asText());
        assertEquals(5, Sql.count("SELECT count(*) FROM institution"));
    }

    @Test
    void part4CreateReplaceUpdateDeleteOnAnIncident() {
        String items = "/ogc/collections/incident-" + incident + "/items";
        HttpResponse<String> created = send("POST", items, POINT);
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getPath();
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());

        HttpResponse<String> read = server.get(path);
        assertEquals("\"1\"", read.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, json(read).path("properties").path("capacity").asInt());

        assertEquals(428, send("PUT", path, POINT.replace("De Brug", "De Boog")).statusCode());
        HttpResponse<String> replaced = send("PUT", path, POINT.replace("De Brug", "De Boog"), "If-Match", "\"1\"");
        assertEquals(200, replaced.statusCode(), replaced.body());
        HttpResponse<String> patched = send("PATCH", path, "{\"properties\":{\"occupancy\":120,\"facilities\":null}}", "If-Match", "\"2\"");
        assertEquals(200, patched.statusCode(), patched.body());
        JsonNode props = json(patched).path("properties");
        assertEquals(120, props.path("occupancy").asInt());
        assertEquals("Sporthal De Boog", props.path("label").asText(), "a merge patch keeps what it does not name");
        assertFalse(props.has("facilities"), "null removes");
        assertEquals(412, send("PATCH", path, "{\"properties\":{\"occupancy\":130}}", "If-Match", "\"2\"").statusCode());
        assertEquals(400, send("PATCH", path, "{\"properties\":{\"occupancy\":999}}", "If-Match", "\"3\"").statusCode(),
                "occupancy above capacity");

        JsonNode list = json(server.get(items));
        assertEquals(1, list.get("numberMatched").asInt());
        assertEquals(204, send("DELETE", path, null, "If-Match", "\"3\"").statusCode());
        assertEquals(0, json(server.get(items)).get("numberMatched").asInt());
        assertEquals(405, send("POST", "/ogc/collections/institutions/items", POINT).statusCode());
        assertEquals(3, Sql.count("SELECT count(*) FROM picture_element WHERE incident_id = ?", incident));
    }
}

package nl.zorgbeeld.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.Fixtures;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
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
                .header("Content-Type", "application/geo+json");
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
        for (String name : List.of("limit", "bbox", "datetime")) {
            assertEquals("form", params.path(name).path("style").asText(), name);
            assertTrue(params.path(name).has("explode") && !params.path(name).path("explode").asBoolean(true), name);
        }
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

    private static void assertLinks(JsonNode feature, String selfPath, String collectionPath) {
        Map<String, JsonNode> byRel = new HashMap<>();
        for (JsonNode l : feature.get("links")) {
            assertTrue(l.hasNonNull("href") && l.hasNonNull("rel") && l.hasNonNull("type"), l.toString());
            byRel.put(l.get("rel").asText(), l);
        }
        assertEquals(Set.of("self", "collection"), byRel.keySet(), "GeoJSON is the one format: no alternate");
        assertEquals(server.url(selfPath), byRel.get("self").get("href").asText());
        assertEquals("application/geo+json", byRel.get("self").get("type").asText());
        assertEquals(server.url(collectionPath), byRel.get("collection").get("href").asText());
        assertEquals("application/json", byRel.get("collection").get("type").asText());
        assertEquals(200, server.get(URI.create(byRel.get("self").get("href").asText()).getRawPath()
                + Optional.ofNullable(URI.create(byRel.get("self").get("href").asText()).getRawQuery()).map(q -> "?" + q).orElse("")).statusCode());
    }

    @Test
    void aSingleFeatureLinksToItselfAndItsCollection() {
        assertLinks(json(server.get("/ogc/collections/institutions/items/ziekenhuis:T-001")),
                "/ogc/collections/institutions/items/ziekenhuis%3AT-001", "/ogc/collections/institutions");
        assertLinks(json(server.get("/ogc/collections/institutions/items/ziekenhuis:T-001?crs=" + RD)),
                "/ogc/collections/institutions/items/ziekenhuis%3AT-001?crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F28992",
                "/ogc/collections/institutions");
        assertLinks(json(server.get("/ogc/collections/safety-regions/items/VR90")), "/ogc/collections/safety-regions/items/VR90",
                "/ogc/collections/safety-regions");

        long own = TestIncidents.create("OGC links", "actief");
        String items = "/ogc/collections/incident-" + own + "/items";
        HttpResponse<String> created = send("POST", items, POINT);
        assertEquals(201, created.statusCode(), created.body());
        String path = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        assertLinks(json(created), path, "/ogc/collections/incident-" + own);
        HttpResponse<String> read = server.get(path);
        assertEquals("\"1\"", read.headers().firstValue("ETag").orElseThrow());
        assertLinks(json(read), path, "/ogc/collections/incident-" + own);
        assertEquals("Sporthal De Brug", json(read).path("properties").path("label").asText());
    }

    private static Set<String> ids(JsonNode collection) {
        Set<String> ids = new HashSet<>();
        collection.get("features").forEach(f -> ids.add(f.get("id").asText()));
        return ids;
    }

    @Test
    void aBboxAcrossTheAntimeridianIsAnswered() {
        HttpResponse<String> far = server.get("/ogc/collections/institutions/items?bbox=177,65,-177,70");
        assertEquals(200, far.statusCode(), far.body());
        assertEquals(0, json(far).get("numberMatched").asInt());
        assertEquals(0, json(far).get("features").size());

        JsonNode eastOfHere = json(server.get("/ogc/collections/institutions/items?bbox=4.9,52.05,180,52.15"));
        JsonNode acrossTheWorld = json(server.get("/ogc/collections/institutions/items?bbox=4.9,52.05,-179,52.15"));
        assertFalse(ids(eastOfHere).isEmpty());
        assertEquals(ids(eastOfHere), ids(acrossTheWorld), "the western half (-180..-179) adds nothing here");
        assertEquals(ids(eastOfHere).size(), acrossTheWorld.get("numberMatched").asInt());
        assertEquals(Set.of(), ids(json(server.get("/ogc/collections/institutions/items?bbox=5.35,52.05,4.9,52.15"))),
                "from 5.35 east round the world to 4.9 misses everything between 4.9 and 5.35");
        assertEquals(5, json(server.get("/ogc/collections/institutions/items?bbox=-180,-90,180,90")).get("numberMatched").asInt(),
                "the whole world");
        assertEquals(Set.of("ziekenhuis:T-001"), ids(json(server.get("/ogc/collections/institutions/items?bbox=4.9,52.05,-10,5.0,52.15,100"))),
                "six numbers: the heights are ignored");

        HttpResponse<String> layer = server.get("/api/layers/institutions?bbox=177,65,-177,70");
        assertEquals(200, layer.statusCode(), layer.body());
        assertEquals(0, json(layer).get("features").size());
        assertEquals(ids(eastOfHere), ids(json(server.get("/api/layers/institutions?bbox=4.9,52.05,-179,52.15"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/ogc/collections/institutions/items?bbox=5,53,6,52",
        "/ogc/collections/institutions/items?bbox=5,52,181,53",
        "/ogc/collections/institutions/items?bbox=-181,52,5,53",
        "/ogc/collections/institutions/items?bbox=5,52,6,91",
        "/ogc/collections/institutions/items?bbox=5,52,6,53,7",
        "/ogc/collections/institutions/items?bbox=5,52,100,6,53,0",
        "/ogc/collections/institutions/items?bbox-crs=" + RD + "&bbox=138000,455000,135000,457000",
        "/api/layers/institutions?bbox=5,53,6,52",
        "/api/layers/institutions?bbox=5,52,190,53",
    })
    void invalidBboxesAre400NamingBbox(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("bbox", json(r).get("where").asText());
    }

    private static double[] sqlExtent(String table) {
        Map<String, Object> row = Sql.rows("SELECT ST_XMin(b) AS w, ST_YMin(b) AS s, ST_XMax(b) AS e, ST_YMax(b) AS n"
                + " FROM (SELECT ST_Extent(geom_wgs84) AS b FROM " + table + ") x").get(0);
        return new double[] {((Number) row.get("w")).doubleValue(), ((Number) row.get("s")).doubleValue(),
            ((Number) row.get("e")).doubleValue(), ((Number) row.get("n")).doubleValue()};
    }

    private static void assertBbox(double[] expected, JsonNode collection) {
        JsonNode bbox = collection.at("/extent/spatial/bbox/0");
        assertEquals(4, bbox.size(), collection.toString());
        for (int i = 0; i < 4; i++) assertEquals(expected[i], bbox.get(i).asDouble(), 1e-4, collection.toString());
        assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", collection.at("/extent/spatial/crs").asText());
    }

    @Test
    void eachCollectionHasItsOwnExtent() {
        assertBbox(sqlExtent("institution"), json(server.get("/ogc/collections/institutions")));
        assertBbox(sqlExtent("safety_region"), json(server.get("/ogc/collections/safety-regions")));
        assertBbox(new double[] {4.95, 52.05, 5.3, 52.1}, json(server.get("/ogc/collections/institutions")));
        assertFalse(json(server.get("/ogc/collections/provinces")).has("extent"), "an empty layer has no extent");
        JsonNode listed = null;
        for (JsonNode c : json(server.get("/ogc/collections")).get("collections")) if (c.get("id").asText().equals("municipalities")) listed = c;
        assertBbox(sqlExtent("municipality"), listed);

        TestDatabase.execute("INSERT INTO institution (id, type, name, connected, source, geom) VALUES"
                + " ('vvt:extent', 'vvt', 'Ver weg', false, 'test', ST_Transform(ST_SetSRID(ST_MakePoint(6.5, 53.3), 4326), 28992))");
        try {
            assertBbox(new double[] {4.95, 52.05, 6.5, 53.3}, json(server.get("/ogc/collections/institutions")));
        } finally {
            TestDatabase.execute("DELETE FROM institution WHERE id = 'vvt:extent'");
        }
        assertBbox(new double[] {4.95, 52.05, 5.3, 52.1}, json(server.get("/ogc/collections/institutions")));
    }

    @Test
    void anIncidentsExtentIsItsElementsAndItsTimeSoFar() {
        long own = TestIncidents.create("OGC extent", "actief");
        Instant started = ((java.sql.Timestamp) Sql.one("SELECT started_at FROM incident_version WHERE incident_id = ?", own)).toInstant();
        JsonNode empty = json(server.get("/ogc/collections/incident-" + own));
        assertFalse(empty.path("extent").has("spatial"), "no elements yet: no spatial extent");
        JsonNode interval = empty.at("/extent/temporal/interval/0");
        assertEquals(started, Instant.parse(interval.get(0).asText()));
        assertTrue(interval.get(1).isNull(), "open while the incident is not closed");
        assertEquals("http://www.opengis.net/def/uom/ISO-8601/0/Gregorian", empty.at("/extent/temporal/trs").asText());

        assertEquals(201, send("POST", "/ogc/collections/incident-" + own + "/items", POINT).statusCode());
        assertEquals(201, send("POST", "/ogc/collections/incident-" + own + "/items", POINT.replace("[5.12,52.09]", "[5.3,52.2]")).statusCode());
        assertBbox(new double[] {5.12, 52.09, 5.3, 52.2}, json(server.get("/ogc/collections/incident-" + own)));

        long closed = TestIncidents.create("OGC extent closed", "gesloten");
        JsonNode end = json(server.get("/ogc/collections/incident-" + closed)).at("/extent/temporal/interval/0/1");
        assertFalse(end.isNull(), "a closed incident's time has an end");
        assertEquals(((java.sql.Timestamp) Sql.one("SELECT recorded_at FROM incident_version WHERE incident_id = ?", closed)).toInstant(),
                Instant.parse(end.asText()));
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

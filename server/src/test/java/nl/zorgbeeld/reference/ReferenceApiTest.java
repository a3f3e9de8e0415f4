package nl.zorgbeeld.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.Fixtures;
import nl.zorgbeeld.testing.NoServerPaths;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference layers over HTTP, through the production routes on a real server. */
class ReferenceApiTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        Fixtures.loadReferenceSet();
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.get("features").forEach(f -> names.add(f.path("properties").path("name").asText()));
        return names;
    }

    @Test
    void healthReportsDatabasePostgisAndLayerCounts() {
        HttpResponse<String> response = server.get("/health");
        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals("ok", body.get("status").asText());
        assertTrue(body.get("postgis").asText().startsWith("3."));
        assertEquals(5, body.path("layers").path("institutions").asLong());
        assertEquals(2, body.path("layers").path("safety-regions").asLong());
        assertEquals(3, body.path("layers").path("municipalities").asLong());
        assertFalse(body.get("demoData").asBoolean());
        assertFalse(response.headers().firstValue("X-Request-Id").orElse("").isEmpty());
    }

    @Test
    void institutionsAreRfc7946GeoJsonInWgs84() {
        HttpResponse<String> response = server.get("/api/layers/institutions");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
        JsonNode body = json(response);
        assertEquals("FeatureCollection", body.get("type").asText());
        assertEquals(5, body.get("features").size());
        JsonNode hospital = null;
        for (JsonNode f : body.get("features")) if ("ziekenhuis:T-001".equals(f.get("id").asText())) hospital = f;
        assertEquals("Point", hospital.path("geometry").path("type").asText());
        assertEquals(4.95, hospital.path("geometry").path("coordinates").get(0).asDouble(), 1e-5);
        assertEquals(52.10, hospital.path("geometry").path("coordinates").get(1).asDouble(), 1e-5);
        assertEquals("ziekenhuis", hospital.path("properties").path("type").asText());
        assertEquals("VR90", hospital.path("properties").path("regionCode").asText());
        assertTrue(hospital.path("properties").path("connected").asBoolean());
    }

    @Test
    void filtersByTypeRegionAndBbox() {
        assertEquals(List.of("Testziekenhuis Centrum"), names(json(server.get("/api/layers/institutions?type=ziekenhuis"))));
        assertEquals(2, json(server.get("/api/layers/institutions?type=ziekenhuis,apotheek")).get("features").size());
        assertEquals(List.of("Ambulancepost Oost"), names(json(server.get("/api/layers/institutions?region=VR91"))));
        assertEquals(List.of("Testziekenhuis Centrum"), names(json(server.get("/api/layers/institutions?bbox=4.9,52.05,5.0,52.15"))));
        assertEquals(1, json(server.get("/api/layers/institutions?limit=1")).get("features").size());
        assertEquals(List.of("Testgemeente Drie"), names(json(server.get("/api/layers/municipalities?region=VR91"))));
        assertEquals(List.of("Testregio Oost"), names(json(server.get("/api/layers/safety-regions?region=VR91"))));
    }

    @Test
    void countriesAndVocabularyAreServed() {
        JsonNode countries = json(server.get("/api/layers/countries"));
        assertEquals(4, countries.get("features").size());
        JsonNode types = json(server.get("/api/vocabularies/institution-types")).get("types");
        assertEquals(11, types.size());
        JsonNode first = types.get(0);
        assertEquals("ziekenhuis", first.get("code").asText());
        assertEquals(1, first.get("count").asLong());
        JsonNode sources = json(server.get("/api/reference/sources"));
        assertTrue(sources.size() >= 3);
        assertTrue(sources.toString().contains("CC BY 4.0"));
    }

    @Test
    void sourcesAreNamedWithTheirLicenceNeverAsAServerPath() {
        assertTrue(NoServerPaths.looksLikeAPath(Fixtures.pathText("reference/instellingen_test.geojson")), "the check itself works");
        assertFalse(NoServerPaths.looksLikeAPath("TNO/RIVM (2019)"));
        assertTrue(NoServerPaths.assertNone(server) >= 10);

        JsonNode hospital = json(server.get("/ogc/collections/institutions/items/ziekenhuis:T-001")).get("properties");
        assertEquals("Eigen register (instellingen_test.geojson)", hospital.get("source").asText());
        assertEquals("eigen gegevens", hospital.get("licence").asText());
        JsonNode region = json(server.get("/api/layers/safety-regions?region=VR90")).at("/features/0/properties");
        assertEquals("© CBS, Kadaster (CC BY 4.0)", region.get("source").asText());
        assertEquals("CC BY 4.0", region.get("licence").asText());
        List<String> names = new ArrayList<>();
        json(server.get("/api/reference/sources")).forEach(s -> names.add(s.get("source").asText()));
        assertTrue(names.containsAll(List.of("instellingen_test.geojson", "instellingen_rd.csv", "veiligheidsregios_test.geojson")), names.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/layers/institutions?bbox=1,2,3|bbox|four numbers",
        "/api/layers/institutions?bbox=5,52,a,53|bbox|not a number",
        "/api/layers/institutions?bbox=5,53,4,52|bbox|must not exceed",
        "/api/layers/institutions?type=bakkerij|type|unknown institution type",
        "/api/layers/institutions?limit=-1|limit|between 1 and",
        "/api/layers/institutions?limit=999999999|limit|between 1 and",
        "/api/layers/institutions?limit=ten|limit|whole number",
        "/api/layers/institutions?colour=red|colour|Unknown query parameter",
        "/api/layers/municipalities?type=ziekenhuis|type|only the institutions layer",
        "/api/layers/institutions?region=VR01%27%3B%20DROP%20TABLE%20institution%3B--|region|safety-region code",
        "/api/layers/institutions?type=ziekenhuis%27%20OR%20%271%27%3D%271|type|unknown institution type",
    })
    void badParametersGet400WithTheJsonErrorAndChangeNothing(String path, String where, String detail) {
        long before = Sql.count("SELECT count(*) FROM institution");
        HttpResponse<String> response = server.get(path);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode error = json(response);
        assertEquals(400, error.get("status").asInt());
        assertEquals("InvalidParameterValue", error.get("code").asText());
        assertEquals(where, error.get("where").asText());
        assertTrue(error.get("detail").asText().contains(detail), error.get("detail").asText());
        assertFalse(error.get("title").asText().isEmpty());
        assertEquals("/problems/InvalidParameterValue", error.get("type").asText());
        assertEquals(before, Sql.count("SELECT count(*) FROM institution"));
    }

    @Test
    void unknownLayersAndPathsGet404Json() {
        HttpResponse<String> layer = server.get("/api/layers/bakkerijen");
        assertEquals(404, layer.statusCode());
        assertEquals("NotFound", json(layer).get("code").asText());
        assertTrue(json(layer).get("detail").asText().contains("bakkerijen"));
        HttpResponse<String> path = server.get("/api/no/such/thing");
        assertEquals(404, path.statusCode());
        assertEquals("NotFound", json(path).get("code").asText());
    }

    @Test
    void theWebClientAndLeafletAreServedByTheAppItself() {
        HttpResponse<String> page = server.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Zorgbeeld"));
        assertFalse(page.body().matches("(?s).*(src|href)=\"https?://.*"), "no script or style from another host");
        assertEquals(200, server.get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode());
        assertEquals(200, server.get("/webjars/leaflet/1.9.4/dist/leaflet.css").statusCode());
    }
}

package nl.zorgbeeld.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The type of every error is a URI under the app itself, and following it describes the code. */
class ProblemTypeTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/layers/institutions?colour=red", "/api/no/such/thing", "/ogc/collections/bakkerijen",
        "/api/incidents/x/stakeholders/a%00b"})
    void theTypeIsRelativeToTheAppAndDescribesTheCode(String path) {
        HttpResponse<String> r = server.get(path);
        JsonNode error = Json.tree(r.body());
        String type = error.get("type").asText();
        assertEquals("/problems/" + error.get("code").asText(), type);
        assertFalse(URI.create(type).isAbsolute(), "no domain of its own: " + type);
        HttpResponse<String> described = server.get(type);
        assertEquals(200, described.statusCode(), described.body());
        JsonNode problem = Json.tree(described.body());
        assertEquals(error.get("code").asText(), problem.get("code").asText());
        assertEquals(error.get("status").asInt(), problem.get("status").asInt());
        assertFalse(problem.get("description").asText().isBlank());
    }

    @Test
    void everyCodeIsDescribedAndAnUnknownOneIsNotFound() {
        JsonNode all = Json.tree(server.get("/problems").body());
        Set<String> listed = new HashSet<>();
        all.forEach(p -> listed.add(p.get("code").asText()));
        assertEquals(Problems.codes(), listed);
        for (String code : Problems.codes()) assertEquals(200, server.get("/problems/" + code).statusCode(), code);
        HttpResponse<String> unknown = server.get("/problems/Teapot");
        assertEquals(404, unknown.statusCode());
        assertEquals("NotFound", Json.tree(unknown.body()).get("code").asText());
        assertTrue(unknown.body().contains("/problems"), unknown.body());
    }
}

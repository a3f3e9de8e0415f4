package nl.zorgbeeld.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.Fixtures;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path parameters with an encoded slash (an institution id such as {@code ziekenhuis:AGB/1} written
 * into a URL) or other characters a path cannot carry get the API's JSON error, never a 500 or the
 * web server's own error page.
 */
class EncodedPathTest {
    private static TestServer server;
    private static long incident;

    @BeforeAll
    static void start() {
        Fixtures.loadReferenceSet();
        incident = TestIncidents.create("Encoded paths", "actief");
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/incidents/{incident}/stakeholders/ziekenhuis:AGB%2F1",
        "/api/incidents/{incident}/stakeholders/ziekenhuis:AGB%2f1",
        "/api/incidents/{incident}/stakeholders/ziekenhuis:AGB%5C1",
        "/api/incidents/{incident}/stakeholders/%2E%2E",
        "/api/incidents/{incident}/stakeholders/a%00b",
        "/ogc/collections/institutions/items/ziekenhuis:AGB%2F1",
        "/ogc/collections/institutions%2Fx/items",
        "/api/layers/institutions%2F..",
        "/api/incidents/{incident}/elements/%2F",
    })
    void getsTheJsonError(String template) {
        String path = template.replace("{incident}", String.valueOf(incident));
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(ErrorHandlers.PROBLEM_JSON),
                r.headers().firstValue("Content-Type") + " " + r.body());
        JsonNode error = Json.tree(r.body());
        assertEquals(r.statusCode(), error.get("status").asInt());
        assertTrue(error.hasNonNull("code"), r.body());
        assertTrue(error.hasNonNull("detail"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT"})
    void writesToAnEncodedSlashGetTheJsonErrorAndChangeNothing(String method) {
        String path = "/api/incidents/" + incident + "/stakeholders/ziekenhuis:AGB%2F1";
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, HttpRequest.BodyPublishers.ofString("{\"status\":\"geinformeerd\"}"))
                .header("Content-Type", "application/json").build());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(ErrorHandlers.PROBLEM_JSON), r.body());
        assertEquals(0L, nl.zorgbeeld.testing.Sql.count("SELECT count(*) FROM stakeholder WHERE incident_id = ?", incident));
    }
}

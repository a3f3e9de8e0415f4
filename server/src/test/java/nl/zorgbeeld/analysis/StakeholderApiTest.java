package nl.zorgbeeld.analysis;

import static nl.zorgbeeld.analysis.AnalysisFixtures.json;
import static nl.zorgbeeld.analysis.AnalysisFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import nl.zorgbeeld.analysis.AnalysisFixtures.Place;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stakeholder status of an institution in an incident: versions, history, optimistic locking, bad input. */
class StakeholderApiTest {
    private static final String PREFIX = "anastake:";
    private static final String INSTITUTION = PREFIX + "huis";
    private static TestServer server;
    private static long incident;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        AnalysisFixtures.institutions(PREFIX, List.of(new Place(INSTITUTION, "Zorghuis Duin", "vvt", false, null, 60_000, 480_000)));
        incident = TestIncidents.create("Status-test", "actief");
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private static String path(long incidentId, String institution) {
        return "/api/incidents/" + incidentId + "/stakeholders/" + institution;
    }

    private static HttpResponse<String> put(long incidentId, String institution, String body, String... headers) {
        return send(server, "PUT", path(incidentId, institution), body, headers);
    }

    @Test
    void statusIsVersionedWithWhoWhenAndANote() {
        long own = TestIncidents.create("Status-versies", "actief");
        HttpResponse<String> start = server.get(path(own, INSTITUTION));
        assertEquals(200, start.statusCode(), start.body());
        assertEquals("te_beoordelen", json(start).path("current").path("status").asText());
        assertEquals(0, json(start).path("current").path("version").asInt());
        assertTrue(start.headers().firstValue("ETag").isEmpty(), "nothing recorded yet: nothing to match");

        HttpResponse<String> first = put(own, INSTITUTION, "{\"status\":\"te_informeren\"}");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("\"1\"", first.headers().firstValue("ETag").orElseThrow());
        assertEquals("te informeren", json(first).path("statusLabel").asText());
        assertEquals("Hanna Informatie", json(first).path("author").asText());

        assertEquals(428, put(own, INSTITUTION, "{\"status\":\"geinformeerd\"}").statusCode(), "a later change must name its version");
        HttpResponse<String> second = put(own, INSTITUTION, "{\"status\":\"geinformeerd\",\"note\":\"Locatiemanager gebeld\"}",
                "If-Match", "\"1\"");
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(2, json(second).path("version").asInt());

        HttpResponse<String> stale = put(own, INSTITUTION, "{\"status\":\"niet_relevant\"}", "If-Match", "\"1\"");
        assertEquals(412, stale.statusCode());
        assertEquals("geinformeerd", json(stale).path("current").path("status").asText(), "the current status comes back");

        HttpResponse<String> same = put(own, INSTITUTION, "{\"status\":\"geinformeerd\",\"note\":\"Locatiemanager gebeld\"}",
                "If-Match", "\"2\"");
        assertEquals(2, json(same).path("version").asInt(), "no change, no new version");

        JsonNode withHistory = json(server.get(path(own, INSTITUTION)));
        assertEquals("Locatiemanager gebeld", withHistory.path("current").path("note").asText());
        assertEquals(2, withHistory.get("history").size());
        assertEquals("te_informeren", withHistory.get("history").get(0).path("status").asText());
        assertEquals("Zorghuis Duin", withHistory.get("history").get(1).path("institutionName").asText());

        JsonNode all = json(server.get("/api/incidents/" + own + "/stakeholders"));
        assertEquals(1, all.size());
        assertEquals(INSTITUTION, all.get(0).path("institutionId").asText());
        assertEquals(2, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ? AND action = 'stakeholder.status'", own));
    }

    @Test
    void aFirstStatusWithAnIfMatchOfAVersionThatDoesNotExistIsStale() {
        long own = TestIncidents.create("Status-eerste", "actief");
        assertEquals(412, put(own, INSTITUTION, "{\"status\":\"betrokken\"}", "If-Match", "\"3\"").statusCode());
        assertEquals(200, put(own, INSTITUTION, "{\"status\":\"betrokken\"}", "If-Match", "*").statusCode());
    }

    @Test
    void vocabularyListsTheStatusesWithDutchLabels() {
        JsonNode statuses = json(server.get("/api/vocabularies/stakeholder-statuses"));
        assertEquals(5, statuses.size());
        assertEquals("geïnformeerd", statuses.get(2).path("label").asText());
    }

    @Test
    void aClosedIncidentKeepsItsStatuses() {
        long closed = TestIncidents.create("Gesloten", "gesloten");
        HttpResponse<String> r = put(closed, INSTITUTION, "{\"status\":\"betrokken\"}");
        assertEquals(409, r.statusCode(), r.body());
        assertEquals(200, server.get(path(closed, INSTITUTION)).statusCode());
    }

    @Test
    void writesNeedALogin() {
        HttpResponse<String> r = server.sendAnonymous(HttpRequest.newBuilder(URI.create(server.url(path(incident, INSTITUTION))))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"betrokken\"}")).build());
        assertEquals(401, r.statusCode());
        assertEquals("AuthenticationRequired", json(r).path("code").asText());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "anastake:huis|{\"status\":\"bekend\"}|400|status",
        "anastake:huis|{\"note\":\"zonder status\"}|400|status",
        "anastake:huis|{\"status\":\"betrokken\",\"kleur\":\"rood\"}|400|kleur",
        "anastake:huis|{\"status\":\"betrokken\",\"note\":12}|400|note",
        "anastake:huis|niet json|400|body",
        "anastake:onbekend|{\"status\":\"betrokken\"}|404|",
    })
    void badInputIsAJsonError(String institution, String body, int status, String where) {
        HttpResponse<String> r = put(incident, institution, body);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        if (where != null) assertEquals(where, json(r).path("where").asText());
    }

    @Test
    void aNoteHasALimitAndTheIncidentMustExist() {
        HttpResponse<String> tooLong = put(incident, INSTITUTION, "{\"status\":\"betrokken\",\"note\":\"" + "x".repeat(1001) + "\"}");
        assertEquals(400, tooLong.statusCode());
        assertEquals(404, put(999_999_999, INSTITUTION, "{\"status\":\"betrokken\"}").statusCode());
        assertEquals(404, server.get(path(999_999_999, INSTITUTION)).statusCode());
        assertEquals(404, server.get("/api/incidents/999999999/stakeholders").statusCode());
        assertEquals(404, server.get(path(incident, PREFIX + "onbekend")).statusCode());
        HttpResponse<String> malformed = put(incident, INSTITUTION, "{\"status\":\"betrokken\"}", "If-Match", "versie 1");
        assertEquals(400, malformed.statusCode());
        assertFalse(json(malformed).path("detail").asText().isBlank());
    }
}

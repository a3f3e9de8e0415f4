package nl.zorgbeeld.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Incidents over HTTP: create, list and filter, read, change with If-Match, the timeline, and bad input. */
class IncidentApiTest {
    private static TestServer server;
    private static JsonClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = JsonClient.as(server, TestUsers.user("Hanna Informatie", "GHOR Zuid-Holland Zuid", "VR18", null, Role.HOOFD_INFORMATIE));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response create(String fields) {
        return client.post("/api/incidents", "{" + fields + "}");
    }

    private static long createdId(String fields) {
        return createdId(client, fields);
    }

    private static long createdId(JsonClient as, String fields) {
        Response r = as.post("/api/incidents", "{" + fields + "}");
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asLong();
    }

    @Test
    void createReturns201WithLocationETagAndDefaults() {
        String title = unique("Brand chemiebedrijf");
        Response r = create("\"title\": \"" + title + "\", \"type\": \"gevaarlijke_stoffen\", \"regionCode\": \"VR18\","
                + " \"startedAt\": \"2026-03-01T14:05:00+01:00\", \"locationText\": \"Haven 4, Moerdijk\"");
        assertEquals(201, r.status(), r.body());
        long id = r.json().get("id").asLong();
        assertEquals("/api/incidents/" + id, r.header("Location"));
        assertEquals("\"1\"", r.header("ETag"));
        JsonNode incident = r.json();
        assertEquals(title, incident.get("title").asText());
        assertEquals("gevaarlijke_stoffen", incident.get("type").asText());
        assertEquals("geen", incident.get("grip").asText());
        assertEquals("regulier", incident.get("carePhase").asText());
        assertEquals("actief", incident.get("status").asText());
        assertFalse(incident.get("exercise").asBoolean());
        assertEquals("Hanna Informatie", incident.path("regie").path("person").asText(), "the creator holds the regie by default");
        assertEquals("GHOR Zuid-Holland Zuid", incident.path("regie").path("organisation").asText());
        assertEquals(incident.get("startedAt").asText(), incident.get("scaledUpAt").asText(), "scale-up defaults to the start");
        assertEquals("2026-03-01T13:05:00Z", incident.get("startedAt").asText());
        assertEquals(1, incident.get("version").asInt());
        assertEquals(1, Sql.count("SELECT count(*) FROM incident_version WHERE incident_id = ?", id));
        assertEquals(2, Sql.count("SELECT count(*) FROM picture WHERE incident_id = ? AND kind IN ('geneeskundig', 'multidisciplinair')", id),
                "every incident gets its multidisciplinary and medical picture");
    }

    @Test
    void exerciseAndRegieAreStoredAsGiven() {
        Response r = create("\"title\": \"" + unique("Oefening Waterproef") + "\", \"type\": \"hoog_water\", \"exercise\": true,"
                + " \"grip\": \"2\", \"carePhase\": \"aangepast\", \"regie\": {\"person\": \"Piet de Vries\", \"organisation\": \"GHOR Gelderland-Zuid\"}");
        assertEquals(201, r.status(), r.body());
        assertTrue(r.json().get("exercise").asBoolean());
        assertEquals("2", r.json().get("grip").asText());
        assertEquals("aangepast", r.json().get("carePhase").asText());
        assertEquals("Piet de Vries", r.json().path("regie").path("person").asText());
        assertEquals("Hanna Informatie", r.json().path("createdBy").path("author").asText());
    }

    @Test
    void listFiltersByStatusTypeExerciseAndRegion() {
        String region = "VRT" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        // A Hoofd Informatie creates incidents of the own region only: one of a region of its own.
        JsonClient client = JsonClient.as(server, TestUsers.user("Hanna Informatie", "GHOR " + region, region, null, Role.HOOFD_INFORMATIE));
        long brand = createdId(client, "\"title\": \"" + unique("Lijst brand") + "\", \"type\": \"brand\", \"regionCode\": \"" + region + "\"");
        long exercise = createdId(client, "\"title\": \"" + unique("Lijst oefening") + "\", \"type\": \"ongeval\", \"exercise\": true,"
                + " \"regionCode\": \"" + region + "\"");
        long closed = createdId(client, "\"title\": \"" + unique("Lijst gesloten") + "\", \"type\": \"brand\", \"regionCode\": \"" + region + "\"");
        Response current = client.get("/api/incidents/" + closed);
        assertEquals(200, client.patch("/api/incidents/" + closed, "{\"status\": \"gesloten\"}", current.header("ETag")).status());

        assertEquals(List.of(closed, exercise, brand), ids(client.get("/api/incidents?region=" + region)),
                "all three, closed ones included, most recently started first");
        assertEquals(List.of(closed, brand), ids(client.get("/api/incidents?region=" + region + "&type=brand")));
        assertEquals(List.of(exercise), ids(client.get("/api/incidents?region=" + region + "&exercise=true")));
        assertEquals(List.of(exercise, brand), ids(client.get("/api/incidents?region=" + region + "&status=actief,afgeschaald")));
        assertEquals(List.of(closed), ids(client.get("/api/incidents?region=" + region + "&status=gesloten")));
        assertEquals(List.of(closed), ids(client.get("/api/incidents?region=" + region + "&limit=1")));
    }

    private static List<Long> ids(Response r) {
        assertEquals(200, r.status(), r.body());
        List<Long> ids = new ArrayList<>();
        r.json().get("incidents").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @ParameterizedTest
    @CsvSource({
            "status=open, status",
            "type=tsunami, type",
            "exercise=ja, exercise",
            "region=VR 13, region",
            "limit=0, limit",
            "colour=red, colour",
    })
    void listRejectsBadFilters(String query, String where) {
        Response r = client.get("/api/incidents?" + query.replace(" ", "%20"));
        assertEquals(400, r.status(), r.body());
        assertEquals(where, r.where());
    }

    @Test
    void getShowsTheRegieHistoryAndETag() {
        long id = createdId("\"title\": \"" + unique("Regie") + "\", \"type\": \"brand\"");
        Response first = client.get("/api/incidents/" + id);
        assertEquals("\"1\"", first.header("ETag"));
        Response grip = client.patch("/api/incidents/" + id, "{\"grip\": \"1\"}", "\"1\"");
        assertEquals(200, grip.status(), grip.body());
        Response regie = client.patch("/api/incidents/" + id,
                "{\"regie\": {\"person\": \"Karin Jansen\", \"organisation\": \"GHOR Brabant-Zuidoost\"}}", grip.header("ETag"));
        assertEquals(200, regie.status(), regie.body());
        assertEquals("\"3\"", regie.header("ETag"));

        JsonNode detail = client.get("/api/incidents/" + id).json();
        JsonNode history = detail.get("regieHistory");
        assertEquals(2, history.size(), "the GRIP change is no regie change: " + history);
        assertEquals("Hanna Informatie", history.get(0).get("person").asText());
        assertEquals("Karin Jansen", history.get(1).get("person").asText());
        assertEquals("Hanna Informatie", history.get(1).path("changedBy").path("author").asText());
        assertEquals("Karin Jansen", detail.path("regie").path("person").asText());
    }

    @Test
    void patchChangesOnlyWhatItNamesAndRecordsAVersionAndAnEvent() {
        long id = createdId("\"title\": \"" + unique("Patch") + "\", \"type\": \"brand\", \"locationText\": \"Markt 1\"");
        Response r = client.patch("/api/incidents/" + id, "{\"grip\": \"3\", \"carePhase\": \"crisis\", \"locationText\": null}", "\"1\"");
        assertEquals(200, r.status(), r.body());
        assertEquals("\"2\"", r.header("ETag"));
        assertEquals("3", r.json().get("grip").asText());
        assertEquals("crisis", r.json().get("carePhase").asText());
        assertFalse(r.json().has("locationText"), "null clears the location");
        assertEquals("brand", r.json().get("type").asText());
        assertEquals(2, Sql.count("SELECT count(*) FROM incident_version WHERE incident_id = ?", id));

        JsonNode events = client.get("/api/incidents/" + id + "/timeline").json().get("events");
        JsonNode update = events.get(0);
        assertEquals("incident.updated", update.get("action").asText());
        assertEquals("geen", update.path("details").path("grip").path("from").asText());
        assertEquals("3", update.path("details").path("grip").path("to").asText());
        assertEquals("Hanna Informatie", update.path("actor").path("author").asText());
        assertTrue(events.findValuesAsText("action").contains("incident.created"));
    }

    @Test
    void aPatchThatChangesNothingMakesNoVersion() {
        long id = createdId("\"title\": \"" + unique("Niets") + "\", \"type\": \"brand\"");
        Response r = client.patch("/api/incidents/" + id, "{\"type\": \"brand\"}", "\"1\"");
        assertEquals(200, r.status(), r.body());
        assertEquals("\"1\"", r.header("ETag"));
        assertEquals(1, Sql.count("SELECT count(*) FROM incident_version WHERE incident_id = ?", id));
    }

    @Test
    void aStaleEditGets412WithTheCurrentVersionAndChangesNothing() {
        long id = createdId("\"title\": \"" + unique("Verloren update") + "\", \"type\": \"brand\"");
        assertEquals(200, client.patch("/api/incidents/" + id, "{\"grip\": \"1\"}", "\"1\"").status());

        Response stale = client.patch("/api/incidents/" + id, "{\"grip\": \"4\"}", "\"1\"");
        assertEquals(412, stale.status(), stale.body());
        assertEquals("PreconditionFailed", stale.code());
        assertEquals(2, stale.json().path("current").path("version").asInt());
        assertEquals("1", stale.json().path("current").path("grip").asText());
        assertEquals("1", client.get("/api/incidents/" + id).json().get("grip").asText());
        assertEquals(2, Sql.count("SELECT count(*) FROM incident_version WHERE incident_id = ?", id));
    }

    @Test
    void anUpdateWithoutIfMatchGets428AndAMalformedOneGets400() {
        long id = createdId("\"title\": \"" + unique("Zonder If-Match") + "\", \"type\": \"brand\"");
        Response missing = client.send("PATCH", "/api/incidents/" + id, "{\"grip\": \"1\"}");
        assertEquals(428, missing.status(), missing.body());
        assertEquals("If-Match", missing.where());
        Response malformed = client.patch("/api/incidents/" + id, "{\"grip\": \"1\"}", "version 1");
        assertEquals(400, malformed.status(), malformed.body());
        assertEquals("If-Match", malformed.where());
        Response any = client.patch("/api/incidents/" + id, "{\"grip\": \"1\"}", "*");
        assertEquals(200, any.status(), "If-Match: * accepts any current version");
    }

    @Test
    void aClosedIncidentStaysReadableTakesNoChangesButCanBeReopened() {
        long id = createdId("\"title\": \"" + unique("Gesloten") + "\", \"type\": \"brand\"");
        assertEquals(200, client.patch("/api/incidents/" + id, "{\"status\": \"gesloten\"}", "\"1\"").status());
        assertEquals(200, client.get("/api/incidents/" + id).status());
        assertEquals(200, client.get("/api/incidents/" + id + "/picture").status());

        Response change = client.patch("/api/incidents/" + id, "{\"grip\": \"2\"}", "\"2\"");
        assertEquals(409, change.status(), change.body());
        assertEquals("incident", change.where());
        Response reopen = client.patch("/api/incidents/" + id, "{\"status\": \"nafase\"}", "\"2\"");
        assertEquals(200, reopen.status(), reopen.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing title          | {\"type\": \"brand\"}                                                  | title",
            "blank title            | {\"title\": \"  \", \"type\": \"brand\"}                               | title",
            "unknown type           | {\"title\": \"X\", \"type\": \"tsunami\"}                              | type",
            "type not a string      | {\"title\": \"X\", \"type\": 3}                                        | type",
            "malformed startedAt    | {\"title\": \"X\", \"type\": \"brand\", \"startedAt\": \"gisteren\"}   | startedAt",
            "startedAt without zone | {\"title\": \"X\", \"type\": \"brand\", \"startedAt\": \"2026-03-01T14:05:00\"} | startedAt",
            "scale-up before start  | {\"title\": \"X\", \"type\": \"brand\", \"startedAt\": \"2026-03-01T14:05:00Z\", \"scaledUpAt\": \"2026-03-01T13:00:00Z\"} | scaledUpAt",
            "unknown grip           | {\"title\": \"X\", \"type\": \"brand\", \"grip\": \"6\"}                | grip",
            "exercise not boolean   | {\"title\": \"X\", \"type\": \"brand\", \"exercise\": \"ja\"}          | exercise",
            "regie without person   | {\"title\": \"X\", \"type\": \"brand\", \"regie\": {\"organisation\": \"GHOR\"}} | regie.person",
            "unknown field          | {\"title\": \"X\", \"type\": \"brand\", \"priority\": 1}               | priority",
            "starts closed          | {\"title\": \"X\", \"type\": \"brand\", \"status\": \"gesloten\"}      | status",
            "malformed JSON         | {\"title\": \"X\",                                                       | body",
            "not an object          | [1, 2]                                                                   | body",
            "title too long         | {\"title\": \"LONG\", \"type\": \"brand\"}                 | title",
    })
    void badInputIsA400NamingTheFieldAndStoresNothing(String name, String body, String where) {
        String json = body.replace("LONG", "x".repeat(201));
        long before = Sql.count("SELECT count(*) FROM incident");
        Response r = client.post("/api/incidents", json);
        assertEquals(400, r.status(), r.body());
        assertEquals(where, r.where(), r.body());
        assertNotNull(r.json().get("detail"));
        assertEquals(before, Sql.count("SELECT count(*) FROM incident"));
    }

    @Test
    void writesNeedALogin() {
        long before = Sql.count("SELECT count(*) FROM incident");
        Response r = JsonClient.anonymous(server).post("/api/incidents", "{\"title\": \"X\", \"type\": \"brand\"}");
        assertEquals(401, r.status(), r.body());
        assertEquals("AuthenticationRequired", r.code());
        assertEquals(before, Sql.count("SELECT count(*) FROM incident"));
    }

    @Test
    void namesWithAccentsSurvive() {
        JsonClient zoe = new JsonClient(server, "Zoë Çelik-Brandsmaß", "GGD Fryslân");
        Response r = zoe.post("/api/incidents", "{\"title\": \"" + unique("Accenten") + "\", \"type\": \"infectieziekte\"}");
        assertEquals(201, r.status(), r.body());
        assertEquals("Zoë Çelik-Brandsmaß", r.json().path("createdBy").path("author").asText());
        assertEquals("GGD Fryslân", r.json().path("regie").path("organisation").asText());
    }

    @Test
    void unknownIncidentsAre404() {
        assertEquals(404, client.get("/api/incidents/999999999").status());
        assertEquals(404, client.get("/api/incidents/abc").status());
        assertEquals(404, client.patch("/api/incidents/999999999", "{\"grip\": \"1\"}", "\"1\"").status());
        assertEquals(404, client.get("/api/incidents/999999999/timeline").status());
    }

    @Test
    void timelineRejectsMalformedTimes() {
        long id = createdId("\"title\": \"" + unique("Tijdlijn") + "\", \"type\": \"brand\"");
        Response r = client.get("/api/incidents/" + id + "/timeline?from=vanochtend");
        assertEquals(400, r.status(), r.body());
        assertEquals("from", r.where());
    }

    @Test
    void vocabulariesListCodesAndDutchLabels() {
        JsonNode v = client.get("/api/vocabularies/incidents").json();
        assertEquals(9, v.get("types").size());
        assertEquals("ICT-uitval/cyber", v.get("types").get(6).get("label").asText());
        assertEquals("rijk", v.get("grip").get(6).get("code").asText());
        assertEquals(3, v.get("carePhases").size());
        assertEquals(4, v.get("statuses").size());
    }
}

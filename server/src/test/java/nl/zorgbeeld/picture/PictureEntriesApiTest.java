package nl.zorgbeeld.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The structured entries over HTTP: casualty counts with totals and course, information questions, decisions and actions. */
class PictureEntriesApiTest {
    private static TestServer server;
    private static JsonClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = new JsonClient(server, "Hanna Informatie", "GHOR Utrecht");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String encode(String time) {
        return URLEncoder.encode(time, StandardCharsets.UTF_8);
    }

    @Test
    void casualtyCountsGiveTotalsAndTheirCourse() {
        Scenario s = Scenario.start(client, "Slachtoffers");
        Response first = client.post(s.path("/casualties"), "{\"t1\": 2, \"t2\": 5, \"source\": \"RAV Utrecht\", \"certainty\": \"aanname\","
                + " \"countedAt\": \"2026-03-01T14:20:00+01:00\"}");
        assertEquals(201, first.status(), first.body());
        assertEquals(7, first.json().get("total").asInt());
        assertEquals(0, first.json().get("dead").asInt(), "an absent class counts 0");
        assertEquals(s.medicalPictureId(), first.json().get("pictureId").asLong(), "without a picture: the medical one");
        Response second = client.post(s.path("/casualties"), "{\"t1\": 3, \"t2\": 9, \"t3\": 14, \"dead\": 1, \"unknown\": 2,"
                + " \"source\": \"Gewondennest\", \"countedAt\": \"2026-03-01T14:50:00+01:00\"}");
        assertEquals(201, second.status(), second.body());
        // Counted before the second one, though recorded after it: the course follows the time counted.
        assertEquals(201, client.post(s.path("/casualties"), "{\"t1\": 2, \"t2\": 7, \"source\": \"OvD-G\","
                + " \"countedAt\": \"2026-03-01T14:35:00+01:00\"}").status());

        JsonNode casualties = s.pictureOfKind("geneeskundig").get("casualties");
        JsonNode latest = casualties.get("latest");
        assertEquals(29, latest.get("total").asInt());
        assertEquals(14, latest.get("t3").asInt());
        assertEquals("Gewondennest", latest.get("source").asText());
        JsonNode course = casualties.get("course");
        assertEquals(3, course.size());
        assertEquals(7, course.get(0).get("total").asInt());
        assertEquals(9, course.get(1).get("total").asInt());
        assertEquals(29, course.get(2).get("total").asInt());
        assertEquals(3, client.get(s.path("/casualties")).json().get("counts").size());
        assertNull(s.pictureOfKind("multidisciplinair").get("casualties").get("latest"));
        assertEquals("casualties.counted", client.get(s.path("/timeline")).json().get("events").get(0).get("action").asText());
    }

    @Test
    void anInstitutionCountsCasualtiesInItsOwnPicture() {
        Scenario s = Scenario.start(client, "Slachtoffers eigen beeld");
        long own = client.post(s.path("/pictures"), "{\"organisation\": \"UMC Utrecht\"}").json().get("id").asLong();
        Response r = client.post(s.path("/casualties"), "{\"pictureId\": " + own + ", \"t1\": 4, \"source\": \"SEH UMC\"}");
        assertEquals(201, r.status(), r.body());
        assertEquals(4, s.pictureOfKind("eigen").path("casualties").path("latest").path("t1").asInt());
        assertNull(s.pictureOfKind("geneeskundig").get("casualties").get("latest"));
    }

    @Test
    void aQuestionIsAskedAnsweredAndKeepsItsHistory() {
        Scenario s = Scenario.start(client, "Informatievraag");
        Response asked = client.post(s.path("/questions"), "{\"question\": \"Hoeveel IC-bedden zijn vrij?\", \"addressee\": \"LCPS\"}");
        assertEquals(201, asked.status(), asked.body());
        long id = asked.json().get("id").asLong();
        assertEquals(s.path("/questions/" + id), asked.header("Location"));
        assertEquals("open", asked.json().get("status").asText());
        String askedAt = asked.json().get("updatedAt").asText();

        Response answered = client.patch(s.path("/questions/" + id), "{\"answer\": \"Vier bedden in de regio\"}", asked.header("ETag"));
        assertEquals(200, answered.status(), answered.body());
        assertEquals("beantwoord", answered.json().get("status").asText(), "an answer marks the question answered");
        assertEquals("\"2\"", answered.header("ETag"));

        Response stale = client.patch(s.path("/questions/" + id), "{\"addressee\": \"ROAZ\"}", "\"1\"");
        assertEquals(412, stale.status(), stale.body());
        assertEquals("Vier bedden in de regio", stale.json().path("current").path("answer").asText());
        assertEquals(428, client.send("PATCH", s.path("/questions/" + id), "{\"addressee\": \"ROAZ\"}").status());

        JsonNode then = client.get(s.path("/questions?at=" + encode(askedAt))).json().get("questions").get(0);
        assertEquals("open", then.get("status").asText());
        assertFalse(then.has("answer"));
        assertEquals("beantwoord", s.picture().get("questions").get(0).get("status").asText());
        assertEquals("question.answered", client.get(s.path("/timeline")).json().get("events").get(0).get("action").asText());
        assertEquals(2, client.get(s.path("/questions/" + id)).json().get("version").asInt());
    }

    @Test
    void decisionsAndActionsAreAddedAndUpdated() {
        Scenario s = Scenario.start(client, "Besluiten");
        Response decision = client.post(s.path("/decisions"), "{\"kind\": \"besluit\", \"description\": \"Opvanglocatie sporthal openen\","
                + " \"owner\": \"Gemeente Utrecht\"}");
        assertEquals(201, decision.status(), decision.body());
        Response action = client.post(s.path("/decisions"), "{\"kind\": \"actie\", \"description\": \"Ziekenhuizen informeren\","
                + " \"owner\": \"HIn GHOR\", \"deadline\": \"2026-03-01T15:00:00+01:00\"}");
        assertEquals(201, action.status(), action.body());
        long id = action.json().get("id").asLong();
        assertEquals("2026-03-01T14:00:00Z", action.json().get("deadline").asText());
        assertEquals("open", action.json().get("status").asText());

        Response done = client.patch(s.path("/decisions/" + id), "{\"status\": \"afgerond\", \"deadline\": null}", "\"1\"");
        assertEquals(200, done.status(), done.body());
        assertEquals("afgerond", done.json().get("status").asText());
        assertFalse(done.json().has("deadline"), "null clears the deadline");
        assertEquals(2, Sql.count("SELECT count(*) FROM decision_version WHERE decision_id = ?", id));
        JsonNode listed = client.get(s.path("/decisions")).json().get("decisions");
        assertEquals(2, listed.size());
        assertEquals("besluit", listed.get(0).get("kind").asText());
        assertEquals(412, client.patch(s.path("/decisions/" + id), "{\"status\": \"vervallen\"}", "\"1\"").status());
        assertEquals("actie.updated", client.get(s.path("/timeline")).json().get("events").get(0).get("action").asText());
    }

    @Test
    void unknownEntriesAre404() {
        Scenario s = Scenario.start(client, "Onbekende invoer");
        assertEquals(404, client.get(s.path("/questions/999999999")).status());
        assertEquals(404, client.patch(s.path("/questions/999999999"), "{\"answer\": \"x\"}", "\"1\"").status());
        assertEquals(404, client.get(s.path("/decisions/999999999")).status());
        assertEquals(404, client.patch(s.path("/decisions/999999999"), "{\"status\": \"afgerond\"}", "\"1\"").status());
    }
}

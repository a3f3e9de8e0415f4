package nl.zorgbeeld.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad input to the picture: a 4xx JSON error that names what is wrong and where, and
 * nothing stored. Bodies use placeholders: PICTURE (the medical picture), THEME (its Situatie
 * theme), MULTI_THEME (a theme of the multidisciplinary template), OTHER_PICTURE (another incident's
 * picture), LONG (1,001 characters).
 */
class PictureBadInputTest {
    private static TestServer server;
    private static JsonClient client;
    private static Scenario open;
    private static Scenario other;
    private static long bullet;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = new JsonClient(server, "Hanna Informatie", "GHOR Utrecht");
        open = Scenario.start(client, "Foute invoer");
        other = Scenario.start(client, "Ander incident");
        bullet = open.bullet("Situatie", "Een bestaand bericht");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String fill(String body) {
        return body.replace("OTHER_PICTURE", String.valueOf(other.medicalPictureId()))
                .replace("MULTI_THEME", String.valueOf(open.themeId("multidisciplinair", "Brandweerzorg")))
                .replace("PICTURE", String.valueOf(open.medicalPictureId()))
                .replace("THEME", String.valueOf(open.themeId("geneeskundig", "Situatie")))
                .replace("LONG", "x".repeat(1001))
                .replace("NUL", "\\u0000");
    }

    /** All rows the picture's writes could have made for the incident. */
    private static long storedFor(long incidentId) {
        return Sql.count("SELECT (SELECT count(*) FROM bullet_version v JOIN bullet b ON b.id = v.bullet_id WHERE b.incident_id = ?)"
                + " + (SELECT count(*) FROM casualty_count WHERE incident_id = ?)"
                + " + (SELECT count(*) FROM information_question_version v JOIN information_question q ON q.id = v.question_id WHERE q.incident_id = ?)"
                + " + (SELECT count(*) FROM decision_version v JOIN decision d ON d.id = v.decision_id WHERE d.incident_id = ?)"
                + " + (SELECT count(*) FROM picture WHERE incident_id = ?)"
                + " + (SELECT count(*) FROM change_event WHERE incident_id = ?)", incidentId, incidentId, incidentId, incidentId,
                incidentId, incidentId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing source           | /bullets     | {\"pictureId\": PICTURE, \"themeId\": THEME, \"text\": \"Brand\"}                                      | source",
            "blank source             | /bullets     | {\"pictureId\": PICTURE, \"themeId\": THEME, \"text\": \"Brand\", \"source\": \" \"}                   | source",
            "unknown certainty        | /bullets     | {\"pictureId\": PICTURE, \"themeId\": THEME, \"text\": \"Brand\", \"source\": \"OvD\", \"certainty\": \"zeker\"} | certainty",
            "certainty not a string   | /bullets     | {\"pictureId\": PICTURE, \"themeId\": THEME, \"text\": \"Brand\", \"source\": \"OvD\", \"certainty\": 1} | certainty",
            "text over the limit      | /bullets     | {\"pictureId\": PICTURE, \"themeId\": THEME, \"text\": \"LONG\", \"source\": \"OvD\"}                  | text",
            "text with a NUL          | /bullets     | {\"pictureId\": PICTURE, \"themeId\": THEME, \"text\": \"aNULb\", \"source\": \"OvD\"}                 | text",
            "missing text             | /bullets     | {\"pictureId\": PICTURE, \"themeId\": THEME, \"source\": \"OvD\"}                                      | text",
            "unknown theme            | /bullets     | {\"pictureId\": PICTURE, \"themeId\": 999999, \"text\": \"Brand\", \"source\": \"OvD\"}                 | themeId",
            "theme of another picture | /bullets     | {\"pictureId\": PICTURE, \"themeId\": MULTI_THEME, \"text\": \"Brand\", \"source\": \"OvD\"}            | themeId",
            "theme as text            | /bullets     | {\"pictureId\": PICTURE, \"themeId\": \"Situatie\", \"text\": \"Brand\", \"source\": \"OvD\"}           | themeId",
            "unknown picture          | /bullets     | {\"pictureId\": 999999, \"themeId\": THEME, \"text\": \"Brand\", \"source\": \"OvD\"}                  | pictureId",
            "another incident's picture | /bullets   | {\"pictureId\": OTHER_PICTURE, \"themeId\": THEME, \"text\": \"Brand\", \"source\": \"OvD\"}           | pictureId",
            "missing picture          | /bullets     | {\"themeId\": THEME, \"text\": \"Brand\", \"source\": \"OvD\"}                                         | pictureId",
            "unknown field            | /bullets     | {\"pictureId\": PICTURE, \"themeId\": THEME, \"text\": \"Brand\", \"source\": \"OvD\", \"urgent\": true} | urgent",
            "malformed JSON           | /bullets     | {\"pictureId\": PICTURE, \"themeId\": THEME,                                                             | body",
            "empty body               | /bullets     | ''                                                                                                       | body",
            "negative count           | /casualties  | {\"t1\": -1, \"source\": \"RAV\"}                                                                       | t1",
            "fractional count         | /casualties  | {\"t2\": 2.5, \"source\": \"RAV\"}                                                                      | t2",
            "count as text            | /casualties  | {\"t3\": \"drie\", \"source\": \"RAV\"}                                                                 | t3",
            "no count at all          | /casualties  | {\"source\": \"RAV\"}                                                                                    | t1",
            "count without source     | /casualties  | {\"t1\": 2}                                                                                              | source",
            "malformed countedAt      | /casualties  | {\"t1\": 2, \"source\": \"RAV\", \"countedAt\": \"kwart over drie\"}                                   | countedAt",
            "countedAt in the future  | /casualties  | {\"t1\": 2, \"source\": \"RAV\", \"countedAt\": \"2999-01-01T00:00:00Z\"}                              | countedAt",
            "count in unknown picture | /casualties  | {\"t1\": 2, \"source\": \"RAV\", \"pictureId\": OTHER_PICTURE}                                         | pictureId",
            "question without addressee | /questions | {\"question\": \"Hoeveel bedden zijn vrij?\"}                                                           | addressee",
            "answered without answer  | /questions   | {\"question\": \"Hoeveel?\", \"addressee\": \"RAV\", \"status\": \"beantwoord\"}                        | answer",
            "unknown question status  | /questions   | {\"question\": \"Hoeveel?\", \"addressee\": \"RAV\", \"status\": \"klaar\"}                             | status",
            "unknown decision kind    | /decisions   | {\"kind\": \"advies\", \"description\": \"Opvang openen\", \"owner\": \"Gemeente\"}                     | kind",
            "decision without owner   | /decisions   | {\"kind\": \"actie\", \"description\": \"Opvang openen\"}                                              | owner",
            "malformed deadline       | /decisions   | {\"kind\": \"actie\", \"description\": \"Opvang openen\", \"owner\": \"Gemeente\", \"deadline\": \"morgen\"} | deadline",
    })
    void badInputIs400NamingTheFieldAndStoresNothing(String name, String path, String body, String where) {
        long before = storedFor(open.incidentId);
        Response r = client.post(open.path(path), fill(body));
        assertEquals(400, r.status(), r.body());
        assertEquals(where, r.where(), r.body());
        assertTrue(r.json().get("detail").asText().length() > 10, r.body());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals(before, storedFor(open.incidentId), "nothing stored for " + name);
    }

    @Test
    void theLengthLimitCountsCharactersAndAllowsExactlyTheLimit() {
        String text = "é".repeat(999) + "😷";
        Response r = client.post(open.path("/bullets"), fill("{\"pictureId\": PICTURE, \"themeId\": THEME, \"source\": \"OvD\", \"text\": \""
                + text + "\"}"));
        assertEquals(201, r.status(), r.body());
        assertEquals(text, r.json().get("text").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "picture   | /picture?at=gisteren                | at",
            "freshness | /freshness?at=2026-13-01T00:00:00Z  | at",
            "questions | /questions?at=nu                    | at",
            "decisions | /decisions?at=12:00                 | at",
            "casualties | /casualties?at=1700000000          | at",
            "unknown parameter | /picture?moment=nu          | moment",
    })
    void malformedTimesInQueriesAre400(String name, String path, String where) {
        Response r = client.get(open.path(path));
        assertEquals(400, r.status(), r.body());
        assertEquals(where, r.where());
    }

    @Test
    void editsWithBadInputChangeNothing() {
        long before = storedFor(open.incidentId);
        String path = open.path("/bullets/" + bullet);
        assertEquals("source", client.patch(path, "{\"source\": \"\"}", "\"1\"").where());
        assertEquals("certainty", client.patch(path, "{\"certainty\": null}", "\"1\"").where());
        assertEquals("themeId", client.patch(path, "{\"themeId\": 999999}", "\"1\"").where());
        assertEquals("text", client.patch(path, fill("{\"text\": \"LONG\"}"), "\"1\"").where());
        assertEquals(before, storedFor(open.incidentId));
        assertEquals(1, client.get(path).json().get("version").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bullet          | /bullets    | {\"pictureId\": PICTURE, \"themeId\": THEME, \"text\": \"Brand\", \"source\": \"OvD\"}",
            "casualty count  | /casualties | {\"t1\": 2, \"source\": \"RAV\"}",
            "question        | /questions  | {\"question\": \"Hoeveel bedden zijn vrij?\", \"addressee\": \"ROAZ\"}",
            "decision        | /decisions  | {\"kind\": \"besluit\", \"description\": \"Opvang openen\", \"owner\": \"Gemeente\"}",
            "own picture     | /pictures   | {\"organisation\": \"Ziekenhuis Rivierenland\"}",
    })
    void writingToAClosedIncidentIs409AndStoresNothing(String name, String path, String body) {
        Scenario closed = Scenario.start(client, "Gesloten " + name);
        long picture = closed.medicalPictureId();
        long theme = closed.themeId("geneeskundig", "Situatie");
        closed.close();
        long before = storedFor(closed.incidentId);
        Response r = client.post(closed.path(path), body.replace("PICTURE", String.valueOf(picture)).replace("THEME", String.valueOf(theme)));
        assertEquals(409, r.status(), r.body());
        assertEquals("incident", r.where());
        assertTrue(r.json().get("detail").asText().contains("closed"));
        assertEquals(before, storedFor(closed.incidentId));
    }

    @Test
    void editingOrRetractingInAClosedIncidentIs409() {
        Scenario closed = Scenario.start(client, "Gesloten bewerken");
        long id = closed.bullet("Situatie", "Voor het sluiten");
        closed.close();
        assertEquals(409, client.patch(closed.path("/bullets/" + id), "{\"text\": \"Na het sluiten\"}", "\"1\"").status());
        assertEquals(409, client.send("POST", closed.path("/bullets/" + id + "/retract"), null, "If-Match", "\"1\"").status());
        assertEquals(1, Sql.count("SELECT count(*) FROM bullet_version WHERE bullet_id = ?", id));
    }

    @Test
    void unknownIncidentsAndBulletsAre404() {
        String bulletBody = fill("{\"pictureId\": PICTURE, \"themeId\": THEME, \"text\": \"Brand\", \"source\": \"OvD\"}");
        Response incident = client.post("/api/incidents/999999999/bullets", bulletBody);
        assertEquals(404, incident.status(), incident.body());
        assertEquals("NotFound", incident.code());
        assertEquals(404, client.get("/api/incidents/999999999/picture").status());
        assertEquals(404, client.get("/api/incidents/999999999/freshness").status());
        assertEquals(404, client.post("/api/incidents/999999999/casualties", "{\"t1\": 1, \"source\": \"RAV\"}").status());
        assertEquals(404, client.get(open.path("/bullets/999999999")).status());
        assertEquals(404, client.get(other.path("/bullets/" + bullet)).status(), "a bullet is only found under its own incident");
        assertEquals(404, client.patch(other.path("/bullets/" + bullet), "{\"text\": \"x\"}", "\"1\"").status());
        assertEquals(404, client.get(open.path("/bullets/abc")).status());
    }
}

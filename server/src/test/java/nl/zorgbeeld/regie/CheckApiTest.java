package nl.zorgbeeld.regie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.EventStream;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Regie checks: the regie holder marks items, the author sees the mark live and resolves it once; bad input stores nothing. */
class CheckApiTest {
    private static TestServer server;
    private static JsonClient hanna;
    private static TestUser gagsUser;
    private static JsonClient gags;
    private static JsonClient otherGags;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        hanna = JsonClient.as(server, TestUsers.standard());
        gagsUser = TestUsers.user("Gijs Gevaar", "GHOR Utrecht", Role.GAGS);
        gags = JsonClient.as(server, gagsUser);
        otherGags = JsonClient.as(server, TestUsers.user("Greet Gevaar", "GHOR Utrecht", Role.GAGS));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static RegieFixture incident(String name) {
        return RegieFixture.start(hanna, name);
    }

    private static String mark(long target, String kind, Long conflictsWith) {
        return "{\"target\": {\"type\": \"bullet\", \"id\": " + target + "}, \"kind\": \"" + kind + "\", \"note\": \"Klopt niet met de meting\""
                + (conflictsWith == null ? "" : ", \"conflictsWith\": {\"type\": \"bullet\", \"id\": " + conflictsWith + "}") + "}";
    }

    @Test
    void theRegieHolderMarksABulletAndItsAuthorSeesAndResolvesIt() {
        RegieFixture s = incident("Regiecheck");
        long gagsBullet = s.bullet(gags, "Gevaarlijke stoffen", "Geen gevaarlijke stoffen vrijgekomen");
        long other = s.bullet(hanna, "Situatie", "Ammoniak gemeten bij de loods");
        Response added;
        try (EventStream stream = EventStream.open(server.port(), s.path("/live"), EventStream.Options.fresh().as(gagsUser))) {
            stream.next("connected");
            added = hanna.post(s.path("/checks"), mark(gagsBullet, "tegenstrijdig", other));
            assertEquals(201, added.status(), added.body());
            JsonNode event = stream.next("change").json();
            assertEquals("nl.zorgbeeld.check.created", event.get("type").asText());
            assertEquals("Gijs Gevaar", event.get("data").get("targetAuthor").get("author").asText(), "the author is named in the mark");
        }
        JsonNode check = added.json();
        assertEquals("tegenstrijdig", check.get("kind").asText());
        assertEquals(String.valueOf(other), check.get("conflictsWith").get("id").asText());
        assertEquals("Gevaarlijke stoffen", check.get("themeName").asText());
        assertTrue(check.get("open").asBoolean());

        JsonNode list = hanna.get(s.path("/checks?open=true")).json();
        assertEquals(1, list.get("open").asInt());
        assertEquals("Gevaarlijke stoffen", list.get("checklist").get(0).get("name").asText());
        assertEquals(1, list.get("checklist").get(0).get("open").asInt());

        String path = s.path("/checks/" + check.get("id").asLong() + "/resolve");
        Response stranger = otherGags.send("POST", path, "{\"resolution\": \"aangepast\"}", "If-Match", "\"1\"");
        assertEquals(403, stranger.status(), "only the author (or the regie) resolves");
        Response resolved = gags.send("POST", path, "{\"resolution\": \"beantwoord\", \"note\": \"Meting was buiten de zone\"}", "If-Match", "\"1\"");
        assertEquals(200, resolved.status(), resolved.body());
        assertFalse(resolved.json().get("open").asBoolean());
        assertEquals("Gijs Gevaar", resolved.json().get("resolution").get("resolvedBy").get("author").asText());
        Response twice = gags.send("POST", path, "{\"resolution\": \"aangepast\"}", "If-Match", "\"2\"");
        assertEquals(409, twice.status(), twice.body());
        assertEquals(0, hanna.get(s.path("/checks?open=true")).json().get("checks").size());
        JsonNode all = hanna.get(s.path("/checks")).json().get("checks");
        assertEquals(1, all.size(), "a resolved mark stays in history");
        assertEquals(1, ((Number) Sql.one("SELECT count(*) FROM regie_check_resolution WHERE check_id = ?", check.get("id").asLong())).intValue());
        assertTrue(hanna.get(s.path("/checks?at=" + java.net.URLEncoder.encode(check.get("createdAt").asText(),
                java.nio.charset.StandardCharsets.UTF_8))).json().get("checks").get(0).get("open").asBoolean(), "?at= shows it open then");
    }

    @Test
    void entriesAndElementsCanBeMarked() {
        RegieFixture s = incident("Regiecheck invoer");
        long decision = hanna.post(s.path("/decisions"), "{\"kind\": \"actie\", \"description\": \"Bel UMC\", \"owner\": \"HIN\"}")
                .json().get("id").asLong();
        Response entry = hanna.post(s.path("/checks"), "{\"target\": {\"type\": \"entry\", \"id\": \"decisions/" + decision + "\"},"
                + " \"kind\": \"onvolledig\", \"note\": \"Wanneer?\"}");
        assertEquals(201, entry.status(), entry.body());
        String element = hanna.post(s.path("/elements"), "{\"type\":\"Feature\",\"properties\":{\"kind\":\"incidentlocatie\",\"source\":\"OvD-G\","
                + "\"certainty\":\"gevalideerd\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[5.1,52.09]}}").json().get("id").asText();
        Response onMap = hanna.post(s.path("/checks"), "{\"target\": {\"type\": \"element\", \"id\": \"" + element + "\"},"
                + " \"kind\": \"onjuist\", \"note\": \"Verkeerde straat\"}");
        assertEquals(201, onMap.status(), onMap.body());
        JsonNode checklist = hanna.get(s.path("/checks")).json().get("checklist");
        assertEquals(2, checklist.size());
        assertEquals("entry", checklist.get(0).get("type").asText());
    }

    @Test
    void badChecksAreRefusedWithTheReasonAndNothingIsStored() {
        RegieFixture s = incident("Regiecheck fout");
        long bullet = s.bullet(hanna, "Situatie", "Brand");
        RegieFixture elsewhere = incident("Regiecheck ander");
        long foreign = elsewhere.bullet(hanna, "Situatie", "Elders");
        long before = count();
        assertRefused(hanna.post(s.path("/checks"), mark(987654321L, "onjuist", null)), 400, "target.id");
        assertRefused(hanna.post(s.path("/checks"), mark(foreign, "onjuist", null)), 400, "target.id");
        assertRefused(hanna.post(s.path("/checks"), mark(bullet, "tegenstrijdig", null)), 400, "conflictsWith");
        assertRefused(hanna.post(s.path("/checks"), mark(bullet, "tegenstrijdig", 987654321L)), 400, "conflictsWith.id");
        assertRefused(hanna.post(s.path("/checks"), mark(bullet, "tegenstrijdig", bullet)), 400, "conflictsWith");
        assertRefused(hanna.post(s.path("/checks"), mark(bullet, "fout", null)), 400, "kind");
        assertRefused(hanna.post(s.path("/checks"), "{\"target\": {\"type\": \"entry\", \"id\": \"decisions/x\"}, \"kind\": \"onjuist\","
                + " \"note\": \"x\"}"), 400, "target.id");
        assertRefused(hanna.post(s.path("/checks"), "{\"target\": {\"type\": \"element\", \"id\": \"5d7c0e9e-0000-4000-8000-000000000000\"},"
                + " \"kind\": \"onjuist\", \"note\": \"x\"}"), 400, "target.id");
        assertRefused(hanna.post(s.path("/checks"), "{\"target\": {\"type\": \"thema\", \"id\": 1}, \"kind\": \"onjuist\", \"note\": \"x\"}"),
                400, "target.type");
        assertRefused(hanna.post(s.path("/checks"), "{\"target\": {\"type\": \"bullet\", \"id\": " + bullet + "}, \"kind\": \"onjuist\"}"),
                400, "note");
        Response noRegie = gags.post(s.path("/checks"), mark(bullet, "onjuist", null));
        assertEquals(403, noRegie.status(), "a GAGS without the regie marks nothing");
        assertEquals(before, count(), "nothing stored");
        Response check = hanna.post(s.path("/checks"), mark(bullet, "onjuist", null));
        String resolve = s.path("/checks/" + check.json().get("id").asLong() + "/resolve");
        assertEquals(428, hanna.post(resolve, "{\"resolution\": \"aangepast\"}").status());
        assertRefused(hanna.send("POST", resolve, "{\"resolution\": \"beantwoord\"}", "If-Match", "\"1\""), 400, "note");
        assertRefused(hanna.send("POST", resolve, "{\"resolution\": \"weg\"}", "If-Match", "\"1\""), 400, "resolution");
        assertEquals(404, hanna.send("POST", s.path("/checks/987654321/resolve"), "{\"resolution\": \"aangepast\"}", "If-Match", "\"1\"")
                .status());
    }

    private static long count() {
        return ((Number) Sql.one("SELECT count(*) FROM regie_check")).longValue();
    }

    private static void assertRefused(Response r, int status, String where) {
        assertEquals(status, r.status(), r.body());
        assertEquals(where, r.where(), r.body());
    }
}

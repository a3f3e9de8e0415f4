package nl.zorgbeeld.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

/** The Veiligheidsbeeld: tiles per theme with a threat level, the weeks ahead, history and ?at=; kept by the region's Hoofd Informatie. */
class RiskApiTest {
    private static TestServer server;
    private static JsonClient hanna;
    private static String region;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        // A region of its own, so that other tests' assessments do not mix in.
        region = "RT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        hanna = JsonClient.as(server, TestUsers.user("Rita Risico", "GHOR " + region, region, null, Role.HOOFD_INFORMATIE));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String body(String theme, String level, OffsetDateTime from, OffsetDateTime until) {
        return "{\"theme\": " + JsonClient.quote(theme) + ", \"level\": \"" + level + "\", \"explanation\": \"Griepgolf neemt toe\","
                + " \"source\": \"RIVM\"" + (from == null ? "" : ", \"validFrom\": \"" + from + "\"") + ", \"validUntil\": \"" + until + "\"}";
    }

    static JsonNode tile(JsonNode dashboard, String theme) {
        for (JsonNode t : dashboard.get("tiles")) {
            if (t.get("theme").asText().equals(theme)) return t;
        }
        throw new IllegalStateException("no tile " + theme);
    }

    @Test
    void tilesShowTheLevelNowTheWeeksAheadAndTheHighest() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String path = "/api/regions/" + region + "/risk";
        JsonNode empty = hanna.get(path).json();
        assertEquals(6, empty.get("tiles").size(), "the standard themes, each without an assessment yet");
        assertTrue(empty.path("highestLevel").isMissingNode() || empty.get("highestLevel").isNull());

        Response first = hanna.post(path, body("infectieziekten", "licht", null, now.plusDays(7)));
        assertEquals(201, first.status(), first.body());
        String afterFirst = first.json().get("recordedAt").asText();
        assertEquals(201, hanna.post(path, body("Extreem weer", "verhoogd", null, now.plusDays(2))).status());
        assertEquals(201, hanna.post(path, body("infectieziekten", "crisis", now.plusDays(7), now.plusDays(14))).status());
        assertEquals(201, hanna.post(path, body("Festival Zomerpark", "licht", null, now.plusDays(3))).status());

        JsonNode dashboard = hanna.get(path).json();
        assertEquals("verhoogd", dashboard.get("highestLevel").asText());
        JsonNode infections = tile(dashboard, "infectieziekten");
        assertEquals("licht", infections.get("current").get("level").asText());
        assertEquals("crisis", infections.get("ahead").get(0).get("level").asText(), "next week's assessment is ahead");
        assertEquals("extreem-weer", tile(dashboard, "extreem-weer").get("theme").asText(), "a standard theme by its label");
        JsonNode own = tile(dashboard, "Festival Zomerpark");
        assertEquals(false, own.get("standard").asBoolean());
        assertEquals(7, dashboard.get("tiles").size());

        // A newer assessment supersedes; the old one stays in history and ?at= shows it.
        assertEquals(201, hanna.post(path, body("infectieziekten", "verhoogd", null, now.plusDays(7))).status());
        assertEquals("verhoogd", tile(hanna.get(path).json(), "infectieziekten").get("current").get("level").asText());
        JsonNode then = hanna.get(path + "?at=" + URLEncoder.encode(afterFirst, StandardCharsets.UTF_8)).json();
        assertEquals("licht", tile(then, "infectieziekten").get("current").get("level").asText());
        assertTrue(tile(then, "extreem-weer").path("current").isMissingNode() || tile(then, "extreem-weer").get("current").isNull());
        JsonNode history = hanna.get(path + "/history?theme=infectieziekten").json().get("assessments");
        assertEquals(3, history.size());
        assertEquals("verhoogd", history.get(0).get("level").asText(), "the latest first");
        assertEquals(5, ((Number) Sql.one("SELECT count(*) FROM audit_entry WHERE action = 'risk.assessed' AND object_id LIKE ?",
                "/api/regions/" + region + "/risk/%")).intValue(), "every assessment is in the audit trail");
    }

    @Test
    void onlyTheRegionsHoofdInformatieWritesAndTheRegionReads() {
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        String path = "/api/regions/" + region + "/risk";
        JsonClient lezer = JsonClient.as(server, TestUsers.user("Rob Lezer", "GHOR " + region, region, null, Role.LEZER));
        assertEquals(200, lezer.get(path).status(), "the region's organisations read");
        assertEquals(403, lezer.post(path, body("evenementen", "licht", null, until)).status());
        JsonClient elsewhere = JsonClient.as(server, TestUsers.standard());
        assertEquals(403, elsewhere.get(path).status(), "another region's user reads nothing");
        assertEquals(403, elsewhere.post(path, body("evenementen", "licht", null, until)).status());
    }

    @Test
    void badAssessmentsAreRefusedWithTheReasonAndNothingIsStored() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String path = "/api/regions/" + region + "/risk";
        long before = count();
        assertRefused(hanna.post(path, body("evenementen", "rood", null, now.plusDays(1))), "level");
        assertRefused(hanna.post(path, body("evenementen", "licht", null, now.minusHours(1))), "validUntil");
        assertRefused(hanna.post(path, body("evenementen", "licht", now.plusDays(3), now.plusDays(2))), "validUntil");
        assertRefused(hanna.post(path, "{\"theme\": \"evenementen\", \"level\": \"licht\", \"source\": \"x\", \"validUntil\": \""
                + now.plusDays(1) + "\"}"), "explanation");
        assertRefused(hanna.post(path, "{\"level\": \"licht\", \"explanation\": \"x\", \"source\": \"x\", \"validUntil\": \"" + now.plusDays(1)
                + "\"}"), "theme");
        assertRefused(hanna.post(path, body("evenementen", "licht", null, now.plusDays(1)).replace("}", ", \"colour\": \"red\"}")), "colour");
        assertRefused(hanna.get(path + "?at=" + URLEncoder.encode(now.plusDays(1).toString(), StandardCharsets.UTF_8)), "at");
        assertEquals(before, count(), "nothing stored");
    }

    private static long count() {
        return ((Number) Sql.one("SELECT count(*) FROM risk_assessment")).longValue();
    }

    private static void assertRefused(Response r, String where) {
        assertEquals(400, r.status(), r.body());
        assertEquals(where, r.where(), r.body());
    }
}

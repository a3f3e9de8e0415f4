package nl.zorgbeeld.regie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The picture's quality, computed live from the stored picture: each indicator against its norm, with the items behind it. */
class QualityApiTest {
    private static TestServer server;
    private static JsonClient hanna;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        hanna = JsonClient.as(server, TestUsers.standard());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode indicator(JsonNode report, String key) {
        for (JsonNode i : report.get("indicators")) {
            if (i.get("key").asText().equals(key)) return i;
        }
        throw new IllegalStateException("no indicator " + key + " in " + report);
    }

    @Test
    void eachIndicatorFollowsWhatIsStored() {
        RegieFixture s = RegieFixture.start(hanna, "Kwaliteit");
        JsonNode empty = hanna.get(s.path("/quality")).json();
        assertEquals(11, empty.get("indicators").size());
        for (JsonNode i : empty.get("indicators")) {
            assertTrue(i.has("label") && i.has("unit") && i.has("items") && i.has("question"), i.toString());
        }
        assertEquals(true, indicator(empty, "regie").get("value").asBoolean(), "the creator took the regie and acted");
        assertEquals(0.0, indicator(empty, "geo-op-kaart").get("value").asDouble());

        long situatie = s.bullet(hanna, "Situatie", "Brand in loods");
        for (String theme : new String[] {"Slachtofferbeeld", "Gevaarlijke stoffen", "Communicatie", "Meteo"}) s.bullet(hanna, theme, theme + " bekend");
        String afterFirst = OffsetDateTime.now(ZoneOffset.UTC).toString();
        JsonNode complete = hanna.get(s.path("/quality")).json();
        JsonNode first = indicator(complete, "eerste-beeld");
        assertTrue(first.get("meetsNorm").asBoolean(), first.toString());
        assertEquals(5, first.get("items").size(), "one item per required theme of the medical picture");
        assertEquals("minutes", first.get("unit").asText());
        assertEquals(1.0, indicator(complete, "actuele-themas").get("value").asDouble());

        // A theme last written 20 minutes ago is stale; writing in it again makes it current.
        TestDatabase.execute("UPDATE bullet_version SET recorded_at = now() - interval '20 minutes' WHERE bullet_id = " + situatie);
        JsonNode stale = indicator(hanna.get(s.path("/quality")).json(), "actuele-themas");
        assertTrue(stale.get("value").asDouble() < 1.0);
        assertFalse(stale.get("meetsNorm").asBoolean());
        assertEquals("Situatie", stale.get("items").get(0).get("label").asText());
        s.bullet(hanna, "Situatie", "Brand meester");
        assertEquals(1.0, indicator(hanna.get(s.path("/quality")).json(), "actuele-themas").get("value").asDouble());

        Response unsourced = hanna.post(s.path("/bullets"), "{\"pictureId\": " + s.medical().get("id").asLong() + ", \"themeId\": "
                + s.themeId("Meteo") + ", \"text\": \"Wind draait\", \"source\": \"onbekend\", \"certainty\": \"gerucht\"}");
        assertEquals(201, unsourced.status());
        assertEquals(201, hanna.post(s.path("/casualties"), "{\"t1\": 2, \"source\": \"RAV\", \"countedAt\": \""
                + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30) + "\"}").status());
        assertEquals(201, hanna.post(s.path("/decisions"), "{\"kind\": \"actie\", \"description\": \"Bel UMC\", \"owner\": \"HIN\","
                + " \"deadline\": \"" + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1) + "\"}").status());
        assertEquals(201, hanna.post(s.path("/questions"), "{\"question\": \"Hoeveel bedden?\", \"addressee\": \"ROAZ\"}").status());
        assertEquals(201, hanna.post(s.path("/checks"), "{\"target\": {\"type\": \"bullet\", \"id\": " + situatie + "}, \"kind\": \"onduidelijk\","
                + " \"note\": \"Welke loods?\"}").status());

        JsonNode report = hanna.get(s.path("/quality")).json();
        JsonNode sources = indicator(report, "bronvermelding");
        assertTrue(sources.get("value").asDouble() < 1.0);
        assertEquals("Wind draait", sources.get("items").get(0).get("label").asText());
        assertEquals("gerucht", indicator(report, "gevalideerd").get("items").get(0).get("certainty").asText());
        JsonNode processing = indicator(report, "verwerking-10-minuten");
        assertEquals(0.0, processing.get("value").asDouble(), "a count recorded 30 minutes after it was counted");
        assertFalse(processing.get("meetsNorm").asBoolean());
        assertEquals(1, indicator(report, "acties-over-termijn").get("value").asInt());
        assertEquals(1, indicator(report, "open-informatievragen").get("value").asInt());
        assertEquals("ROAZ", indicator(report, "open-informatievragen").get("items").get(0).get("owner").asText());
        assertEquals(1, indicator(report, "besluiten-acties").get("value").asInt());
        assertEquals(1, indicator(report, "open-regiechecks").get("value").asInt());
        JsonNode situatieTheme = null;
        for (JsonNode t : report.get("themes")) {
            if (t.get("name").asText().equals("Situatie") && t.get("pictureKind").asText().equals("geneeskundig")) situatieTheme = t;
        }
        assertEquals(1, situatieTheme.get("openChecks").asInt(), "per theme as well");

        JsonNode before = hanna.get(s.path("/quality?at=" + URLEncoder.encode(afterFirst, StandardCharsets.UTF_8))).json();
        assertEquals(0, indicator(before, "open-regiechecks").get("value").asInt(), "?at= judges the picture as it stood then");
        assertEquals(0, indicator(before, "besluiten-acties").get("value").asInt());

        Response csv = hanna.get(s.path("/quality?format=csv"));
        assertEquals(200, csv.status());
        String[] lines = csv.body().strip().split("\r?\n");
        assertEquals(12, lines.length, csv.body());
        assertTrue(lines[0].startsWith("incidentId,incident,evaluatedAt,key,label"));
        assertTrue(csv.body().contains("open-regiechecks"));
    }

    @Test
    void onlyTheHoofdInformatieAsksAndBadParametersAreRefused() {
        RegieFixture s = RegieFixture.start(hanna, "Kwaliteit toegang");
        JsonClient lezer = JsonClient.as(server, TestUsers.user("Lieke Lezer", "GHOR Utrecht", Role.LEZER));
        assertEquals(403, lezer.get(s.path("/quality")).status());
        Response format = hanna.get(s.path("/quality?format=pdf"));
        assertEquals(400, format.status());
        assertEquals("format", format.where());
        assertEquals(400, hanna.get(s.path("/quality?at=gisteren")).status());
        assertEquals(400, hanna.get(s.path("/quality?at=" + URLEncoder.encode(OffsetDateTime.now().plusDays(1).toString(),
                StandardCharsets.UTF_8))).status(), "the future cannot be judged");
        assertEquals(404, hanna.get("/api/incidents/987654321/quality").status());
    }
}

package nl.zorgbeeld.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.EventStream;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The management summary on top of a picture: only the regie holder writes it, versioned, in the picture and the live stream. */
class SummaryApiTest {
    private static TestServer server;
    private static JsonClient hanna;
    private static JsonClient otherHin;
    private static JsonClient lezer;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        hanna = JsonClient.as(server, TestUsers.standard());
        otherHin = JsonClient.as(server, TestUsers.user("Otto Tweede", "GHOR Utrecht", Role.HOOFD_INFORMATIE));
        lezer = JsonClient.as(server, TestUsers.user("Lieke Lezer", "GHOR Utrecht", Role.LEZER));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String summaryPath(Scenario s) {
        return s.path("/pictures/" + s.medicalPictureId() + "/summary");
    }

    @Test
    void theRegieHolderWritesVersionsThatTheLiveStreamAndThePictureCarry() {
        Scenario s = Scenario.start(hanna, "Samenvatting");
        String path = summaryPath(s);
        Response empty = hanna.get(path);
        assertEquals(200, empty.status(), empty.body());
        assertEquals(0, empty.json().get("version").asInt());
        assertTrue(empty.json().path("text").isMissingNode() || empty.json().get("text").isNull(), "no text yet");

        String firstAt;
        try (EventStream stream = EventStream.open(server.port(), s.path("/live"))) {
            stream.next("connected");
            Response first = hanna.send("PUT", path, "{\"text\": \"Brand in loods, 3 T1 naar UMC.\"}");
            assertEquals(200, first.status(), first.body());
            assertEquals("\"1\"", first.header("ETag"));
            firstAt = first.json().get("updatedAt").asText();
            JsonNode event = stream.next("change").json();
            assertEquals("nl.zorgbeeld.summary.written", event.get("type").asText());
            assertEquals(first.json(), event.get("data"));
        }
        Response noIfMatch = hanna.send("PUT", path, "{\"text\": \"Tweede versie\"}");
        assertEquals(428, noIfMatch.status(), noIfMatch.body());
        Response stale = hanna.send("PUT", path, "{\"text\": \"Tweede versie\"}", "If-Match", "\"7\"");
        assertEquals(412, stale.status());
        Response second = hanna.send("PUT", path, "{\"text\": \"Tweede versie\"}", "If-Match", "\"1\"");
        assertEquals(200, second.status(), second.body());
        assertEquals(2, second.json().get("version").asInt());
        assertEquals("Hanna Informatie", second.json().get("author").asText());

        JsonNode medical = s.pictureOfKind("geneeskundig");
        assertEquals("Tweede versie", medical.get("summary").get("text").asText(), "the picture (and its export) carries the summary");
        assertEquals(0, s.pictureOfKind("multidisciplinair").get("summary").get("version").asInt());
        assertEquals("Brand in loods, 3 T1 naar UMC.", hanna.get(path + "?at=" + URLEncoder.encode(firstAt, StandardCharsets.UTF_8))
                .json().get("text").asText(), "?at= shows the version of that moment");
        JsonNode versions = hanna.get(path + "/versions").json().get("versions");
        assertEquals(2, versions.size());
        assertEquals(1, versions.get(0).get("version").asInt());
        assertEquals("summary.written", hanna.get(s.path("/timeline")).json().get("events").get(0).get("action").asText());
    }

    @Test
    void someoneWithoutTheRegieIsRefusedAndNothingIsStored() {
        Scenario s = Scenario.start(hanna, "Samenvatting regie");
        String path = summaryPath(s);
        Response other = otherHin.send("PUT", path, "{\"text\": \"Niet van mij\"}");
        assertEquals(403, other.status(), other.body());
        assertEquals(403, lezer.send("PUT", path, "{\"text\": \"Niet van mij\"}").status());
        assertEquals(0, hanna.get(path).json().get("version").asInt(), "nothing stored");

        // Given the regie, the other Hoofd Informatie writes it.
        Response incident = hanna.get(s.path(""));
        assertEquals(200, hanna.patch(s.path(""), "{\"regie\": {\"person\": \"Otto Tweede\", \"organisation\": \"GHOR Utrecht\"}}",
                incident.header("ETag")).status());
        assertEquals(200, otherHin.send("PUT", path, "{\"text\": \"Nu wel\"}").status());
        assertEquals(403, hanna.send("PUT", path, "{\"text\": \"Ik niet meer\"}", "If-Match", "\"1\"").status());
    }

    @Test
    void whenTheRegieNamesNoUserTheRegionsHoofdInformatieWrites() {
        Scenario s = Scenario.start(hanna, "Samenvatting zonder gebruiker",
                "\"regie\": {\"person\": \"Piet Papier\", \"organisation\": \"Veiligheidsregio Utrecht\"},");
        assertFalse(s.picture().get("regieHasAccount").asBoolean(), "the view tells the screen that the regie names nobody with an account");
        assertEquals(200, otherHin.send("PUT", summaryPath(s), "{\"text\": \"Waarnemend\"}").status());
        assertTrue(Scenario.start(hanna, "Samenvatting met gebruiker").picture().get("regieHasAccount").asBoolean(),
                "a regie naming a user (the creator) has an account");
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        Scenario s = Scenario.start(hanna, "Samenvatting fout");
        String path = summaryPath(s);
        Response blank = hanna.send("PUT", path, "{\"text\": \"\"}");
        assertEquals(400, blank.status());
        assertEquals("text", blank.where());
        assertEquals(400, hanna.send("PUT", path, "{\"text\": \"x\", \"extra\": 1}").status());
        Response tooLong = hanna.send("PUT", path, "{\"text\": " + JsonClient.quote("x".repeat(2001)) + "}");
        assertEquals(400, tooLong.status());
        long own = hanna.post(s.path("/pictures"), "{\"organisation\": \"UMC Utrecht\"}").json().get("id").asLong();
        Response ownPicture = hanna.send("PUT", s.path("/pictures/" + own + "/summary"), "{\"text\": \"x\"}");
        assertEquals(400, ownPicture.status(), ownPicture.body());
        assertEquals("pictureId", ownPicture.where());
        assertEquals(404, hanna.get(s.path("/pictures/987654321/summary")).status());
        assertEquals(0, hanna.get(path).json().get("version").asInt(), "nothing stored");
    }
}

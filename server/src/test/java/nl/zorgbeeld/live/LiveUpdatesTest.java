package nl.zorgbeeld.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.zorgbeeld.testing.EventStream;
import nl.zorgbeeld.testing.EventStream.Event;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server-sent events: a committed change reaches every screen watching that incident, and only those,
 * as a CloudEvents event that carries the changed object itself.
 */
class LiveUpdatesTest {
    private static TestServer server;
    private static JsonClient hanna;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        hanna = new JsonClient(server, "Hanna", "GHOR");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCommittedChangeReachesEveryWatcherOfThatIncidentOnly() {
        long incident = LiveFixtures.incident(hanna, "Live-test");
        long other = LiveFixtures.incident(hanna, "Ander incident");
        try (EventStream first = EventStream.open(server.port(), "/api/incidents/" + incident + "/live");
             EventStream second = EventStream.open(server.port(), "/api/incidents/" + incident + "/live");
             EventStream elsewhere = EventStream.open(server.port(), "/api/incidents/" + other + "/live")) {
            for (EventStream s : List.of(first, second, elsewhere)) s.next("connected");

            String elementId = LiveFixtures.point(hanna, incident, "Brandhaard").get("id").asText();
            // A change to the other incident afterwards: when it has arrived there, nothing of the first came before it.
            LiveFixtures.point(hanna, other, "Elders");

            for (EventStream s : List.of(first, second)) {
                JsonNode event = s.next("change").json();
                assertEquals("1.0", event.get("specversion").asText());
                assertEquals("nl.zorgbeeld.element.created", event.get("type").asText());
                assertEquals("/api/incidents/" + incident, event.get("source").asText());
                assertEquals("elements/" + elementId, event.get("subject").asText());
                assertEquals("application/geo+json", event.get("datacontenttype").asText());
                assertEquals("Hanna", event.get("author").asText());
                assertTrue(event.get("summary").asText().contains("Brandhaard"));
                JsonNode feature = event.get("data");
                assertEquals("Feature", feature.get("type").asText());
                assertEquals(elementId, feature.get("id").asText());
                assertEquals(5.1, feature.at("/geometry/coordinates/0").asDouble(), 1e-9, "WGS84, as the map draws it");
                assertEquals(1, feature.at("/properties/version").asInt());
            }
            JsonNode elsewhereEvent = elsewhere.next("change").json();
            assertTrue(elsewhereEvent.get("summary").asText().contains("Elders"), "the other incident's screens hear only their own");
        }
    }

    @Test
    void eventsCarryTheBulletAndTheIncidentAsTheApiShowsThem() {
        long incident = LiveFixtures.incident(hanna, "Inhoud");
        try (EventStream stream = EventStream.open(server.port(), "/api/incidents/" + incident + "/live")) {
            stream.next("connected");
            Response bullet = LiveFixtures.bullet(hanna, incident, "Meteo", "Wind ZW 4 Bft");
            Event added = stream.next("change");
            assertEquals("nl.zorgbeeld.bullet.created", added.json().get("type").asText());
            assertEquals("bullets/" + bullet.json().get("id").asLong(), added.json().get("subject").asText());
            assertEquals(bullet.json(), added.json().get("data"), "the bullet exactly as POST answered it");

            Response current = hanna.get("/api/incidents/" + incident);
            Response updated = hanna.patch("/api/incidents/" + incident, "{\"grip\": \"2\"}", current.header("ETag"));
            assertEquals(200, updated.status(), updated.toString());
            JsonNode change = stream.next("change").json();
            assertEquals("nl.zorgbeeld.incident.updated", change.get("type").asText());
            assertNull(change.get("subject"), "the incident itself is the source");
            assertEquals(updated.json(), change.get("data"), "the incident exactly as PATCH answered it");
            assertEquals(Long.parseLong(added.id()) + 1, Long.parseLong(change.get("id").asText()),
                    "ids are the positions in the change log, one apart when nothing else happened in between");
        }
    }

    @Test
    void anUnknownIncidentIsA404BeforeAnyStream() {
        try (EventStream r = EventStream.open(server.port(), "/api/incidents/987654321/live")) {
            assertEquals(404, r.status());
            assertEquals("NotFound", r.error().get("code").asText());
        }
    }

    @Test
    void anUnknownParameterIsA400BeforeAnyStream() {
        long incident = LiveFixtures.incident(hanna, "Parameter");
        try (EventStream r = EventStream.open(server.port(), "/api/incidents/" + incident + "/live?since=5")) {
            assertEquals(400, r.status());
            assertEquals("since", r.error().get("where").asText());
        }
    }

    @Test
    void theStreamIsNotBufferedOnTheWay() {
        long incident = LiveFixtures.incident(hanna, "Kopregels");
        try (EventStream stream = EventStream.open(server.port(), "/api/incidents/" + incident + "/live")) {
            assertEquals(200, stream.status());
            assertTrue(stream.header("Content-Type").startsWith("text/event-stream"));
            assertEquals("no", stream.header("X-Accel-Buffering"));
            assertTrue(stream.header("Cache-Control").contains("no-cache"));
            Event connected = stream.next();
            assertEquals("connected", connected.name());
            assertFalse(connected.id().isEmpty(), "a fresh stream starts with the head as its id, to resume from");
        }
    }
}

package nl.zorgbeeld.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.zorgbeeld.http.ErrorHandlers;
import nl.zorgbeeld.http.RequestIds;
import nl.zorgbeeld.testing.EventStream;
import nl.zorgbeeld.testing.EventStream.Event;
import nl.zorgbeeld.testing.EventStream.Options;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/live: the incident list as it changes, limited to the incidents the viewer may see. */
class IncidentListStreamTest {
    private static TestServer server;
    private static JsonClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = new JsonClient(server, "Hanna", "GHOR");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response patch(long incident, String body) {
        Response current = client.get("/api/incidents/" + incident);
        Response r = client.patch("/api/incidents/" + incident, body, current.header("ETag"));
        assertEquals(200, r.status(), r.toString());
        return r;
    }

    @Test
    void newIncidentsAndTheirStatusGripAndRegieArriveButNotTheirPictures() {
        try (EventStream list = EventStream.open(server.port(), "/api/live")) {
            JsonNode connected = list.next("connected").json();
            assertFalse(connected.has("incidentId"));

            long incident = LiveFixtures.incident(client, "Lijst");
            JsonNode created = list.next("change").json();
            assertEquals("nl.zorgbeeld.incident.created", created.get("type").asText());
            assertEquals(incident, created.at("/data/id").asLong());
            assertEquals(client.get("/api/incidents/" + incident).json().get("title"), created.at("/data/title"));

            // A bullet is no news for the list: the next event there is the GRIP change after it.
            LiveFixtures.bullet(client, incident, "Meteo", "Wind NW 3 Bft");
            Response grip = patch(incident, "{\"grip\": \"2\", \"status\": \"afgeschaald\"}");
            JsonNode updated = list.next("change").json();
            assertEquals("nl.zorgbeeld.incident.updated", updated.get("type").asText());
            assertEquals(grip.json(), updated.get("data"));

            Response regie = patch(incident, "{\"regie\": {\"person\": \"Piet Jansen\", \"organisation\": \"GHOR Utrecht\"}}");
            JsonNode regieEvent = list.next("change").json();
            assertEquals(regie.json().get("regie"), regieEvent.at("/data/regie"));
        }
    }

    @Test
    void onlyVisibleIncidentsAreStreamedAndReplayed() {
        long visible = LiveFixtures.incident(client, "Zichtbaar");
        long hidden = LiveFixtures.incident(client, "Verborgen");
        Set<Long> mayView = ConcurrentHashMap.newKeySet();
        mayView.add(visible);
        // The same module as in the app, with a visibility rule of its own (the app's is auth/LiveVisibility, LiveAccessTest).
        Javalin app = Javalin.create(cfg -> {
            RequestIds.install(cfg);
            ErrorHandlers.install(cfg);
            new LiveModule(TestDatabase.dataSource(), LiveConfig.DEFAULTS, id -> { }, ctx -> mayView::contains,
                    ctx -> "one viewer").register(cfg);
        }).start("127.0.0.1", 0);
        try {
            long start;
            try (EventStream list = EventStream.open(app.port(), "/api/live")) {
                start = list.next("connected").idNumber();
                patch(hidden, "{\"grip\": \"3\"}");
                patch(visible, "{\"grip\": \"1\"}");
                Event first = list.next("change");
                assertEquals(visible, first.json().at("/data/id").asLong(), "the hidden incident's change was not sent");
            }
            try (EventStream replay = EventStream.open(app.port(), "/api/live", Options.resumeAfter(Long.toString(start)))) {
                assertEquals(1, replay.next("connected").json().get("replayed").asInt(), "the replay skips it too");
                assertEquals(visible, replay.next("change").json().at("/data/id").asLong());
            }
            try (EventStream refused = EventStream.open(app.port(), "/api/incidents/" + hidden + "/live")) {
                assertEquals(404, refused.status(), "an invisible incident is not told from an unknown one");
            }
            try (EventStream allowed = EventStream.open(app.port(), "/api/incidents/" + visible + "/live")) {
                assertEquals(200, allowed.status());
            }
        } finally {
            app.stop();
        }
    }
}

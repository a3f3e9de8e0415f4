package nl.zorgbeeld.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server-sent events: a committed change reaches every screen watching that incident, and only those. */
class LiveUpdatesTest {
    private static final String POINT = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"incidentlocatie\",\"label\":\"Brandhaard\","
            + "\"source\":\"OvD\",\"certainty\":\"gevalideerd\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[5.1,52.1]}}";
    private static TestServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Opens the stream and collects its "event: name\ndata: json" pairs as "name json". */
    private BlockingQueue<String> watch(long incident) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/api/incidents/" + incident + "/live")))
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String event = null;
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("event:")) event = line.substring(6).trim();
                    if (line.startsWith("data:") && event != null) events.add(event + " " + line.substring(5).trim());
                }
            } catch (Exception ignored) {
                // The stream ends when the test ends.
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertTrue(events.poll(5, TimeUnit.SECONDS).startsWith("connected "), "the stream says it is connected");
        return events;
    }

    private void draw(long incident) {
        HttpResponse<String> created = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/incidents/" + incident + "/elements")))
                .POST(HttpRequest.BodyPublishers.ofString(POINT)).header("Content-Type", "application/geo+json")
                .header("X-Zorgbeeld-Author", "Hanna").header("X-Zorgbeeld-Organisation", "GHOR").build());
        assertEquals(201, created.statusCode(), created.body());
    }

    @Test
    void aCommittedChangeReachesEveryWatcherOfThatIncidentOnly() throws Exception {
        long incident = TestIncidents.create("Live-test", "actief");
        long other = TestIncidents.create("Ander incident", "actief");
        BlockingQueue<String> first = watch(incident);
        BlockingQueue<String> second = watch(incident);
        BlockingQueue<String> elsewhere = watch(other);

        draw(incident);

        for (BlockingQueue<String> events : java.util.List.of(first, second)) {
            String event = events.poll(5, TimeUnit.SECONDS);
            assertNotNull(event, "the change arrived within 5 s");
            assertTrue(event.startsWith("change "), event);
            var change = Json.tree(event.substring("change ".length()));
            assertEquals(incident, change.get("incidentId").asLong());
            assertEquals("element.create", change.get("action").asText());
            assertEquals("Hanna", change.get("author").asText());
            assertTrue(change.get("summary").asText().contains("Brandhaard"));
        }
        assertNull(elsewhere.poll(1, TimeUnit.SECONDS), "another incident's screens hear nothing");
    }

    @Test
    void anUnknownIncidentIsA404BeforeAnyStream() {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/incidents/987654321/live")))
                .header("Accept", "text/event-stream").build());
        assertEquals(404, r.statusCode());
        assertEquals("NotFound", Json.tree(r.body()).get("code").asText());
    }
}

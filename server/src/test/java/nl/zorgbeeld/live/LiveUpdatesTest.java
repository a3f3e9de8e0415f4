package nl.zorgbeeld.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import com.fasterxml.jackson.databind.JsonNode;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server-sent events: a committed change reaches every screen watching that incident, and only those;
 * when the server's own database connection has to be made again, every screen is told to reload.
 * Events are awaited with a generous deadline, never for a fixed time: what must not arrive is
 * shown by what arrives after it.
 */
class LiveUpdatesTest {
    /** Only a failing test waits this long for an event. */
    private static final long DEADLINE_SECONDS = 30;
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
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + TestUsers.standard().token()).build();
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
        assertTrue(next(events).startsWith("connected "), "the stream says it is connected");
        return events;
    }

    private static String next(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
        assertNotNull(event, "no event within " + DEADLINE_SECONDS + " s");
        return event;
    }

    private static JsonNode change(String event) {
        assertTrue(event.startsWith("change "), event);
        return Json.tree(event.substring("change ".length()));
    }

    private void draw(long incident) {
        HttpResponse<String> created = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/incidents/" + incident + "/elements")))
                .POST(HttpRequest.BodyPublishers.ofString(POINT)).header("Content-Type", "application/geo+json").build());
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
            JsonNode change = change(next(events));
            assertEquals(incident, change.get("incidentId").asLong());
            assertEquals("element.create", change.get("action").asText());
            assertEquals("Hanna Informatie", change.get("author").asText());
            assertTrue(change.get("summary").asText().contains("Brandhaard"));
        }
        // Changes go out in the order they were committed: had the first reached the other incident's
        // screen, it would come before this one.
        draw(other);
        assertEquals(other, change(next(elsewhere)).get("incidentId").asLong(), "another incident's screens hear only their own");
    }

    @Test
    void whenTheServersDatabaseConnectionComesBackEveryScreenIsToldToReload() throws Exception {
        long incident = TestIncidents.create("Live-herstel", "actief");
        BlockingQueue<String> events = watch(incident);

        long ended = Sql.count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND query = 'LISTEN zorgbeeld_change') t");
        assertTrue(ended >= 1, "the server's listening connection was found");

        String event = next(events);
        assertTrue(event.startsWith("resync "), "changes may have been missed meanwhile: " + event);
        assertEquals(incident, Json.tree(event.substring("resync ".length())).get("incidentId").asLong());
        draw(incident);
        assertEquals("element.create", change(next(events)).get("action").asText(), "and changes arrive again");
    }

    @Test
    void anUnknownIncidentIsA404BeforeAnyStream() {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/incidents/987654321/live")))
                .header("Accept", "text/event-stream").build());
        assertEquals(404, r.statusCode());
        assertEquals("NotFound", Json.tree(r.body()).get("code").asText());
    }
}

package nl.zorgbeeld.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.EventStream;
import nl.zorgbeeld.testing.EventStream.Event;
import nl.zorgbeeld.testing.EventStream.Options;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fan-out that holds up under real clients: heartbeats, slow clients dropped without harm to others, limits. */
class LiveFanOutTest {
    private static TestServer server;
    private static JsonClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("ZORGBEELD_LIVE_HEARTBEAT_SECONDS", "1", "ZORGBEELD_LIVE_CLIENT_BUFFER", "3"));
        client = new JsonClient(server, "Hanna", "GHOR");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String stream(long incident) {
        return "/api/incidents/" + incident + "/live";
    }

    /** A square of 19,000 vertices around a point (about 450 kB as GeoJSON): events that fill buffers quickly. */
    private static String bigArea(int n) {
        StringBuilder ring = new StringBuilder();
        int vertices = 19_000;
        for (int i = 0; i <= vertices; i++) {
            double t = 4.0 * (i % vertices) / vertices;
            int side = (int) t;
            double f = t - side;
            double x = switch (side) { case 0 -> f; case 1 -> 1; case 2 -> 1 - f; default -> 0; };
            double y = switch (side) { case 0 -> 0; case 1 -> f; case 2 -> 1; default -> 1 - f; };
            if (i > 0) ring.append(',');
            ring.append('[').append(String.format(java.util.Locale.ROOT, "%.6f", 5.0 + x * 0.01)).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.6f", 52.0 + y * 0.01)).append(']');
        }
        return "{\"type\":\"Feature\",\"properties\":{\"kind\":\"aantekening\",\"label\":\"groot " + n + "\",\"source\":\"OvD\","
                + "\"certainty\":\"gevalideerd\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}";
    }

    @Test
    void anIdleStreamGetsHeartbeats() {
        long incident = LiveFixtures.incident(client, "Stil");
        try (EventStream s = EventStream.open(server.port(), stream(incident))) {
            assertEquals(1, s.next("connected").json().get("heartbeatSeconds").asInt());
            s.awaitComments(2);
        }
    }

    @Test
    void aSlowClientIsDroppedWithoutHoldingUpOthersAndResumesWithoutLoss() {
        long incident = LiveFixtures.incident(client, "Traag");
        try (EventStream fast = EventStream.open(server.port(), stream(incident));
             EventStream slow = EventStream.open(server.port(), stream(incident), Options.notReading())) {
            long start = fast.next("connected").idNumber();
            long droppedBefore = dropped();
            // Large changes until the server gives up on the client that reads nothing.
            int written = 0;
            while (dropped() == droppedBefore) {
                assertTrue(written < 80, "the slow client was never dropped");
                assertEquals(201, client.post("/api/incidents/" + incident + "/elements", bigArea(written++)).status());
            }
            List<Long> expected = LiveFixtures.logAfter(incident, start);
            long end = expected.get(expected.size() - 1);

            List<Long> fastIds = changeIds(fast.until(e -> e.name().equals("change") && e.idNumber() >= end));
            assertEquals(expected, fastIds, "the fast client got every event while the slow one stalled");

            slow.startReading();
            assertTrue(slow.awaitEnd(), "the server closed the slow client's connection");
            List<Long> slowIds = new ArrayList<>(changeIds(slow.drain()));
            assertTrue(slowIds.size() < expected.size(), "the slow client missed events when it was dropped");
            String resumeFrom = slowIds.isEmpty() ? Long.toString(start) : Long.toString(slowIds.get(slowIds.size() - 1));
            try (EventStream resumed = EventStream.open(server.port(), stream(incident), Options.resumeAfter(resumeFrom))) {
                slowIds.addAll(changeIds(resumed.until(e -> e.name().equals("change") && e.idNumber() >= end)));
            }
            assertEquals(expected, slowIds, "after resuming, the slow client has every event once, in order");
        }
    }

    @Test
    void streamsBeyondTheUserLimitAreRefusedWithA429AndTheOthersGoOn() {
        // Three users on one address (as behind a proxy or a hospital's NAT): the limit counts per user.
        TestUser first = TestUsers.user("Stroom Een", "GHOR Utrecht", Role.HOOFD_INFORMATIE);
        TestUser second = TestUsers.user("Stroom Twee", "GHOR Utrecht", Role.LEZER);
        TestUser third = TestUsers.user("Stroom Drie", "GHOR Utrecht", Role.LEZER);
        try (TestServer limited = TestServer.start(Map.of("ZORGBEELD_LIVE_STREAMS_PER_CLIENT", "2", "ZORGBEELD_LIVE_MAX_STREAMS", "3",
                "ZORGBEELD_LIVE_HEARTBEAT_SECONDS", "1"))) {
            long incident = LiveFixtures.incident(client, "Grens");
            EventStream one = EventStream.open(limited.port(), stream(incident), Options.fresh().as(first));
            EventStream two = EventStream.open(limited.port(), "/api/live", Options.fresh().as(first));
            one.next("connected");
            two.next("connected");
            try (EventStream three = EventStream.open(limited.port(), stream(incident), Options.fresh().as(first))) {
                assertEquals(429, three.status());
                JsonNode error = three.error();
                assertEquals("TooManyRequests", error.get("code").asText());
                assertTrue(error.get("detail").asText().contains("2 live streams"));
            }
            EventStream other = EventStream.open(limited.port(), stream(incident), Options.fresh().as(second));
            other.next("connected");
            try (EventStream full = EventStream.open(limited.port(), stream(incident), Options.fresh().as(third))) {
                assertEquals(503, full.status(), "the instance holds its maximum");
                assertEquals("ServiceUnavailable", full.error().get("code").asText());
            }

            LiveFixtures.point(client, incident, "gaat door");
            assertEquals("change", one.next().name());
            assertEquals("change", other.next().name());

            // A stream that goes away frees its slot once the server notices (at the next heartbeat at the latest).
            one.cut();
            int freed = 0;
            while (true) {
                try (EventStream again = EventStream.open(limited.port(), stream(incident), Options.fresh().as(first))) {
                    if (again.status() == 200) break;
                    // Until then the gone stream still counts, for the user and for the instance.
                    assertTrue(again.status() == 429 || again.status() == 503, "status " + again.status());
                    assertTrue(++freed < 1000, "the slot was never freed");
                    one.awaitEnd();
                    two.awaitComments(two.comments() + 1);
                }
            }
            two.close();
            other.close();
        }
    }

    private static long dropped() {
        return server.json("/health").at("/live/dropped").asLong();
    }

    private static List<Long> changeIds(List<Event> events) {
        return events.stream().filter(e -> e.name().equals("change")).map(Event::idNumber).toList();
    }
}

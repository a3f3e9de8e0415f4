package nl.zorgbeeld.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.testing.Cluster;
import nl.zorgbeeld.testing.EventStream;
import nl.zorgbeeld.testing.EventStream.Event;
import nl.zorgbeeld.testing.EventStream.Options;
import nl.zorgbeeld.testing.GatedDataSource;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Live streams across a database restart and across app instances: no subscriber misses an event
 * because the database went away, because its instance was briefly deaf, or because it resumed on
 * another instance behind the load balancer.
 */
class LiveRestartTest {
    private static final Map<String, String> QUICK_HEARTBEAT = Map.of("ZORGBEELD_LIVE_HEARTBEAT_SECONDS", "1");

    private static String stream(long incident) {
        return "/api/incidents/" + incident + "/live";
    }

    private static List<Long> changeIds(List<Event> events) {
        return events.stream().filter(e -> e.name().equals("change")).map(Event::idNumber).toList();
    }

    /** Draws a point, again when the first attempt meets a connection the restart left dead. */
    private static void drawSurely(JsonClient client, long incident, String label) {
        for (int attempt = 1; ; attempt++) {
            try {
                LiveFixtures.point(client, incident, label);
                return;
            } catch (IllegalStateException e) {
                if (attempt == 5) throw e;
            }
        }
    }

    @Test
    void aRealDatabaseRestartUnderAConnectedClientLosesNothing() {
        Cluster cluster = Cluster.underTests();
        try (TestServer server = TestServer.start(QUICK_HEARTBEAT)) {
            JsonClient client = new JsonClient(server, "Hanna", "GHOR");
            long incident = LiveFixtures.incident(client, "Herstart");
            try (EventStream s = EventStream.open(server.port(), stream(incident))) {
                long start = s.next("connected").idNumber();
                LiveFixtures.point(client, incident, "voor");
                List<Long> received = new ArrayList<>(changeIds(List.of(s.next("change"))));

                cluster.stop();
                try {
                    JsonNode health = server.json("/health");
                    assertEquals("degraded", health.get("status").asText());
                    assertEquals("unreachable", health.get("database").asText());
                    int beatsWhileDown = s.comments();
                    s.awaitComments(beatsWhileDown + 1);
                } finally {
                    cluster.start();
                }
                // Written at once: some may commit before this instance listens again, and must come from the log.
                for (int i = 0; i < 5; i++) drawSurely(client, incident, "na " + i);

                List<Long> expected = LiveFixtures.logAfter(incident, start);
                long end = expected.get(expected.size() - 1);
                List<Event> after = s.until(e -> e.name().equals("change") && e.idNumber() >= end);
                assertTrue(after.stream().noneMatch(e -> e.name().equals("connected")), "the stream itself stayed open");
                received.addAll(changeIds(after));
                assertEquals(expected, received, "every change once, in order, across the restart");
            }
            awaitListening(server);
        }
    }

    @Test
    void anInstanceOffTheDatabaseCatchesUpFromTheLogWhenItListensAgain() {
        GatedDataSource gate = new GatedDataSource(TestDatabase.dataSource());
        try (TestServer deaf = TestServer.start(QUICK_HEARTBEAT, gate, 0); TestServer writer = TestServer.start()) {
            JsonClient client = new JsonClient(writer, "Hanna", "GHOR");
            long incident = LiveFixtures.incident(client, "Doof");
            try (EventStream s = EventStream.open(deaf.port(), stream(incident))) {
                long start = s.next("connected").idNumber();
                awaitListening(deaf);

                gate.shut();
                Sql.rows("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                        ChangeListener.APPLICATION_NAME);
                while (!deaf.json("/health").at("/live/status").asText().equals("reconnecting")) {
                    s.awaitComments(s.comments() + 1);
                }
                // Written while that instance cannot listen: no notification can ever reach it.
                for (int i = 0; i < 10; i++) LiveFixtures.point(client, incident, "tijdens " + i);
                List<Long> expected = LiveFixtures.logAfter(incident, start);
                assertEquals(10, expected.size());
                gate.open();

                List<Event> events = s.until(e -> e.name().equals("change") && e.idNumber() >= expected.get(9));
                assertEquals(expected, changeIds(events), "read from the log after listening again, once each, in order");
                assertTrue(events.stream().noneMatch(e -> e.name().equals("connected")));
            } finally {
                gate.open();
            }
        }
    }

    @Test
    void twoInstancesOnOneDatabaseServeTheSameStreamAndAClientResumesOnTheOther() {
        try (TestServer a = TestServer.start(); TestServer b = TestServer.start()) {
            JsonClient viaA = new JsonClient(a, "Hanna", "GHOR");
            JsonClient viaB = new JsonClient(b, "Piet", "GGD");
            long incident = LiveFixtures.incident(viaA, "Twee");
            List<Long> received = new ArrayList<>();
            long start;
            try (EventStream onA = EventStream.open(a.port(), stream(incident));
                 EventStream listOnB = EventStream.open(b.port(), "/api/live")) {
                start = onA.next("connected").idNumber();
                listOnB.next("connected");
                LiveFixtures.point(viaB, incident, "via B");
                LiveFixtures.point(viaA, incident, "via A");
                received.addAll(changeIds(List.of(onA.next("change"), onA.next("change"))));

                Response current = viaA.get("/api/incidents/" + incident);
                assertEquals(200, viaA.patch("/api/incidents/" + incident, "{\"grip\": \"2\"}", current.header("ETag")).status());
                assertEquals("nl.zorgbeeld.incident.updated", listOnB.next("change").json().get("type").asText(),
                        "a change made through A reaches the list on B");
                received.addAll(changeIds(List.of(onA.next("change"))));
                onA.cut();
            }
            // Behind a load balancer without sticky sessions the reconnect may land on the other instance.
            for (int i = 0; i < 3; i++) LiveFixtures.point(viaA, incident, "terwijl weg " + i);
            List<Long> expected = LiveFixtures.logAfter(incident, start);
            long end = expected.get(expected.size() - 1);
            try (EventStream onB = EventStream.open(b.port(), stream(incident),
                    Options.resumeAfter(Long.toString(received.get(received.size() - 1))))) {
                received.addAll(changeIds(onB.until(e -> e.name().equals("change") && e.idNumber() >= end)));
            }
            assertEquals(expected, received);
        }
    }

    /** Waits (on heartbeats of a stream of its own) until the instance listens for changes again. */
    private static void awaitListening(TestServer server) {
        long incident = ((Number) Sql.one("SELECT min(id) FROM incident")).longValue();
        try (EventStream beat = EventStream.open(server.port(), stream(incident))) {
            beat.next("connected");
            while (!server.json("/health").at("/live/status").asText().equals("listening")) {
                beat.awaitComments(beat.comments() + 1);
            }
        }
    }
}

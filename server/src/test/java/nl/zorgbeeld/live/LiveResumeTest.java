package nl.zorgbeeld.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.zorgbeeld.testing.EventStream;
import nl.zorgbeeld.testing.EventStream.Event;
import nl.zorgbeeld.testing.EventStream.Options;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exact resume: a client that reconnects with Last-Event-ID gets exactly what it missed, then the live tail. */
class LiveResumeTest {
    private static TestServer server;
    private static JsonClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("ZORGBEELD_LIVE_REPLAY_MAX", "150"));
        client = new JsonClient(server, "Hanna", "GHOR");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String stream(long incident) {
        return "/api/incidents/" + incident + "/live";
    }

    private static List<Long> ids(List<Event> events) {
        return events.stream().filter(e -> e.name().equals("change")).map(Event::idNumber).toList();
    }

    @Test
    void aConnectionCutInTheMiddleOfABurstResumesWithNothingMissingOrDoubled() throws Exception {
        long incident = LiveFixtures.incident(client, "Uitbarsting");
        List<Long> received = new ArrayList<>();
        long start;
        EventStream first = EventStream.open(server.port(), stream(incident));
        start = first.next("connected").idNumber();

        // 100 changes from four writers at once.
        ExecutorService writers = Executors.newFixedThreadPool(4);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.submit(() -> {
                try {
                    for (int i = 0; i < 25; i++) LiveFixtures.point(client, incident, "punt " + writer + "-" + i);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
        }
        while (received.size() < 30) {
            Event e = first.next();
            if (e.name().equals("change")) received.add(e.idNumber());
        }
        first.cut();
        received.addAll(ids(first.drain()));
        long last = received.get(received.size() - 1);

        try (EventStream resumed = EventStream.open(server.port(), stream(incident), Options.resumeAfter(Long.toString(last)))) {
            Event connected = resumed.next();
            assertEquals("connected", connected.name());
            assertNull(connected.id(), "a resumed stream keeps the client's last id until the replay has been sent");
            assertTrue(connected.json().get("resumed").asBoolean());
            writers.shutdown();
            assertTrue(writers.awaitTermination(2, TimeUnit.MINUTES));
            assertTrue(failures.isEmpty(), () -> "writers failed: " + failures);
            List<Long> expected = LiveFixtures.logAfter(incident, start);
            assertEquals(100, expected.size(), "every change was logged");
            long end = expected.get(expected.size() - 1);
            received.addAll(ids(resumed.until(e -> e.name().equals("change") && e.idNumber() >= end)));
            assertEquals(expected, received, "every change exactly once, in order, across the cut");
        }
    }

    @Test
    void theQueryParameterResumesLikeTheHeaderAndTheHeaderWins() {
        long incident = LiveFixtures.incident(client, "Parameter");
        long before;
        try (EventStream s = EventStream.open(server.port(), stream(incident))) {
            before = s.next("connected").idNumber();
        }
        LiveFixtures.point(client, incident, "een");
        LiveFixtures.point(client, incident, "twee");
        List<Long> logged = LiveFixtures.logAfter(incident, before);

        try (EventStream byParameter = EventStream.open(server.port(), stream(incident) + "?lastEventId=" + before)) {
            byParameter.next("connected");
            assertEquals(logged.get(0), byParameter.next("change").idNumber());
            assertEquals(logged.get(1), byParameter.next("change").idNumber());
        }
        // A browser keeps the URL it was opened with and sends the newer id in the header.
        try (EventStream both = EventStream.open(server.port(), stream(incident) + "?lastEventId=" + before,
                Options.resumeAfter(Long.toString(logged.get(0))))) {
            assertEquals(1, both.next("connected").json().get("replayed").asInt());
            assertEquals(logged.get(1), both.next("change").idNumber());
        }
    }

    @Test
    void resumingAtTheNewestEventReplaysNothingAndFollowsOn() {
        long incident = LiveFixtures.incident(client, "Bij");
        long head;
        try (EventStream s = EventStream.open(server.port(), stream(incident))) {
            head = s.next("connected").idNumber();
        }
        try (EventStream resumed = EventStream.open(server.port(), stream(incident), Options.resumeAfter(Long.toString(head)))) {
            JsonNode connected = resumed.next("connected").json();
            assertEquals(0, connected.get("replayed").asInt());
            LiveFixtures.point(client, incident, "daarna");
            Event change = resumed.next();
            assertEquals("change", change.name());
            assertTrue(change.idNumber() > head);
        }
    }

    @Test
    void malformedIdsAreA400BeforeTheStreamOpens() {
        long incident = LiveFixtures.incident(client, "Onzin");
        for (String bad : List.of("abc", "-5", "12.5", "1234567890123456789", "07")) {
            try (EventStream r = EventStream.open(server.port(), stream(incident), Options.resumeAfter(bad))) {
                assertEquals(400, r.status(), bad);
                JsonNode error = r.error();
                assertEquals("Last-Event-ID", error.get("where").asText());
                assertEquals("InvalidParameterValue", error.get("code").asText());
            }
        }
        try (EventStream r = EventStream.open(server.port(), "/api/live?lastEventId=x1")) {
            assertEquals(400, r.status());
            assertEquals("lastEventId", r.error().get("where").asText());
        }
    }

    @Test
    void anIdFromTheFutureIsToldToReloadAndThenFollowsOn() {
        long incident = LiveFixtures.incident(client, "Toekomst");
        long head = ((Number) Sql.one("SELECT max(seq) FROM change_event")).longValue();
        try (EventStream s = EventStream.open(server.port(), stream(incident), Options.resumeAfter(Long.toString(head + 1000)))) {
            assertEquals("connected", s.next().name());
            Event reload = s.next();
            assertEquals("reload", reload.name());
            assertEquals("unknown-id", reload.json().get("reason").asText());
            long reloadId = reload.idNumber();
            assertTrue(reloadId >= head && reloadId < head + 1000, "the reload carries the real head to continue from");
            LiveFixtures.point(client, incident, "na het herladen");
            Event change = s.next();
            assertEquals("change", change.name());
            assertTrue(change.idNumber() > reloadId);
        }
    }

    @Test
    void anIdOlderThanTheReplayWindowIsToldToReload() {
        long incident = LiveFixtures.incident(client, "Oud");
        long before;
        try (EventStream s = EventStream.open(server.port(), stream(incident))) {
            before = s.next("connected").idNumber();
        }
        LiveFixtures.point(client, incident, "lang geleden");
        Sql.rows("UPDATE change_event SET occurred_at = now() - interval '3 days' WHERE incident_id = ? AND seq > ? RETURNING seq",
                incident, before);
        try (EventStream s = EventStream.open(server.port(), stream(incident), Options.resumeAfter(Long.toString(before)))) {
            JsonNode connected = s.next("connected").json();
            assertFalse(connected.get("resumed").asBoolean());
            Event reload = s.next();
            assertEquals("reload", reload.name());
            assertEquals("too-old", reload.json().get("reason").asText());
        }
    }

    @Test
    void moreMissedEventsThanAreReplayedIsToldToReload() {
        long incident = LiveFixtures.incident(client, "Te veel");
        long before;
        try (EventStream s = EventStream.open(server.port(), stream(incident))) {
            before = s.next("connected").idNumber();
        }
        // The server replays at most 150: 151 changes made directly, in one transaction, to keep the test quick.
        Sql.rows("INSERT INTO change_event (incident_id, action, subject, summary, author, organisation)"
                + " SELECT ?, 'test.changed', '/api/incidents/' || ?, 'stap ' || n, 'Test', 'GHOR Test'"
                + " FROM generate_series(1, 151) n RETURNING id", incident, incident);
        try (EventStream s = EventStream.open(server.port(), stream(incident), Options.resumeAfter(Long.toString(before)))) {
            s.next("connected");
            Event reload = s.next();
            assertEquals("reload", reload.name());
            assertEquals("too-many", reload.json().get("reason").asText());
        }
    }
}

package nl.zorgbeeld.analysis;

import static nl.zorgbeeld.analysis.AnalysisFixtures.draw;
import static nl.zorgbeeld.analysis.AnalysisFixtures.json;
import static nl.zorgbeeld.analysis.AnalysisFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import nl.zorgbeeld.analysis.AnalysisFixtures.Place;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The recomputation off the request: a write returns without it, and still the analysis read right
 * after the write is the one that follows it (computed on demand when the recomputation has not run,
 * waited for when it is running); a failed recomputation shows in the analysis and in /health, and
 * the next change of the picture makes it good. The recomputations run on an executor the test
 * holds, so that what runs when is decided here, not by timing.
 */
class AnalysisRecomputeTest {
    private static final String PREFIX = "anarec:";
    private static final double OX = 20_000;
    private static final double OY = 560_000;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final HeldExecutor HELD = new HeldExecutor();
    private static final Set<Long> FAILING = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger RECOMPUTATIONS = new AtomicInteger();
    private static final double CROWD_X = OX + 40_000;
    private static final int CROWD = 200;
    private static TestServer server;

    /** Queues what it is given until the test runs it. */
    static final class HeldExecutor implements Executor {
        private final BlockingQueue<Runnable> queued = new LinkedBlockingQueue<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        int runAll() {
            int n = 0;
            for (Runnable task; (task = queued.poll()) != null; n++) task.run();
            return n;
        }
    }

    @BeforeAll
    static void start() {
        List<Place> places = new ArrayList<>(List.of(
                new Place(PREFIX + "inside", "Verpleeghuis Binnen", "vvt", false, null, OX, OY),
                new Place(PREFIX + "ring", "GGZ Verderop", "ggz", false, null, OX - 3000, OY),
                new Place(PREFIX + "later", "Apotheek Later", "apotheek", false, null, OX + 6000, OY)));
        // A crowd 40 km east, far from the others: an analysis too large to travel with its live event.
        for (int i = 0; i < CROWD; i++) {
            places.add(new Place(PREFIX + "crowd" + i, "Woonzorg Menigte " + i, "vvt", false, null, CROWD_X + 20 * (i % 20), OY + 20 * (i / 20)));
        }
        AnalysisFixtures.institutions(PREFIX, places);
        server = TestServer.start(new AnalysisModule(TestDatabase.dataSource(), Clock.systemUTC(), HELD, incidentId -> {
            RECOMPUTATIONS.incrementAndGet();
            if (FAILING.contains(incidentId)) throw new IllegalStateException("injected failure: internal detail 0xDEAD");
        }));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Geometry square(double x1, double y1, double x2, double y2) {
        return GEOMETRY.toGeometry(new Envelope(OX + x1, OX + x2, OY + y1, OY + y2));
    }

    private static String affected(long id) {
        return "/api/incidents/" + id + "/affected";
    }

    private static long runs(long incident) {
        return Sql.count("SELECT count(*) FROM analysis_run WHERE incident_id = ?", incident);
    }

    private static Map<String, JsonNode> ours(JsonNode items) {
        Map<String, JsonNode> found = new TreeMap<>();
        for (JsonNode item : items) {
            String id = item.path("institution").path("id").asText();
            if (id.startsWith(PREFIX)) found.put(id.substring(PREFIX.length()), item);
        }
        return found;
    }

    private static HttpResponse<String> redraw(long incident, JsonNode element, int version, Geometry geometry) {
        HttpResponse<String> r = send(server, "PUT", "/api/incidents/" + incident + "/elements/" + element.path("id").asText(),
                AnalysisFixtures.feature("incidentgebied", null, "Brandhaard", geometry), "Content-Crs", AnalysisFixtures.RD,
                "If-Match", "\"" + version + "\"");
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    @Test
    void theWriteDoesNotWaitForTheRecomputationAndTheNextReadIsNewAnyway() {
        HELD.runAll();
        long incident = TestIncidents.create("Lezen na schrijven", "actief");
        JsonNode area = draw(server, incident, "incidentgebied", null, "Brandhaard", square(-500, -500, 500, 500));
        assertEquals(0, runs(incident), "the write returned before any recomputation");

        JsonNode analysis = json(server.get(affected(incident)));
        assertTrue(analysis.path("recording").path("current").asBoolean(), analysis.path("recording").toString());
        Map<String, JsonNode> first = ours(analysis.get("institutions"));
        assertEquals(Set.of("inside", "ring"), first.keySet());
        assertTrue(first.get("inside").path("newlyAffected").asBoolean(), "recorded on demand by the read, before the queued run");
        assertEquals(1, runs(incident));

        String before = server.get(affected(incident)).headers().firstValue("ETag").orElseThrow();
        redraw(incident, area, 1, square(-500, -500, 1600, 500));
        HttpResponse<String> afterWrite = server.get(affected(incident));
        assertNotEquals(before, afterWrite.headers().firstValue("ETag").orElseThrow(), "the read right after the write is a new version");
        JsonNode following = json(afterWrite);
        assertEquals(2, following.path("elements").get(0).path("version").asInt(), "it follows the zone as written: " + following.path("elements"));
        assertTrue(following.path("recording").path("current").asBoolean(), following.path("recording").toString());
        assertTrue(ours(following.get("institutions")).containsKey("later"), "the institution the redrawn zone reaches");
        assertEquals(1, HELD.queued.size(), "while the recomputation queued for the incident had not run yet");
        JsonNode changes = json(server.get(affected(incident) + "/changes"));
        long latestRun = changes.get(0).path("runId").asLong();
        assertEquals(PREFIX + "later", changes.get(0).path("institutionId").asText(), "the changes read after the write include it");
        assertEquals("nieuw", changes.get(0).path("change").asText());
        assertTrue(ours(json(server.get(affected(incident))).get("institutions")).get("later").path("newlyAffected").asBoolean());

        assertEquals(1, HELD.runAll(), "one recomputation queued: the second write found the first still waiting");
        assertEquals(2, runs(incident), "the queued ones found nothing left to do: nothing is recorded twice");
        assertEquals(latestRun, json(server.get(affected(incident) + "/changes")).get(0).path("runId").asLong());
        assertEquals(2, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ? AND action = 'analysis.changed'", incident));

        // The live event of the latest run carries that run and the analysis exactly as a read gives it after it.
        JsonNode data = nl.zorgbeeld.common.Json.tree((String) Sql.one("SELECT data::text FROM change_event"
                + " WHERE incident_id = ? AND action = 'analysis.changed' ORDER BY id DESC LIMIT 1", incident));
        assertEquals(latestRun, data.path("runId").asLong());
        assertEquals(PREFIX + "later", data.path("changes").get(0).path("institutionId").asText());
        JsonNode carried = data.path("analysis");
        JsonNode read = json(server.get(affected(incident)));
        assertTrue(carried.path("recording").path("current").asBoolean(), carried.path("recording").toString());
        assertEquals(read.get("institutions"), carried.get("institutions"));
        assertEquals(read.get("summary"), carried.get("summary"));
        assertEquals(read.get("elements"), carried.get("elements"));
    }

    @Test
    void aLargeAnalysisIsLeftOutOfItsLiveEventAndReadInstead() {
        HELD.runAll();
        long incident = TestIncidents.create("Grote analyse", "actief");
        draw(server, incident, "incidentgebied", null, "Brandhaard", GEOMETRY.toGeometry(
                new Envelope(CROWD_X - 100, CROWD_X + 500, OY - 100, OY + 300)));
        JsonNode analysis = json(server.get(affected(incident)));
        assertEquals(CROWD, ours(analysis.get("institutions")).size());
        assertTrue(analysis.toString().length() > AnalysisService.MAX_CARRIED_BYTES, "large enough to be left out");

        JsonNode data = nl.zorgbeeld.common.Json.tree((String) Sql.one("SELECT data::text FROM change_event"
                + " WHERE incident_id = ? AND action = 'analysis.changed'", incident));
        assertTrue(data.path("runId").asLong() > 0, data.toString());
        long crowd = 0;
        // Other test classes' institutions may lie in the area too: count this class's own.
        for (JsonNode change : data.path("changes")) {
            if (change.path("institutionId").asText().startsWith(PREFIX + "crowd") && change.path("change").asText().equals("nieuw")) crowd++;
        }
        assertEquals(CROWD, crowd, "the delta travels: every one of the crowd newly affected");
        assertFalse(data.has("analysis"), "the analysis itself is read, not carried");

        JsonNode audited = nl.zorgbeeld.common.Json.tree((String) Sql.one("SELECT after::text FROM audit_entry"
                + " WHERE incident_id = ? AND action = 'analysis.changed'", incident));
        assertEquals(data.path("runId").asLong(), audited.path("runId").asLong(), audited.toString());
        assertTrue(audited.path("added").asInt() >= CROWD, audited.toString());
        assertFalse(audited.has("changes"), "the audit trail names the run and its counts, not every change again");
    }

    @Test
    void aReadDuringARecomputationWaitsForItsResult() throws Exception {
        HELD.runAll();
        long incident = TestIncidents.create("Lezen tijdens herberekening", "actief");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (TestServer own = TestServer.start(new AnalysisModule(TestDatabase.dataSource(), Clock.systemUTC(), background, id -> {
            if (id == incident && entered.getCount() > 0) {
                entered.countDown();
                try {
                    assertTrue(release.await(30, TimeUnit.SECONDS), "the test releases the recomputation");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }))) {
            draw(own, incident, "incidentgebied", null, "Brandhaard", square(-500, -500, 500, 500));
            assertTrue(entered.await(30, TimeUnit.SECONDS), "the recomputation started in the background");
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> own.get(affected(incident)).body());
            await(() -> waitingForTheAnalysisLock() || read.isDone(), "the read waits for the recomputation in progress");
            assertFalse(read.isDone(), "the read did not answer while the recomputation was in progress");
            release.countDown();
            Map<String, JsonNode> items = ours(nl.zorgbeeld.common.Json.tree(read.get(30, TimeUnit.SECONDS)).get("institutions"));
            assertTrue(items.get("inside").path("newlyAffected").asBoolean(), "the read has the recorded result");
            assertEquals(1, runs(incident));
        } finally {
            release.countDown();
            background.shutdown();
        }
    }

    private static boolean waitingForTheAnalysisLock() {
        return Sql.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = ?", 0x5A42) > 0;
    }

    @Test
    void aFailedRecomputationShowsInTheAnalysisAndInHealthUntilTheNextChangeMakesItGood() {
        HELD.runAll();
        long incident = TestIncidents.create("Herberekening faalt", "actief");
        FAILING.add(incident);
        JsonNode area;
        try {
            area = draw(server, incident, "incidentgebied", null, "Brandhaard", square(-500, -500, 500, 500));
            HELD.runAll();
            int tried = RECOMPUTATIONS.get();

            HttpResponse<String> read = server.get(affected(incident));
            assertEquals(200, read.statusCode(), "the analysis itself is still answered");
            JsonNode analysis = json(read);
            assertEquals(Set.of("inside", "ring"), ours(analysis.get("institutions")).keySet());
            JsonNode recording = analysis.get("recording");
            assertFalse(recording.path("current").asBoolean());
            assertEquals("failed", recording.path("reason").asText());
            String reference = recording.path("reference").asText();
            assertTrue(reference.matches("[0-9a-f]{8}"), reference);
            assertEquals(0, runs(incident));
            server.get(affected(incident));
            assertEquals(tried, RECOMPUTATIONS.get(), "reads do not retry a failed recomputation at once, again and again");

            JsonNode health = json(server.get("/health"));
            assertEquals("degraded", health.path("status").asText());
            JsonNode part = health.path("analysis");
            assertEquals("degraded", part.path("status").asText());
            assertTrue(part.path("failedIncidents").toString().contains(Long.toString(incident)), part.toString());
            assertEquals(incident, part.path("lastError").path("incidentId").asLong());
            assertEquals(reference, part.path("lastError").path("reference").asText());
            assertFalse(part.path("lastError").path("at").asText().isBlank());
            String shown = health.toString();
            for (String internal : List.of("injected", "0xDEAD", "Exception", "at nl.", "IllegalState")) {
                assertFalse(shown.contains(internal), "no internals in /health: " + internal);
            }
        } finally {
            FAILING.remove(incident);
        }

        redraw(incident, area, 1, square(-500, -500, 600, 500));
        HELD.runAll();
        JsonNode analysis = json(server.get(affected(incident)));
        assertTrue(analysis.path("recording").path("current").asBoolean(), "the next change made it good");
        assertTrue(ours(analysis.get("institutions")).get("inside").path("newlyAffected").asBoolean());
        assertEquals(1, runs(incident));
        JsonNode health = json(server.get("/health"));
        assertFalse(health.path("analysis").path("failedIncidents").toString().contains(Long.toString(incident)), health.toString());
    }

    /** Waits for a condition, checked every few milliseconds; fails when it has not come within 30 s. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 30 s: " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

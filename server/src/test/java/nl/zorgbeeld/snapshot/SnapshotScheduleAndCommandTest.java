package nl.zorgbeeld.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled snapshots (rounds run by the test, not by the clock): each active incident into the
 * folder, only the newest K kept, no half-written file left; and the command line: `snapshot`
 * writes a ZIP that `restore` loads, and a broken ZIP is a clear command error that stores nothing.
 */
class SnapshotScheduleAndCommandTest {
    private static final String PREFIX = "snapsched:";
    private static TestServer server;
    private static long incident;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        SnapshotFixtures.institutions(PREFIX);
        incident = SnapshotFixtures.incident(server, "Chloorwolk schema", PREFIX);
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private static Config config(Path folder) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", System.getenv("ZORGBEELD_TEST_DATABASE_URL"));
        env.put("ZORGBEELD_SNAPSHOT_MINUTES", "5");
        env.put("ZORGBEELD_SNAPSHOT_DIR", folder.toString());
        env.put("ZORGBEELD_SNAPSHOT_KEEP", "2");
        return Config.fromEnvironment(env);
    }

    @Test
    void roundsKeepTheNewestSnapshotsPerIncident(@TempDir Path folder) throws IOException {
        SnapshotScheduler scheduler = SnapshotModule.standalone(TestDatabase.dataSource(), config(folder)).scheduler();
        long closed = TestIncidents.create("Gesloten, niet in de ronde", "gesloten");
        List<Long> active = scheduler.active();
        assertTrue(active.contains(incident));
        assertFalse(active.contains(closed));

        List<Path> written = new java.util.ArrayList<>();
        for (int round = 0; round < 3; round++) written.addAll(scheduler.round(List.of(incident)));
        assertEquals(3, written.size());
        Path dir = folder.resolve("incident-" + incident);
        List<Path> kept;
        try (Stream<Path> files = Files.list(dir)) {
            kept = files.sorted().toList();
        }
        assertEquals(List.of(written.get(1), written.get(2)), kept, "the two newest, nothing half-written beside them");
        byte[] zip = Files.readAllBytes(kept.get(1));
        assertEquals(6, SnapshotRestoreTest.comparable(SnapshotRestoreTest.pictureJson(zip)).path("elements").path("features").size());
    }

    @Test
    void theCommandsWriteAndRestoreASnapshot(@TempDir Path folder) throws Exception {
        Path out = folder.resolve("uit.zip");
        Result snapshot = run("snapshot", String.valueOf(incident), "--out", out.toString());
        assertEquals(0, snapshot.code(), snapshot.output());
        assertTrue(Files.size(out) > 10_000);

        long incidents = Sql.count("SELECT count(*) FROM incident");
        Result restore = run("restore", out.toString(), "--as", "handover");
        assertEquals(0, restore.code(), restore.output());
        assertEquals(incidents + 1, Sql.count("SELECT count(*) FROM incident"));
        long id = Long.parseLong(restore.output().lines().filter(l -> l.matches("\\d+")).findFirst().orElseThrow());
        assertEquals("handover", Sql.one("SELECT mode FROM incident_origin WHERE incident_id = ?", id));
        assertEquals("VR09", region(id), "the snapshot's own region");
        // An operator command, no login: the audit trail names the system account that ran it.
        String login = (String) Sql.one("SELECT login FROM audit_entry WHERE incident_id = ? AND action = 'incident.restored'", id);
        assertTrue(login.startsWith("operator:"), login);

        Result elsewhere = run("restore", out.toString(), "--region", "vr13");
        assertEquals(0, elsewhere.code(), elsewhere.output());
        long moved = Long.parseLong(elsewhere.output().lines().filter(l -> l.matches("\\d+")).findFirst().orElseThrow());
        assertEquals("VR13", region(moved));
        assertEquals("archive", Sql.one("SELECT mode FROM incident_origin WHERE incident_id = ?", moved));

        Path broken = folder.resolve("kapot.zip");
        Files.write(broken, java.util.Arrays.copyOf(Files.readAllBytes(out), 3000));
        Map<String, Long> before = SnapshotRestoreTest.counts();
        Result refused = run("restore", broken.toString());
        assertEquals(1, refused.code(), refused.output());
        assertTrue(refused.output().contains("nothing was stored") && refused.output().contains("not a readable ZIP"), refused.output());
        assertEquals(before, SnapshotRestoreTest.counts());

        Result unknown = run("snapshot", "99999999");
        assertEquals(1, unknown.code());
        assertTrue(unknown.output().contains("There is no incident 99999999"), unknown.output());
        Result badMode = run("restore", out.toString(), "--as", "kopie");
        assertEquals(1, badMode.code(), badMode.output());
        assertTrue(badMode.output().contains("--as must be archive"), badMode.output());
        Result badRegion = run("restore", out.toString(), "--region", "VR 13");
        assertEquals(1, badRegion.code(), badRegion.output());
        assertTrue(badRegion.output().contains("--region must be a safety-region code"), badRegion.output());
    }

    private static String region(long incident) {
        return (String) Sql.one("SELECT v.region_code FROM incident i JOIN incident_version v ON v.incident_id = i.id"
                + " AND v.version = i.version WHERE i.id = ?", incident);
    }

    private record Result(int code, String output) {}

    /** Main in a JVM of its own, as the launcher runs it, against the test database. */
    private static Result run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "nl.zorgbeeld.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DATABASE_URL", System.getenv("ZORGBEELD_TEST_DATABASE_URL"));
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), output);
    }
}

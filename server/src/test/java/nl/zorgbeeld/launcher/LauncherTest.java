package nl.zorgbeeld.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.zorgbeeld.App;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.db.Database;
import nl.zorgbeeld.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The ./zorgbeeld launcher's commands that are safe to run inside the test suite. */
class LauncherTest {

    private record Result(int exit, String output) {}

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(TestDatabase.projectDir().resolve("zorgbeeld").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    @Test
    void helpNamesEveryCommand() throws Exception {
        Result help = run("help");
        assertEquals(0, help.exit());
        for (String word : List.of("run", "test", "import", "db start|stop|status|psql", "DATABASE_URL", "ZORGBEELD_PORT")) {
            assertTrue(help.output().contains(word), word + " missing from: " + help.output());
        }
    }

    @Test
    void anUnknownCommandFailsWithTheHelp() throws Exception {
        Result unknown = run("fly");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.output().contains("Usage: ./zorgbeeld COMMAND"));
    }

    @Test
    void importWithoutSourceSaysHowToUseIt() throws Exception {
        Result result = run("import");
        assertEquals(1, result.exit());
        assertTrue(result.output().contains("usage: ./zorgbeeld import SOURCE"), result.output());
    }

    /**
     * Issue 9: a checkout inside a folder that only its owner may enter (mode 0700: as root, the
     * `postgres` user cannot) gets its own cluster and database beside the suite's own cluster, the
     * app works against it, and a second start reuses it.
     */
    @Test
    void aCheckoutInAFolderOthersCannotEnterRunsItsOwnCluster() throws Exception {
        Path folder = Files.createTempDirectory("zb-launcher-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path clone = folder.resolve("zb");
        try {
            copyTrackedFiles(TestDatabase.projectDir(), clone);

            Launch start = launch(clone, "db", "start");
            assertEquals(0, start.exit(), start.err());
            assertTrue(start.err().contains("creating a private database cluster in " + clusterHome(clone)), start.err());
            int port = Integer.parseInt(Files.readString(clone.resolve(".zorgbeeld/port")).trim());
            int suitePort = URI.create(System.getenv("ZORGBEELD_TEST_DATABASE_URL").replace("postgresql://", "http://")).getPort();
            assertNotEquals(suitePort, port, "the clone must not share the suite's cluster");

            assertTrue(appHealth("postgresql://zorgbeeld@127.0.0.1:" + port + "/zorgbeeld").contains("\"database\":\"reachable\""));
            Launch create = launch(clone, "db", "psql", "-tAc", "CREATE TABLE launcher_probe AS SELECT postgis_lib_version() AS v");
            assertEquals(0, create.exit(), create.err());

            assertEquals(0, launch(clone, "db", "stop").exit());
            assertEquals(3, launch(clone, "db", "status").exit(), "stopped");

            Launch again = launch(clone, "db", "start");
            assertEquals(0, again.exit(), again.err());
            assertFalse(again.err().contains("creating"), again.err());
            Launch probe = launch(clone, "db", "psql", "-tAc", "SELECT v FROM launcher_probe");
            assertEquals(0, probe.exit(), probe.err());
            assertTrue(probe.out().startsWith("3."), "the data of the first start: " + probe.out());
            Launch status = launch(clone, "db", "status");
            assertEquals(0, status.exit(), status.err());
            assertTrue(status.err().contains("127.0.0.1:" + port), status.err());
        } finally {
            removeCloneAndCluster(folder, clone);
        }
    }

    private record Launch(int exit, String out, String err) {}

    /** Runs the clone's launcher from inside the clone, as a user would, without the suite's settings. */
    private static Launch launch(Path clone, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(clone.resolve("zorgbeeld").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(clone.getParent(), "out", ".txt");
        Path err = Files.createTempFile(clone.getParent(), "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(clone.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        for (String name : List.of("DATABASE_URL", "ZORGBEELD_TEST_DATABASE_URL", "ZORGBEELD_DB_NAME", "ZORGBEELD_TEST_DB", "ZORGBEELD_BUILD_DIR")) {
            builder.environment().remove(name);
        }
        Process p = builder.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./zorgbeeld " + String.join(" ", args) + " did not finish: " + Files.readString(err));
        }
        return new Launch(p.exitValue(), Files.readString(out).trim(), Files.readString(err));
    }

    /** The app as `./zorgbeeld run` builds it, against the clone's database: its /health answer. */
    private static String appHealth(String databaseUrl) throws Exception {
        try (Database db = Database.open(databaseUrl)) {
            Config config = Config.fromEnvironment(Map.of("DATABASE_URL", databaseUrl, "ZORGBEELD_PORT", "0"));
            Javalin app = App.create(config, db.dataSource(), db.postgisVersion());
            app.start("127.0.0.1", 0);
            try {
                HttpResponse<String> health = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), health.body());
                return health.body();
            } finally {
                app.stop();
            }
        }
    }

    /**
     * The tracked files with the working copy's contents: what a fresh clone of this change holds.
     * Outside a git checkout, the launcher alone: all that its db commands read.
     */
    private static void copyTrackedFiles(Path project, Path target) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "-C", project.toString(), "ls-files", "-z").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(git.waitFor(60, TimeUnit.SECONDS), "git ls-files did not finish");
        List<String> names = git.exitValue() == 0 ? List.of(listing.split("\0")) : List.of("zorgbeeld");
        for (String name : names) {
            Path source = project.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(source)) continue;
            Path copy = target.resolve(name);
            Files.createDirectories(copy.getParent());
            Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
        assertTrue(Files.isExecutable(target.resolve("zorgbeeld")), "the launcher was not copied");
    }

    /** Where the clone's cluster lives: named in .zorgbeeld/cluster when it is outside the checkout. */
    private static Path clusterHome(Path clone) throws IOException {
        Path pointer = clone.resolve(".zorgbeeld/cluster");
        return Files.exists(pointer) ? Path.of(Files.readString(pointer).trim()) : clone.resolve(".zorgbeeld");
    }

    private static void removeCloneAndCluster(Path folder, Path clone) throws Exception {
        Path home = clusterHome(clone);
        if (Files.exists(clone.resolve("zorgbeeld"))) launch(clone, "db", "stop");
        Path pid = home.resolve("pg/postmaster.pid");
        if (Files.exists(pid)) {
            long server = Long.parseLong(Files.readAllLines(pid).get(0).trim());
            var handle = ProcessHandle.of(server);
            if (handle.isPresent()) {
                handle.get().destroy();
                handle.get().onExit().get(60, TimeUnit.SECONDS);
            }
        }
        if (home.startsWith("/var/lib/zorgbeeld/clusters/")) deleteTree(home);
        deleteTree(folder);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

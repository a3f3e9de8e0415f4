package nl.zorgbeeld.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops and starts the PostgreSQL server under the tests for real (pg_ctl), the way an operator's
 * restart or a failover looks to the app. Only for the launcher's private test cluster: it belongs to
 * this checkout alone, and the tests run one class at a time, so nothing else is disturbed. It is
 * started again with the options it was started with (postmaster.opts), as the owner the launcher
 * uses (postgres when the tests run as root).
 */
public final class Cluster {
    private final Path dataDir;
    private final Path pgCtl;
    private final Path logFile;
    private final List<String> options;

    private Cluster(Path dataDir, Path pgCtl, Path logFile, List<String> options) {
        this.dataDir = dataDir;
        this.pgCtl = pgCtl;
        this.logFile = logFile;
        this.options = options;
    }

    /** The cluster under the test database; fails when it is not a local one this process can control. */
    public static Cluster underTests() {
        Path dataDir = Path.of((String) Sql.one("SELECT current_setting('data_directory')"));
        Path bin = Path.of((String) Sql.one("SELECT setting FROM pg_config WHERE name = 'BINDIR'"));
        Path pgCtl = bin.resolve("pg_ctl");
        Path opts = dataDir.resolve("postmaster.opts");
        if (!Files.isExecutable(pgCtl) || !Files.isReadable(opts)) {
            throw new IllegalStateException("the test database is not a local cluster this test can restart (" + dataDir + ")");
        }
        try {
            return new Cluster(dataDir, pgCtl, dataDir.getParent().resolve("postgres.log"), options(Files.readString(opts)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server (fast: open connections are ended, as in a restart) and waits until it is down. */
    public void stop() {
        run(List.of(pgCtl.toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
    }

    /** Starts it again, waits until it accepts connections, and lets the tests' pool drop its dead connections. */
    public void start() {
        StringBuilder o = new StringBuilder();
        for (String option : options) o.append(o.isEmpty() ? "" : " ").append('\'').append(option.replace("'", "'\\''")).append('\'');
        run(List.of(pgCtl.toString(), "-D", dataDir.toString(), "-l", logFile.toString(), "-w", "-t", "60", "-o", o.toString(), "start"));
        if (TestDatabase.dataSource() instanceof HikariDataSource hikari) hikari.getHikariPoolMXBean().softEvictConnections();
    }

    /** The server's arguments from postmaster.opts, without the program and its data folder. */
    static List<String> options(String postmasterOpts) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(postmasterOpts);
        while (m.find()) words.add(m.group(1));
        List<String> options = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals("-D")) {
                i++;
            } else {
                options.add(words.get(i));
            }
        }
        return options;
    }

    private static void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(command);
        try {
            // From /: postgres may not be allowed into the folder the tests run in.
            Process p = new ProcessBuilder(full).directory(new File("/")).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

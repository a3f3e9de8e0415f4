import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.db.Database;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.NewChangeEvent;

/**
 * Live fan-out: N subscribers (default 1,000) on one incident's stream over loopback while changes
 * are committed at a steady rate (default 20 per second for 60 s), next to a baseline of the same
 * events read by one subscriber, in the same run. The server runs in its own JVM (started here), so
 * that its memory is its own. Measures, per event, the time from the commit returning to the event
 * having reached the last subscriber (and to every single delivery), events lost or doubled, and the
 * server's resident memory and heap. Run with bench/run-live.sh; prints a report and a SUMMARY line.
 *
 * The subscribers are plain sockets on one selector thread speaking HTTP/1.0 (an unchunked stream),
 * so that the client side costs little next to the server; it still shares the machine's cores.
 */
public final class LiveBenchmark {
    private static final int SUBSCRIBERS = Integer.getInteger("subscribers", 1000);
    private static final int RATE = Integer.getInteger("rate", 20);
    private static final int SECONDS = Integer.getInteger("seconds", 60);
    private static final Actor BENCH = new Actor("Benchmark", "GHOR Benchmark");

    public static void main(String[] args) throws Exception {
        String url = System.getenv("DATABASE_URL");
        String jar = System.getenv("BENCH_JAR");
        int port = Integer.parseInt(System.getenv().getOrDefault("BENCH_PORT", "18080"));
        try (Database db = Database.open(url)) {
            Process server = startServer(jar, url, port);
            try {
                awaitHealthy(port);
                String token = token(db.dataSource(), "demo-hin");
                long incident = createIncident(port, token);
                Map<String, String> report = new LinkedHashMap<>();
                Phase baseline = run(db, port, incident, token, 1, server.pid(), "baseline");
                Phase load = run(db, port, incident, token, SUBSCRIBERS, server.pid(), "load");
                print(baseline, load, report);
            } finally {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Process startServer(String jar, String url, int port) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx512m", "-cp", jar, "nl.zorgbeeld.Main", "serve");
        pb.environment().put("DATABASE_URL", url);
        pb.environment().put("ZORGBEELD_PORT", Integer.toString(port));
        // The bench database has no reference data: the demo set, without asking the internet for it.
        pb.environment().put("ZORGBEELD_OFFICIAL_SOURCE", "http://127.0.0.1:9/ogc");
        pb.environment().put("ZORGBEELD_LIVE_STREAMS_PER_CLIENT", Integer.toString(SUBSCRIBERS + 100));
        pb.environment().put("ZORGBEELD_LIVE_MAX_STREAMS", Integer.toString(SUBSCRIBERS + 100));
        pb.redirectErrorStream(true);
        pb.redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "zorgbeeld-live-bench-server.log").toFile());
        return pb.start();
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static void awaitHealthy(int port) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && Json.tree(r.body()).at("/live/status").asText().equals("listening")) return;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not start; see its log in " + System.getProperty("java.io.tmpdir"));
    }

    private static long createIncident(int port, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/incidents"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Benchmark live\",\"type\":\"brand\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IllegalStateException("creating the incident: " + r.body());
        return Json.tree(r.body()).get("id").asLong();
    }

    /**
     * A read-write API token of demo user {@code login} (the demo users are seeded here when missing:
     * a benchmark database is never a production one). Every API route needs a login.
     */
    private static String token(javax.sql.DataSource ds, String login) {
        new nl.zorgbeeld.auth.DemoUsers(ds).seed();
        return nl.zorgbeeld.auth.AuthModule.create(ds, nl.zorgbeeld.auth.AuthSettings.defaults(), () -> null).tokens()
                .createFor(login, "benchmark", nl.zorgbeeld.auth.TokenScope.READ_WRITE, 1).secret();
    }

    /** What one phase measured. */
    record Phase(String name, int subscribers, int events, long[] lastMs, long[] allMs, long lost, long doubled,
                 long rssIdleKb, long rssConnectedKb, long rssPeakKb, long heapUsedKb) {}

    private static Phase run(Database db, int port, long incident, String token, int n, long serverPid, String name) throws Exception {
        long rssIdle = rssKb(serverPid);
        Subscribers subscribers = new Subscribers(port, "/api/incidents/" + incident + "/live", token, n);
        subscribers.start();
        subscribers.awaitConnected();
        long rssConnected = rssKb(serverPid);

        int total = RATE * SECONDS;
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        AtomicInteger published = new AtomicInteger();
        ChangeLog log = new ChangeLog();
        Map<String, Object> bullet = sampleBullet(incident);
        long[] rssPeak = {rssConnected};
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement seqOf = c.prepareStatement("SELECT seq FROM change_event WHERE id = ?")) {
            c.setAutoCommit(false);
            Runnable publish = () -> {
                int i = published.getAndIncrement();
                if (i >= total) return;
                try {
                    log.record(c, NewChangeEvent.of(incident, "bullet.edited", "/api/incidents/" + incident + "/bullets/1", i + 1,
                            "Benchmarkbericht " + i, null, BENCH).withData(bullet));
                    long id = lastId(c);
                    c.commit();
                    long at = System.nanoTime();
                    c.setAutoCommit(true);
                    seqOf.setLong(1, id);
                    try (ResultSet rs = seqOf.executeQuery()) {
                        rs.next();
                        committedAt.put(rs.getLong(1), at);
                    }
                    c.setAutoCommit(false);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            timer.scheduleAtFixedRate(() -> rssPeak[0] = Math.max(rssPeak[0], rssKb(serverPid)), 0, 1, TimeUnit.SECONDS);
            var ticking = timer.scheduleAtFixedRate(publish, 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
            while (published.get() < total) Thread.sleep(100);
            ticking.cancel(false);
            while (committedAt.size() < total) Thread.sleep(10);
        } finally {
            timer.shutdownNow();
        }
        // Waits (bounded) until every subscriber has every event; what has not arrived by then is lost.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long lastSeq = committedAt.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        while (!subscribers.allReached(lastSeq) && System.nanoTime() < deadline) Thread.sleep(20);
        long heap = heapUsedKb(serverPid);
        subscribers.stop();

        long[] last = new long[total];
        List<Long> all = new ArrayList<>(total * n);
        int k = 0;
        long lost = 0;
        for (Map.Entry<Long, Long> e : committedAt.entrySet()) {
            long[] times = subscribers.receivedAt(e.getKey());
            long latest = 0;
            for (long t : times) {
                if (t == 0) {
                    lost++;
                    continue;
                }
                long ms = (t - e.getValue()) / 1_000_000;
                all.add(ms);
                latest = Math.max(latest, ms);
            }
            last[k++] = latest;
        }
        long[] allMs = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(last);
        Arrays.sort(allMs);
        return new Phase(name, n, total, last, allMs, lost, subscribers.doubled(), rssIdle, rssConnected, rssPeak[0], heap);
    }

    private static long lastId(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT currval(pg_get_serial_sequence('change_event', 'id'))");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** About the size of a real bullet event. */
    private static Map<String, Object> sampleBullet(long incident) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", 1);
        b.put("incidentId", incident);
        b.put("pictureId", 1);
        b.put("themeId", 3);
        b.put("text", "Slachtoffers worden naar het gewondennest aan de noordzijde gebracht; de ambulances rijden via de Industrieweg aan.");
        b.put("source", "OvD-G ter plaatse");
        b.put("certainty", "gevalideerd");
        b.put("retracted", false);
        b.put("version", 2);
        b.put("createdAt", "2026-11-23T09:14:03.512+01:00");
        b.put("updatedAt", "2026-11-23T09:20:41.120+01:00");
        b.put("author", "Hanna de Vries");
        b.put("organisation", "GHOR Utrecht");
        return b;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException e) {
            // the process has gone
        }
        return 0;
    }

    /** The server's used heap after a full collection (jcmd), in kB; 0 when jcmd is not at hand. */
    private static long heapUsedKb(long pid) {
        try {
            Process gc = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(30, TimeUnit.SECONDS);
            Process info = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor(30, TimeUnit.SECONDS);
            var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    /** The subscribers: raw sockets on one selector thread, each parsing the SSE frames it receives. */
    static final class Subscribers {
        private final int port;
        private final String path;
        private final String token;
        private final int n;
        private final Selector selector;
        private final Sub[] subs;
        private final Map<Long, long[]> received = new ConcurrentHashMap<>();
        private final AtomicInteger connected = new AtomicInteger();
        private volatile boolean running = true;
        private Thread thread;

        Subscribers(int port, String path, String token, int n) throws IOException {
            this.port = port;
            this.path = path;
            this.token = token;
            this.n = n;
            this.selector = Selector.open();
            this.subs = new Sub[n];
        }

        final class Sub {
            final int index;
            final SocketChannel channel;
            final byte[] line = new byte[64];
            int lineLength;
            long id = -1;
            boolean change;
            volatile long lastChange = -1;
            long doubled;

            Sub(int index, SocketChannel channel) {
                this.index = index;
                this.channel = channel;
            }

            void read(ByteBuffer buf, long now) {
                while (buf.hasRemaining()) {
                    byte b = buf.get();
                    if (b != '\n') {
                        if (lineLength < line.length) line[lineLength++] = b;
                        continue;
                    }
                    if (lineLength == 0 || (lineLength == 1 && line[0] == '\r')) {
                        if (change && id >= 0) delivered(now);
                        if (!change && id >= 0 && lastChange < 0) connected.incrementAndGet();
                        id = -1;
                        change = false;
                    } else if (startsWith("id: ")) {
                        id = Long.parseLong(new String(line, 4, lineLength - 4, StandardCharsets.US_ASCII).trim());
                    } else if (startsWith("event: change")) {
                        change = true;
                    }
                    lineLength = 0;
                }
            }

            private boolean startsWith(String prefix) {
                if (lineLength < prefix.length()) return false;
                for (int i = 0; i < prefix.length(); i++) if (line[i] != prefix.charAt(i)) return false;
                return true;
            }

            private void delivered(long now) {
                if (id <= lastChange) {
                    doubled++;
                    return;
                }
                lastChange = id;
                received.computeIfAbsent(id, k -> new long[n])[index] = now;
            }
        }

        void start() throws IOException {
            byte[] request = ("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token
                    + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < n; i++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                ch.write(ByteBuffer.wrap(request));
                ch.configureBlocking(false);
                subs[i] = new Sub(i, ch);
                ch.register(selector, SelectionKey.OP_READ, subs[i]);
            }
            thread = new Thread(this::loop, "subscribers");
            thread.start();
        }

        private void loop() {
            ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
            try {
                while (running) {
                    selector.select(100);
                    long now = System.nanoTime();
                    for (SelectionKey key : selector.selectedKeys()) {
                        Sub sub = (Sub) key.attachment();
                        buf.clear();
                        int read = sub.channel.read(buf);
                        if (read < 0) {
                            key.cancel();
                            continue;
                        }
                        buf.flip();
                        sub.read(buf, now);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void awaitConnected() throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (connected.get() < n) {
                if (System.nanoTime() > end) throw new IllegalStateException("only " + connected.get() + " of " + n + " connected");
                Thread.sleep(50);
            }
        }

        /** Whether every subscriber has had the event {@code last} (ids only rise, so it has had all before it, or lost them). */
        boolean allReached(long last) {
            for (Sub s : subs) if (s.lastChange < last) return false;
            return true;
        }

        long[] receivedAt(long id) {
            return received.getOrDefault(id, new long[n]);
        }

        long doubled() {
            long d = 0;
            for (Sub s : subs) d += s.doubled;
            return d;
        }

        void stop() throws Exception {
            running = false;
            thread.join();
            for (Sub s : subs) s.channel.close();
            selector.close();
        }
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return -1;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void print(Phase baseline, Phase load, Map<String, String> report) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("| run | subscribers | events | to the last subscriber p50 / p99 / max | every delivery p50 / p99 | lost | doubled"
                + " | server RSS idle / connected / peak | server heap in use (after GC) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : List.of(baseline, load)) {
            out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %d / %d / %d ms | %d / %d ms | %d | %d | %d / %d / %d MB | %d MB |%n",
                    p.name(), p.subscribers(), p.events(), pct(p.lastMs(), 50), pct(p.lastMs(), 99), pct(p.lastMs(), 100),
                    pct(p.allMs(), 50), pct(p.allMs(), 99), p.lost(), p.doubled(), p.rssIdleKb() / 1024, p.rssConnectedKb() / 1024,
                    p.rssPeakKb() / 1024, p.heapUsedKb() / 1024));
        }
        double ratio = (double) Math.max(1, pct(load.lastMs(), 99)) / Math.max(1, pct(baseline.lastMs(), 99));
        boolean pass = pct(load.lastMs(), 99) < 250 && load.lost() == 0 && load.doubled() == 0 && baseline.lost() == 0;
        out.append(String.format(Locale.ROOT, "%nRate %d changes/s for %d s; p99 to the last of %,d subscribers is %.1fx the one-subscriber"
                + " baseline. Target: p99 < 250 ms, 0 lost: %s.%n", RATE, SECONDS, load.subscribers(), ratio, pass ? "met" : "NOT met"));
        String summary = String.format(Locale.ROOT, "SUMMARY live subscribers=%d rate=%d seconds=%d events=%d last_p50_ms=%d last_p99_ms=%d"
                        + " last_max_ms=%d all_p99_ms=%d lost=%d doubled=%d baseline_p99_ms=%d ratio=%.1f rss_peak_mb=%d heap_mb=%d"
                        + " rss_per_subscriber_kb=%d result=%s",
                load.subscribers(), RATE, SECONDS, load.events(), pct(load.lastMs(), 50), pct(load.lastMs(), 99), pct(load.lastMs(), 100),
                pct(load.allMs(), 99), load.lost(), load.doubled(), pct(baseline.lastMs(), 99), ratio, load.rssPeakKb() / 1024,
                load.heapUsedKb() / 1024, Math.max(0, load.rssConnectedKb() - load.rssIdleKb()) / Math.max(1, load.subscribers()),
                pass ? "PASS" : "FAIL");
        String report1 = out.toString();
        String target = System.getenv("BENCH_REPORT");
        if (target != null) Files.writeString(Path.of(target), report1);
        System.out.println(report1);
        System.out.println(summary);
    }
}

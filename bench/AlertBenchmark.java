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
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import nl.zorgbeeld.auth.OrganisationKind;
import nl.zorgbeeld.auth.OrganisationStore;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.auth.TokenScope;
import nl.zorgbeeld.auth.TokenStore;
import nl.zorgbeeld.auth.UserStore;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.db.Database;
import nl.zorgbeeld.db.Transactions;

/**
 * Alerting at scale (issue 13): N institutions (default 1,000) inside one incident area, each with
 * one connected information coordinator holding the personal live stream (/api/me/live) open. An
 * alert to "all affected" is resolved from the network analysis, stored with its N recipients and
 * pushed to the N streams; measured from sending the POST to its answer (resolved and stored) and to
 * the last of the N streams having the alert, and then the N coordinators reading their inbox
 * (GET /api/me/alerts, which records the delivery). Baseline in the same run: the same alert to one
 * institution and its one coordinator. The server runs in its own JVM. Run with bench/run-alerts.sh.
 */
public final class AlertBenchmark {
    private static final int N = Integer.getInteger("institutions", 1000);
    private static final int ROUNDS = Integer.getInteger("rounds", 5);
    private static final int READERS = 8;
    private static final String PREFIX = "bench-alert:";
    /** A stretch of North Sea in RD New: nothing of the reference data is near. */
    private static final double X0 = 15_000;
    private static final double Y0 = 560_000;

    public static void main(String[] args) throws Exception {
        String url = System.getenv("DATABASE_URL");
        String jar = System.getenv("BENCH_JAR");
        int port = Integer.parseInt(System.getenv().getOrDefault("BENCH_PORT", "18081"));
        try (Database db = Database.open(url)) {
            Process server = startServer(jar, url, port);
            try {
                awaitHealthy(port);
                String hin = hinToken(db.dataSource());
                List<String> tokens = seed(db.dataSource());
                long incident = incident(port, hin);
                Subscribers streams = new Subscribers(port, tokens);
                streams.start();
                streams.awaitConnected();
                List<Round> baseline = new ArrayList<>();
                List<Round> load = new ArrayList<>();
                for (int r = 0; r < ROUNDS; r++) {
                    baseline.add(round(port, hin, incident, streams, tokens, 1));
                    load.add(round(port, hin, incident, streams, tokens, N));
                }
                streams.stop();
                print(baseline, load);
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
        pb.environment().put("ZORGBEELD_OFFICIAL_SOURCE", "http://127.0.0.1:9/ogc");
        pb.environment().put("ZORGBEELD_LIVE_MAX_STREAMS", Integer.toString(N + 100));
        pb.redirectErrorStream(true);
        pb.redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "zorgbeeld-alert-bench-server.log").toFile());
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

    private static String hinToken(DataSource ds) {
        new nl.zorgbeeld.auth.DemoUsers(ds).seed();
        return nl.zorgbeeld.auth.AuthModule.create(ds, nl.zorgbeeld.auth.AuthSettings.defaults(), () -> null).tokens()
                .createFor("demo-hin", "benchmark", TokenScope.READ_WRITE, 1).secret();
    }

    /** N institutions on a grid (50 m apart) and per institution a coordinator with a token; returns the tokens in institution order. */
    private static List<String> seed(DataSource ds) {
        String run = Long.toHexString(System.nanoTime());
        return new Transactions(ds).run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM institution WHERE id LIKE ?")) {
                ps.setString(1, PREFIX + "%");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO institution (id, type, name, connected, region_code, source, geom)"
                    + " VALUES (?, 'vvt', ?, true, 'VR09', 'alertbenchmark', ST_SetSRID(ST_MakePoint(?, ?), 28992))")) {
                for (int i = 0; i < N; i++) {
                    ps.setString(1, PREFIX + i);
                    ps.setString(2, "Benchmarkzorg " + i);
                    ps.setDouble(3, X0 + (i % 40) * 50.0);
                    ps.setDouble(4, Y0 + (i / 40) * 50.0);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            OrganisationStore organisations = new OrganisationStore();
            long org = organisations.findByName(c, "Benchmarkzorg (alarm)").map(o -> o.id()).orElse(-1L);
            if (org < 0) org = organisations.insert(c, new OrganisationStore.Fields("Benchmarkzorg (alarm)", OrganisationKind.ZORGINSTELLING,
                    "VR09", null, null, null, null, false, List.of()), true);
            UserStore users = new UserStore();
            TokenStore tokens = new TokenStore();
            List<String> secrets = new ArrayList<>(N);
            for (int i = 0; i < N; i++) {
                long user = users.insert(c, new UserStore.NewUser("bench-ico-" + run + "-" + i, "Coördinator " + i, org,
                        EnumSet.of(Role.INFORMATIECOORDINATOR), null, PREFIX + i, true));
                secrets.add(tokens.create(c, user, "benchmark", TokenScope.READ_WRITE, OffsetDateTime.now().plusDays(1)).secret());
            }
            return secrets;
        });
    }

    private static HttpResponse<String> send(int port, String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An incident whose area covers the whole grid. */
    private static long incident(int port, String hin) throws Exception {
        HttpResponse<String> r = send(port, hin, "POST", "/api/incidents", "{\"title\":\"Benchmark alarmering\",\"type\":\"gevaarlijke_stoffen\"}");
        if (r.statusCode() != 201) throw new IllegalStateException("creating the incident: " + r.body());
        long id = Json.tree(r.body()).get("id").asLong();
        double x1 = X0 - 100;
        double y1 = Y0 - 100;
        double x2 = X0 + 40 * 50 + 100;
        double y2 = Y0 + (N / 40 + 1) * 50 + 100;
        String area = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"incidentgebied\",\"source\":\"Benchmark\",\"certainty\":\"gevalideerd\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + x1 + "," + y1 + "],[" + x2 + "," + y1 + "],[" + x2 + "," + y2 + "],["
                + x1 + "," + y2 + "],[" + x1 + "," + y1 + "]]]}}";
        HttpResponse<String> drawn = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/incidents/" + id + "/elements"))
                .header("Authorization", "Bearer " + hin).header("Content-Type", "application/json")
                .header("Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/28992>")
                .POST(HttpRequest.BodyPublishers.ofString(area)).build(), HttpResponse.BodyHandlers.ofString());
        if (drawn.statusCode() != 201) throw new IllegalStateException("drawing the area: " + drawn.body());
        return id;
    }

    /** One alert: to all N affected, or (baseline) to institution 0 alone. */
    record Round(int recipients, long postMs, long lastStreamMs, long inboxMs, int streamsReached, int delivered) {}

    private static Round round(int port, String hin, long incident, Subscribers streams, List<String> tokens, int recipients) throws Exception {
        String audience = recipients == 1 ? "{\"institutionIds\":[\"" + PREFIX + "0\"]}" : "{\"affected\":true}";
        streams.reset(recipients == 1 ? 1 : N);
        long start = System.nanoTime();
        HttpResponse<String> r = send(port, hin, "POST", "/api/incidents/" + incident + "/alerts", "{\"audience\":" + audience + "}");
        long posted = System.nanoTime();
        if (r.statusCode() != 201) throw new IllegalStateException("sending the alert: " + r.body());
        long alertId = Json.tree(r.body()).at("/alert/id").asLong();
        int resolved = Json.tree(r.body()).at("/alert/counts/recipients").asInt();
        if (resolved != recipients) throw new IllegalStateException("the alert went to " + resolved + ", not " + recipients);
        long lastStream = streams.awaitAll(TimeUnit.SECONDS.toNanos(60));
        // Every recipient's coordinator reads its inbox, a few at a time (as screens opening do).
        long readStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        List<Future<Integer>> reads = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            String token = tokens.get(i);
            reads.add(pool.submit(() -> send(port, token, "GET", "/api/me/alerts", null).statusCode()));
        }
        for (Future<Integer> f : reads) {
            if (f.get() != 200) throw new IllegalStateException("an inbox read failed");
        }
        long readEnd = System.nanoTime();
        pool.shutdown();
        JsonAlert detail = JsonAlert.of(send(port, hin, "GET", "/api/incidents/" + incident + "/alerts/" + alertId, null).body());
        return new Round(recipients, (posted - start) / 1_000_000, lastStream < 0 ? -1 : (lastStream - start) / 1_000_000,
                (readEnd - readStart) / 1_000_000, streams.reached(), detail.delivered());
    }

    record JsonAlert(int delivered) {
        static JsonAlert of(String body) {
            return new JsonAlert(Json.tree(body).at("/alert/counts/delivered").asInt());
        }
    }

    /** The N coordinators' personal streams: raw sockets on one selector thread noting when an alert arrives. */
    static final class Subscribers {
        private final int port;
        private final List<String> tokens;
        private final Selector selector;
        private final long[] arrived;
        private final AtomicInteger connected = new AtomicInteger();
        private volatile int expected;
        private volatile boolean running = true;
        private Thread thread;

        Subscribers(int port, List<String> tokens) throws IOException {
            this.port = port;
            this.tokens = tokens;
            this.selector = Selector.open();
            this.arrived = new long[tokens.size()];
        }

        final class Sub {
            final int index;
            final SocketChannel channel;
            final byte[] line = new byte[128];
            int length;
            boolean change;
            boolean open;

            Sub(int index, SocketChannel channel) {
                this.index = index;
                this.channel = channel;
            }

            void read(ByteBuffer buf, long now) {
                while (buf.hasRemaining()) {
                    byte b = buf.get();
                    if (b != '\n') {
                        if (length < line.length) line[length++] = b;
                        continue;
                    }
                    if (length == 0 || (length == 1 && line[0] == '\r')) {
                        if (change && arrived[index] == 0) arrived[index] = now;
                        change = false;
                    } else if (starts("data: ") && contains("\"nl.zorgbeeld.alert.sent\"")) {
                        // Only the alert itself: receipts of an earlier round may still be on their way.
                        change = true;
                    } else if (starts("event: connected") && !open) {
                        open = true;
                        connected.incrementAndGet();
                    }
                    length = 0;
                }
            }

            private boolean contains(String text) {
                return new String(line, 0, length, StandardCharsets.US_ASCII).contains(text);
            }

            private boolean starts(String prefix) {
                if (length < prefix.length()) return false;
                for (int i = 0; i < prefix.length(); i++) if (line[i] != prefix.charAt(i)) return false;
                return true;
            }
        }

        void start() throws IOException {
            for (int i = 0; i < tokens.size(); i++) {
                byte[] request = ("GET /api/me/live HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
                        + tokens.get(i) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                ch.write(ByteBuffer.wrap(request));
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_READ, new Sub(i, ch));
            }
            thread = new Thread(this::loop, "alert-streams");
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
                        if (sub.channel.read(buf) < 0) {
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
            while (connected.get() < tokens.size()) {
                if (System.nanoTime() > end) throw new IllegalStateException("only " + connected.get() + " of " + tokens.size() + " connected");
                Thread.sleep(50);
            }
        }

        /** Expects the next alert on the first {@code n} streams. */
        void reset(int n) {
            Arrays.fill(arrived, 0);
            expected = n;
        }

        /** The arrival time of the alert on the last expected stream, or -1 when not all had it by the deadline. */
        long awaitAll(long timeoutNanos) throws InterruptedException {
            long end = System.nanoTime() + timeoutNanos;
            while (reached() < expected) {
                if (System.nanoTime() > end) return -1;
                Thread.sleep(2);
            }
            long last = 0;
            for (int i = 0; i < expected; i++) last = Math.max(last, arrived[i]);
            return last;
        }

        int reached() {
            int n = 0;
            for (int i = 0; i < expected; i++) if (arrived[i] != 0) n++;
            return n;
        }

        void stop() throws Exception {
            running = false;
            thread.join();
            selector.keys().forEach(k -> {
                try {
                    k.channel().close();
                } catch (IOException e) {
                    // closing anyway
                }
            });
            selector.close();
        }
    }

    private static long median(List<Round> rounds, java.util.function.ToLongFunction<Round> f) {
        long[] v = rounds.stream().mapToLong(f).sorted().toArray();
        return v[v.length / 2];
    }

    private static long max(List<Round> rounds, java.util.function.ToLongFunction<Round> f) {
        return rounds.stream().mapToLong(f).max().orElse(-1);
    }

    private static void print(List<Round> baseline, List<Round> load) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("| run | recipients (connected users) | rounds | POST answered (resolved + stored) median / max"
                + " | last stream has it median / max | all inboxes read median | delivered |\n|---|---|---|---|---|---|---|\n");
        for (List<Round> runs : List.of(baseline, load)) {
            Round first = runs.get(0);
            out.append(String.format(Locale.ROOT, "| %s | %,d | %d | %d / %d ms | %d / %d ms | %d ms | %d of %d |%n",
                    first.recipients() == 1 ? "baseline" : "load", first.recipients(), runs.size(), median(runs, Round::postMs),
                    max(runs, Round::postMs), median(runs, Round::lastStreamMs), max(runs, Round::lastStreamMs), median(runs, Round::inboxMs),
                    runs.stream().mapToInt(Round::delivered).min().orElse(0), first.recipients()));
        }
        boolean allReached = load.stream().allMatch(r -> r.lastStreamMs() >= 0 && r.streamsReached() == N)
                && baseline.stream().allMatch(r -> r.lastStreamMs() >= 0);
        boolean allDelivered = load.stream().allMatch(r -> r.delivered() == N);
        double ratio = (double) Math.max(1, median(load, Round::lastStreamMs)) / Math.max(1, median(baseline, Round::lastStreamMs));
        long lastMax = max(load, Round::lastStreamMs);
        boolean pass = allReached && allDelivered && lastMax < 5000;
        out.append(String.format(Locale.ROOT, "%nTime to the last of %,d streams is %.1fx the one-recipient baseline. Target: every stream"
                + " and every inbox has the alert, the last stream within 5 s: %s.%n", N, ratio, pass ? "met" : "NOT met"));
        String summary = String.format(Locale.ROOT, "SUMMARY alerts institutions=%d rounds=%d post_median_ms=%d last_stream_median_ms=%d"
                        + " last_stream_max_ms=%d inbox_reads_median_ms=%d baseline_last_stream_median_ms=%d ratio=%.1f delivered=%d result=%s",
                N, load.size(), median(load, Round::postMs), median(load, Round::lastStreamMs), lastMax, median(load, Round::inboxMs),
                median(baseline, Round::lastStreamMs), ratio, load.stream().mapToInt(Round::delivered).min().orElse(0), pass ? "PASS" : "FAIL");
        String report = out.toString();
        String target = System.getenv("BENCH_REPORT");
        if (target != null) Files.writeString(Path.of(target), report);
        System.out.println(report);
        System.out.println(summary);
    }
}

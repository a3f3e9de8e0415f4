import io.javalin.Javalin;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.zorgbeeld.App;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.db.Database;
import nl.zorgbeeld.importer.Importer;

/**
 * Serving a 100,000-feature collection through the OGC API, next to the bare SQL that builds the same
 * GeoJSON, in the same run. Run with bench/run-ogc.sh. Prints medians, ratios, the peak heap while
 * streaming, and a final summary line.
 */
public final class OgcBenchmark {
    private static final int FEATURES = 100_000;
    private static final int ROUNDS = 7;

    public static void main(String[] args) throws Exception {
        String url = System.getenv("DATABASE_URL");
        try (Database db = Database.open(url)) {
            long features = seed(db);
            Config config = Config.fromEnvironment(Map.of("DATABASE_URL", url));
            Javalin app = App.create(config, db.dataSource(), db.postgisVersion()).start("127.0.0.1", 0);
            try {
                run(db, app.port(), features, token(db.dataSource(), "demo-beheerder"));
            } finally {
                app.stop();
            }
        }
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

    /**
     * About 100,000 synthetic care locations inside the land outline (kept between runs); returns the
     * exact number (ST_GeneratePoints rounds per polygon).
     */
    private static long seed(Database db) throws Exception {
        new Importer(db.dataSource()).ensureLandOutline();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM institution WHERE id NOT LIKE 'bench:%'");
            if (count(s) > FEATURES * 0.99) return count(s);
            s.execute("DELETE FROM institution");
            s.execute("INSERT INTO institution (id, type, name, organisation, city, connected, source, demo, geom)"
                    + " SELECT 'bench:' || lpad(p.path[1]::text, 6, '0'), (ARRAY['vvt','ghz','ggz','ziekenhuis','apotheek'])[1 + p.path[1] % 5],"
                    + " 'Benchmarklocatie ' || p.path[1], 'Benchmark', 'Benchmarkstad', p.path[1] % 3 = 0, 'benchmark', true, p.geom"
                    + " FROM land_outline o, ST_Dump(ST_GeneratePoints(o.geom, " + FEATURES + ", 7)) p");
            s.execute("ANALYZE institution");
            return count(s);
        }
    }

    private static long count(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM institution")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void run(Database db, int port, long features, String token) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String items = "http://127.0.0.1:" + port + "/ogc/collections/institutions/items?limit=10000";
        String layer = "http://127.0.0.1:" + port + "/api/layers/institutions";
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Double> sqlMs = new ArrayList<>();
        List<Double> ogcMs = new ArrayList<>();
        List<Double> layerMs = new ArrayList<>();
        long peak = 0;
        long baseline = 0;
        for (int round = -2; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            long sqlBytes = bareSql(db);
            long t1 = System.nanoTime();
            long[] ogc = pages(client, items, token);
            long t2 = System.nanoTime();
            // The client here only counts bytes, so what the heap gains during this request is the server's.
            System.gc();
            baseline = memory.getHeapMemoryUsage().getUsed();
            HeapSampler sampler = new HeapSampler(memory);
            long layerBytes = drain(client, layer, token);
            long t3 = System.nanoTime();
            sampler.stop();
            if (ogc[0] != features) throw new IllegalStateException("paging returned " + ogc[0] + " features, expected " + features);
            if (round < 0) continue;
            sqlMs.add((t1 - t0) / 1e6);
            ogcMs.add((t2 - t1) / 1e6);
            layerMs.add((t3 - t2) / 1e6);
            peak = Math.max(peak, sampler.peak.get() - baseline);
            System.out.printf("round %d: bare SQL %.0f ms (%d MB), OGC API 10 pages %.0f ms (%d MB), /api/layers one stream %.0f ms (%d MB)%n",
                    round + 1, (t1 - t0) / 1e6, sqlBytes >> 20, (t2 - t1) / 1e6, ogc[1] >> 20, (t3 - t2) / 1e6, layerBytes >> 20);
        }
        double sql = median(sqlMs);
        double ogc = median(ogcMs);
        double one = median(layerMs);
        System.out.printf("median: bare SQL %.0f ms; OGC API %.0f ms (%.2fx); /api/layers %.0f ms (%.2fx)%n", sql, ogc, ogc / sql, one, one / sql);
        System.out.printf("heap: max %d MB; peak growth while streaming all %d features in one response: %d MB%n",
                Runtime.getRuntime().maxMemory() >> 20, features, peak >> 20);
        System.out.printf("SUMMARY ogc-features=%d bare_sql_ms=%.0f ogc_ms=%.0f ogc_ratio=%.2f layer_ms=%.0f layer_ratio=%.2f peak_heap_growth_mb=%d%n",
                features, sql, ogc, ogc / sql, one, one / sql, peak >> 20);
    }

    /** The same Features, built by the same SQL, read over JDBC with a cursor: the floor for any server. */
    private static long bareSql(Database db) throws Exception {
        String sql = "SELECT json_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.geom_wgs84, 6)::json,"
                + " 'properties', json_build_object('name', t.name, 'type', t.type, 'organisation', t.organisation, 'street', t.street,"
                + " 'houseNumber', t.house_number, 'postcode', t.postcode, 'city', t.city, 'phone', t.phone, 'email', t.email,"
                + " 'emergencyDepartment', t.emergency_department, 'nicu', t.nicu, 'connected', t.connected, 'regionCode', t.region_code,"
                + " 'municipalityCode', t.municipality_code, 'source', t.source, 'demo', t.demo, 'updated', t.updated_at))::text"
                + " FROM institution t ORDER BY t.id";
        long bytes = 0;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) bytes += rs.getString(1).length();
                }
            }
            c.commit();
        }
        return bytes;
    }

    /** Follows next links to the end; returns {features, bytes}. */
    private static long[] pages(HttpClient client, String first, String token) throws Exception {
        long features = 0;
        long bytes = 0;
        String next = first;
        while (next != null) {
            String body = client.send(HttpRequest.newBuilder(URI.create(next)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            bytes += body.length();
            var page = Json.MAPPER.readTree(body);
            features += page.get("numberReturned").asLong();
            next = null;
            for (var link : page.get("links")) if ("next".equals(link.get("rel").asText())) next = link.get("href").asText();
        }
        return new long[] {features, bytes};
    }

    private static long drain(HttpClient client, String url, String token) throws Exception {
        long bytes = 0;
        try (InputStream in = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream()).body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) bytes += n;
        }
        return bytes;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Samples the used heap every few milliseconds, to see whether serving grows with the response. */
    private static final class HeapSampler {
        final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler(MemoryMXBean memory) {
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}

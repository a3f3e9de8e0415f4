import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import nl.zorgbeeld.App;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.analysis.AnalysisModule;
import nl.zorgbeeld.auth.AuthModule;
import nl.zorgbeeld.auth.AuthSettings;
import nl.zorgbeeld.auth.DemoUsers;
import nl.zorgbeeld.auth.TokenScope;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.db.Database;
import nl.zorgbeeld.geo.RdNew;
import nl.zorgbeeld.importer.DemoData;
import nl.zorgbeeld.importer.Importer;
import nl.zorgbeeld.plume.PlumeRequest;
import nl.zorgbeeld.plume.Plumes;
import org.locationtech.jts.geom.Coordinate;

/**
 * The analysis following a new plume at national scale (issue 11, item 10): 100,000 synthetic
 * institutions inside the municipalities plus the reference data, a Gaussian ammonia plume in the
 * middle of Utrecht, republished with the wind turned a few degrees each run (so every run is a new
 * plume with new zones). Measures, in one run on one database:
 * <ul>
 * <li>POST of the plume (compute, store the plume and its three zone elements in one transaction);</li>
 * <li>the GET of the analysis right after it, which must already follow the new plume (its id in the
 *     header, the rows with the plume's threat): read-your-writes, the recomputation caught up if it
 *     had not run;</li>
 * <li>the two together: from POST until the new analysis is readable;</li>
 * <li>baselines: the bare PostGIS query that lists the same institutions (ST_DWithin, ST_Intersects and
 *     a CASE per ring over the three zone elements), and the plume computation alone.</li>
 * </ul>
 * Checks that each read follows its plume and that its plume zones agree with ST_Intersects. Prints a
 * Markdown section (also written to BENCH_REPORT when set) and a final SUMMARY line. Run with
 * bench/run-plume-analysis.sh. Environment: DATABASE_URL (required), ZORGBEELD_DATA, BENCH_RUNS (default 40).
 */
public final class PlumeAnalysisBenchmark {
    private static final int SYNTHETIC = 100_000;
    private static final String PREFIX = "bench:";
    private static final Coordinate SOURCE = new Coordinate(136_000, 456_000);
    private static final String[] TYPES = {"vvt", "vvt", "vvt", "ghz", "ghz", "ggz", "huisartsenpraktijk", "huisartsenpraktijk",
        "apotheek", "apotheek", "ziekenhuis", "buitenpolikliniek", "categorale_instelling", "ambulancepost", "huisartsenpost", "ggd"};
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PlumeAnalysisBenchmark() {}

    public static void main(String[] args) throws Exception {
        String url = System.getenv("DATABASE_URL");
        if (url == null || url.isBlank()) throw new IllegalStateException("DATABASE_URL is not set (bench/run-plume-analysis.sh sets it)");
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "40"));
        try (Database db = Database.open(url)) {
            DataSource ds = db.dataSource();
            String reference = loadReference(ds, System.getenv("ZORGBEELD_DATA"));
            generateInstitutions(ds);
            long institutions = count(ds, "SELECT count(*) FROM institution");
            Config config = Config.fromEnvironment(Map.of("DATABASE_URL", url, "ZORGBEELD_PORT", "0"));
            Javalin app = App.create(config, ds, db.postgisVersion(), AnalysisModule.create(ds)).start("127.0.0.1", 0);
            try {
                new DemoUsers(ds).seed();
                String gags = AuthModule.create(ds, AuthSettings.defaults(), () -> null).tokens()
                        .createFor("demo-gags", "benchmark", TokenScope.READ_WRITE, 1).secret();
                String hin = AuthModule.create(ds, AuthSettings.defaults(), () -> null).tokens()
                        .createFor("demo-hin", "benchmark", TokenScope.READ_WRITE, 1).secret();
                long incident = createIncident(ds);
                int port = app.port();
                // Warm-up: the JIT, the institution layer in memory, the first plume.
                for (int i = 0; i < 5; i++) {
                    post(port, gags, incident, body(i));
                    get(port, hin, "/api/incidents/" + incident + "/affected");
                }
                double[] posts = new double[runs];
                double[] reads = new double[runs];
                double[] total = new double[runs];
                int stale = 0;
                int disagreements = 0;
                int rows = 0;
                int inZones = 0;
                long bytes = 0;
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> posted = post(port, gags, incident, body(i + 5));
                    long afterPost = System.nanoTime();
                    HttpResponse<String> read = get(port, hin, "/api/incidents/" + incident + "/affected");
                    long end = System.nanoTime();
                    posts[i] = (afterPost - start) / 1e6;
                    reads[i] = (end - afterPost) / 1e6;
                    total[i] = (end - start) / 1e6;
                    long plumeId = Json.tree(posted.body()).path("plume").path("id").asLong();
                    JsonNode analysis = Json.tree(read.body());
                    if (analysis.path("plume").path("id").asLong() != plumeId) stale++;
                    rows = analysis.path("institutions").size();
                    bytes = read.body().length();
                    if (i == 0 || i == runs - 1) {
                        Map<String, Integer> listed = new HashMap<>();
                        for (JsonNode row : analysis.path("institutions")) {
                            String zone = row.path("plume").path("zone").asText(null);
                            if (zone != null) listed.put(row.path("institution").path("id").asText(), rank(zone));
                        }
                        Map<String, Integer> inside = insideZones(ds, incident);
                        inZones = inside.size();
                        for (Map.Entry<String, Integer> e : inside.entrySet()) if (!e.getValue().equals(listed.get(e.getKey()))) disagreements++;
                        for (String id : listed.keySet()) if (!inside.containsKey(id)) disagreements++;
                    }
                }
                double[] bare = new double[runs];
                for (int i = 0; i < runs; i++) bare[i] = time(() -> bareQuery(ds, incident));
                double[] compute = new double[runs];
                PlumeRequest request = PlumeRequest.parse(body(0));
                for (int i = 0; i < 50; i++) Plumes.compute(request.input());
                for (int i = 0; i < runs; i++) compute[i] = time(() -> Plumes.compute(request.input()));
                for (double[] a : List.of(posts, reads, total, bare, compute)) Arrays.sort(a);

                List<String> lines = new ArrayList<>();
                lines.add(String.format(Locale.ROOT, "%,d institutions (%,d synthetic; reference data %s), PostGIS %s; a Gaussian ammonia"
                        + " plume (10 kg/s, class D, 3 m/s) in Utrecht, the wind turned by a degree per run; %d measured runs after 5 warm-up runs.",
                        institutions, SYNTHETIC, reference, db.postgisVersion(), runs));
                lines.add(String.format(Locale.ROOT, "The analysis lists %,d institutions (%,d inside the plume's zones), %,d bytes of JSON.", rows, inZones, bytes));
                lines.add("");
                lines.add("| measurement | runs | p50 (ms) | p95 (ms) | max (ms) |");
                lines.add("|---|---:|---:|---:|---:|");
                lines.add(row("**POST plume, then GET the analysis (until readable)**", total));
                lines.add(row("POST plume (compute, plume and 3 zone elements in one transaction)", posts));
                lines.add(row("GET of the analysis right after (follows the new plume)", reads));
                lines.add(row("baseline: bare PostGIS query (ST_DWithin + ST_Intersects + CASE per ring)", bare));
                lines.add(row("baseline: the plume computation alone", compute));
                double ratio = percentile(total, 95) / percentile(bare, 95);
                lines.add("");
                lines.add(String.format(Locale.ROOT, "- p95 from POST to the new analysis readable / p95 of the bare query = %.2f; reads that did not"
                        + " yet follow their plume: %d of %d; institutions whose plume zone differs from ST_Intersects: %d.", ratio, stale, runs, disagreements));
                String section = String.join("\n", lines);
                System.out.println(section);
                String file = System.getenv("BENCH_REPORT");
                if (file != null && !file.isBlank()) Files.writeString(Path.of(file), section);
                boolean pass = stale == 0 && disagreements == 0;
                System.out.println(String.format(Locale.ROOT, "SUMMARY plume-analysis institutions=%d listed=%d follow_p50_ms=%.1f follow_p95_ms=%.1f"
                        + " bare_p95_ms=%.1f ratio=%.2f stale=%d disagreements=%d result=%s", institutions, rows, percentile(total, 50),
                        percentile(total, 95), percentile(bare, 95), ratio, stale, disagreements, pass ? "PASS" : "FAIL"));
            } finally {
                app.stop();
            }
        }
    }

    private static String body(int run) {
        Coordinate c = new RdNew().toWgs84(SOURCE.x, SOURCE.y);
        return String.format(Locale.ROOT, "{\"method\":\"gaussian\",\"source\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},"
                + "\"releaseRate\":10000,\"releaseRateUnit\":\"g/s\",\"releaseHeight\":0,\"duration\":3600,\"windSpeed\":3,\"windDirection\":%d,"
                + "\"stabilityClass\":\"D\",\"substance\":\"ammoniak\",\"thresholds\":{\"LBW\":1000,\"AGW\":200,\"VRW\":14}}", c.x, c.y, 200 + run % 120);
    }

    private static int rank(String zone) {
        return switch (zone) {
            case "LBW" -> 0;
            case "AGW" -> 1;
            default -> 2;
        };
    }

    private static HttpResponse<String> post(int port, String token, long incident, String body) throws Exception {
        return ok(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/incidents/" + incident + "/plumes"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpResponse<String> get(int port, String token, String path) throws Exception {
        return ok(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static <T> HttpResponse<T> ok(HttpResponse<T> r) {
        if (r.statusCode() >= 300) throw new IllegalStateException("HTTP " + r.statusCode() + " for " + r.uri() + ": " + r.body());
        return r;
    }

    /** The institutions inside the current zone elements, by ST_Intersects, with the innermost zone's rank. */
    private static Map<String, Integer> insideZones(DataSource ds, long incident) throws SQLException {
        String sql = "SELECT i.id, min(CASE e.attributes ->> 'zone' WHEN 'LBW' THEN 0 WHEN 'AGW' THEN 1 ELSE 2 END)"
                + " FROM picture_element e JOIN institution i ON ST_Intersects(i.geom, e.geom)"
                + " WHERE e.incident_id = ? AND e.valid_to IS NULL AND e.kind = 'effectgebied' GROUP BY i.id";
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.put(rs.getString(1), rs.getInt(2));
            }
        }
        return rows;
    }

    /** The analysis' institutions as one plain PostGIS query: within 5 km of a zone, the innermost zone or ring, the distance. */
    private static int bareQuery(DataSource ds, long incident) throws SQLException {
        String sql = "SELECT i.id, min(CASE WHEN ST_Intersects(i.geom, e.geom) THEN 0 WHEN ST_DWithin(i.geom, e.geom, 500) THEN 1"
                + " WHEN ST_DWithin(i.geom, e.geom, 1000) THEN 2 WHEN ST_DWithin(i.geom, e.geom, 2000) THEN 3 ELSE 4 END),"
                + " min(ST_Distance(i.geom, e.geom)) FROM picture_element e JOIN institution i ON ST_DWithin(i.geom, e.geom, 5000)"
                + " WHERE e.incident_id = ? AND e.valid_to IS NULL AND e.kind = 'effectgebied' GROUP BY i.id";
        int n = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) n++;
            }
        }
        return n;
    }

    @FunctionalInterface
    private interface Run {
        Object run() throws Exception;
    }

    private static double time(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e6;
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String row(String name, double[] ms) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |", name, ms.length, percentile(ms, 50), percentile(ms, 95), ms[ms.length - 1]);
    }

    /** Real reference data from ZORGBEELD_DATA, else the demo set; loaded into an empty database only. */
    private static String loadReference(DataSource ds, String data) {
        Importer importer = new Importer(ds, Duration.ofSeconds(5));
        importer.ensureLandOutline();
        boolean real = data != null && !data.isBlank() && Files.isDirectory(Path.of(data));
        if (count(ds, "SELECT count(*) FROM municipality") == 0) {
            if (real) importer.importSource(data);
            else new DemoData(ds).generate();
        }
        return count(ds, "SELECT count(*) FROM municipality WHERE demo") > 0 ? "demo (synthetic)" : "real";
    }

    /** 100,000 points inside the municipalities, spread by area (the same set as bench/AnalysisBenchmark.java makes). */
    private static void generateInstitutions(DataSource ds) throws SQLException {
        if (count(ds, "SELECT count(*) FROM institution WHERE id LIKE 'bench:%'") == SYNTHETIC) return;
        String types = "ARRAY['" + String.join("','", TYPES) + "']";
        String sql = "INSERT INTO institution (id, type, name, organisation, phone, connected, region_code, municipality_code, source, demo, geom)"
                + " SELECT ? || n, (" + types + ")[1 + n % " + TYPES.length + "], 'Benchmarkinstelling ' || n, 'Benchmark',"
                + " '030 000 0000', n % 2 = 0, region_code, code, 'benchmark', true, geom FROM ("
                + "   SELECT row_number() OVER (ORDER BY md5(p.code || ':' || p.path)) AS n, p.* FROM ("
                + "     SELECT m.code, m.region_code, d.path[1] AS path, d.geom FROM municipality m,"
                + "       (SELECT sum(ST_Area(geom)) AS total FROM municipality) t,"
                + "       ST_Dump(ST_GeneratePoints(m.geom, ceil(? * ST_Area(m.geom) / t.total)::int, 2024)) d) p) numbered"
                + " WHERE n <= ?";
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM institution WHERE id LIKE 'bench:%'")) {
                delete.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, PREFIX);
                ps.setInt(2, SYNTHETIC);
                ps.setInt(3, SYNTHETIC);
                ps.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            try (PreparedStatement analyze = c.prepareStatement("ANALYZE institution")) {
                analyze.execute();
            }
        }
    }

    private static long createIncident(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident (created_by_author, created_by_organisation)"
                    + " VALUES ('Benchmark', 'Zorgbeeld') RETURNING id"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_version (incident_id, version, title, type, started_at,"
                    + " scaled_up_at, grip, care_phase, status, exercise, regie_person, regie_organisation, author, organisation, region_code)"
                    + " VALUES (?, 1, 'Benchmark pluim', 'gevaarlijke_stoffen', now(), now(), '2', 'regulier', 'actief', true,"
                    + " 'Benchmark', 'Zorgbeeld', 'Benchmark', 'Zorgbeeld', ?)")) {
                ps.setLong(1, id);
                ps.setString(2, DemoUsers.REGION);
                ps.executeUpdate();
            }
            return id;
        }
    }

    private static long count(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

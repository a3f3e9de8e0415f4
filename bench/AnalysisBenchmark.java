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
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.zorgbeeld.App;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.analysis.Affected;
import nl.zorgbeeld.analysis.Analysis;
import nl.zorgbeeld.analysis.AnalysisModule;
import nl.zorgbeeld.analysis.Rings;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.db.Database;
import nl.zorgbeeld.element.ElementInput;
import nl.zorgbeeld.element.ElementKind;
import nl.zorgbeeld.element.ElementService;
import nl.zorgbeeld.element.ElementStore;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.http.Etags.IfMatch;
import nl.zorgbeeld.importer.DemoData;
import nl.zorgbeeld.importer.Importer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The network analysis at national scale: 100,000 synthetic institutions inside the municipalities
 * plus the real (or demo) ones, one smooth 2,000-vertex effect zone, the 4 default rings. Measures,
 * in one run on one database, the analysis as the service computes it (warm: the zone's index and the
 * institution layer are in memory, as for every request after the first), the same through HTTP with
 * JSON, a redrawn zone with the analysis that follows it, the bare PostGIS query that computes the
 * same result (ST_DWithin, ST_Distance and a CASE per ring), and a plain GiST box query over the
 * same area for comparison. Checks that the analysis and the bare query agree. Prints a Markdown
 * section (also written to BENCH_REPORT when set) and a final SUMMARY line. Run with
 * bench/run-analysis.sh.
 *
 * <p>Environment: DATABASE_URL (required), ZORGBEELD_DATA (real reference data; demo data when
 * unset), BENCH_RUNS (measured runs of the fast measurements, default 1000).
 */
public final class AnalysisBenchmark {
    private static final int SYNTHETIC = 100_000;
    private static final String PREFIX = "bench:";
    private static final int ZONE_VERTICES = 2000;
    /** Utrecht: a dense part of the country. */
    private static final Coordinate CENTRE = new Coordinate(136_000, 456_000);
    /** The default rings, as the bare query spells them out. */
    private static final double[] RING_LIMITS = {500, 1000, 2000, 5000};
    private static final double TARGET_P95_MS = 10;
    private static final double TARGET_RATIO = 1.5;
    private static final Actor ACTOR = new Actor("Benchmark", "Zorgbeeld");
    private static final String[] TYPES = {"vvt", "vvt", "vvt", "ghz", "ghz", "ggz", "huisartsenpraktijk", "huisartsenpraktijk",
        "apotheek", "apotheek", "ziekenhuis", "buitenpolikliniek", "categorale_instelling", "ambulancepost", "huisartsenpost", "ggd"};

    private AnalysisBenchmark() {}

    public static void main(String[] args) throws Exception {
        String url = System.getenv("DATABASE_URL");
        if (url == null || url.isBlank()) throw new IllegalStateException("DATABASE_URL is not set (bench/run-analysis.sh sets it)");
        String data = System.getenv("ZORGBEELD_DATA");
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "1000"));
        try (Database db = Database.open(url)) {
            DataSource ds = db.dataSource();
            String reference = loadReference(ds, data);
            generateInstitutions(ds);
            long institutions = count(ds, "SELECT count(*) FROM institution");
            long incident = createIncident(ds);
            AnalysisModule module = AnalysisModule.create(ds);
            ElementService elements = new ElementService(new ElementStore(ds), module.elementsChanged());
            Polygon zone = smoothZone(0);
            long start = System.nanoTime();
            UUID zoneId = elements.create(incident, zoneInput(zone), ACTOR, Crs.RD_NEW).id();
            double firstDrawn = (System.nanoTime() - start) / 1e6;

            Config config = Config.fromEnvironment(Map.of("DATABASE_URL", url, "ZORGBEELD_PORT", "0"));
            Javalin app = App.create(config, ds, db.postgisVersion());
            app.start("127.0.0.1", 0);
            try {
                Report report = measure(ds, module, incident, app.port(), runs);
                report.firstDrawn = firstDrawn;
                report.redrawn = redraw(elements, incident, zoneId, report.bareRuns);
                report.institutions = institutions;
                report.reference = reference;
                report.zoneVertices = zone.getNumPoints() - 1;
                report.postgis = db.postgisVersion();
                String section = report.markdown();
                System.out.println(section);
                String file = System.getenv("BENCH_REPORT");
                if (file != null && !file.isBlank()) Files.writeString(Path.of(file), section);
                System.out.println(report.summary());
            } finally {
                app.stop();
            }
        }
    }

    private static Report measure(DataSource ds, AnalysisModule module, long incident, int port, int runs) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/incidents/" + incident + "/affected"))
                .header("Authorization", "Bearer " + token(ds, "demo-beheerder")).GET().build();
        Supplier<Analysis> analysis = () -> module.analysis().analyse(incident, Rings.DEFAULT);
        Report r = new Report();
        r.runs = runs;
        r.bareRuns = Math.max(20, runs / 25);
        warmUp(analysis, client, request, ds, incident);

        r.analysis = time(runs, () -> analysis.get());
        r.http = time(runs, () -> {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IllegalStateException("HTTP " + response.statusCode());
        });
        r.candidates = time(runs, () -> candidateQuery(ds, incident));
        r.bare = time(r.bareRuns, () -> bareQuery(ds, incident));

        Analysis result = analysis.get();
        r.affected = result.items().size();
        r.disagreements = compare(result, bareQuery(ds, incident));
        return r;
    }

    private static ElementInput zoneInput(Polygon zone) {
        return new ElementInput(ElementKind.EFFECTGEBIED, "Benchmarkpluim", null, "Benchmark", "gevalideerd", Map.of("zone", "AGW"),
                zone, 28992);
    }

    /**
     * The zone redrawn (shifted 50 m, back and forth), each time through the element service: the
     * write, then the analysis that follows the picture (a geometry it has not indexed yet), the
     * comparison with the previous result and the recording of what changed.
     */
    private static double[] redraw(ElementService elements, long incident, UUID zoneId, int runs) throws Exception {
        int[] version = {1};
        return time(runs, () -> {
            elements.replace(incident, zoneId, new IfMatch(false, Set.of(version[0])), zoneInput(smoothZone(version[0] % 2 * 50)),
                    ACTOR, Crs.RD_NEW);
            version[0]++;
        });
    }

    /**
     * A read-write API token of demo user {@code login} (the demo users are seeded here when missing:
     * a benchmark database is never a production one). Every API route needs a login.
     */
    private static String token(DataSource ds, String login) {
        new nl.zorgbeeld.auth.DemoUsers(ds).seed();
        return nl.zorgbeeld.auth.AuthModule.create(ds, nl.zorgbeeld.auth.AuthSettings.defaults(), () -> null).tokens()
                .createFor(login, "benchmark", nl.zorgbeeld.auth.TokenScope.READ_WRITE, 1).secret();
    }

    private static void warmUp(Supplier<Analysis> analysis, HttpClient client, HttpRequest request, DataSource ds, long incident)
            throws Exception {
        for (int i = 0; i < 300; i++) {
            analysis.get();
            client.send(request, HttpResponse.BodyHandlers.ofString());
            candidateQuery(ds, incident);
        }
        for (int i = 0; i < 3; i++) bareQuery(ds, incident);
    }

    @FunctionalInterface
    private interface Run {
        void run() throws Exception;
    }

    /** Milliseconds per run, sorted. */
    private static double[] time(int runs, Run run) throws Exception {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * The same analysis as one plain PostGIS query, as one would write it without the in-memory
     * index: every institution within the largest ring (ST_DWithin on the GiST index), its distance
     * and a CASE over the zone and each ring. Returns institution id to {zone rank, distance}.
     */
    private static Map<String, double[]> bareQuery(DataSource ds, long incident) throws SQLException {
        String sql = "SELECT i.id, CASE WHEN ST_Intersects(i.geom, e.geom) THEN 0 WHEN ST_DWithin(i.geom, e.geom, 500) THEN 1"
                + " WHEN ST_DWithin(i.geom, e.geom, 1000) THEN 2 WHEN ST_DWithin(i.geom, e.geom, 2000) THEN 3 ELSE 4 END,"
                + " ST_Distance(i.geom, e.geom) FROM picture_element e JOIN institution i ON ST_DWithin(i.geom, e.geom, 5000)"
                + " WHERE e.incident_id = ? AND e.valid_to IS NULL AND e.kind = 'effectgebied'";
        Map<String, double[]> rows = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.put(rs.getString(1), new double[] {rs.getInt(2), rs.getDouble(3)});
            }
        }
        return rows;
    }

    /** A plain GiST query of the institutions in the zone's envelope grown by 5 km, as a database-side analysis would start. */
    private static int candidateQuery(DataSource ds, long incident) throws SQLException {
        String sql = "SELECT i.id, i.name, i.type, i.connected, i.phone, ST_X(i.geom), ST_Y(i.geom) FROM picture_element e"
                + " JOIN institution i ON i.geom && ST_Expand(e.geom, 5000)"
                + " WHERE e.incident_id = ? AND e.valid_to IS NULL AND e.kind = 'effectgebied'";
        int n = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) n++;
            }
        }
        return n;
    }

    /**
     * Institutions on which the analysis and the bare query disagree: a different zone or a distance
     * differing more than 1 m + 0.03 %, except just outside the zone or within 1 m of a ring.
     */
    private static int compare(Analysis analysis, Map<String, double[]> bare) {
        Map<String, Affected> ours = new HashMap<>();
        for (Analysis.Item item : analysis.items()) ours.put(item.institution().id(), item.affected());
        int disagreements = 0;
        for (Map.Entry<String, double[]> e : bare.entrySet()) {
            Affected a = ours.remove(e.getKey());
            double distance = e.getValue()[1];
            if (nearBoundary(distance)) continue;
            String zone = e.getValue()[0] == 0 ? "AGW" : "ring:" + (long) RING_LIMITS[(int) e.getValue()[0] - 1];
            if (a == null || !a.zone().key().equals(zone) || Math.abs(a.distance() - distance) > 1 + 0.0003 * distance) {
                disagreements++;
            }
        }
        for (Affected left : ours.values()) {
            if (!nearBoundary(left.distance())) disagreements++;
        }
        return disagreements;
    }

    private static boolean nearBoundary(double distance) {
        if (distance > 0 && distance < 1) return true;
        for (double ring : RING_LIMITS) {
            if (Math.abs(distance - ring) < 1) return true;
        }
        return false;
    }

    /** A smooth plume-like polygon, star-shaped around the centre (moved {@code shift} m east), about 8 by 5 km. */
    static Polygon smoothZone(double shift) {
        Coordinate[] ring = new Coordinate[ZONE_VERTICES + 1];
        for (int i = 0; i < ZONE_VERTICES; i++) {
            double t = 2 * Math.PI * i / ZONE_VERTICES;
            double r = 2500 * (1 + 0.25 * Math.sin(3 * t) + 0.1 * Math.cos(7 * t));
            ring[i] = new Coordinate(CENTRE.x + shift + 1.6 * r * Math.cos(t), CENTRE.y + r * Math.sin(t));
        }
        ring[ZONE_VERTICES] = ring[0].copy();
        return new GeometryFactory().createPolygon(ring);
    }

    /** Real reference data from ZORGBEELD_DATA, else the demo set; loaded into an empty database only. */
    private static String loadReference(DataSource ds, String data) {
        Importer importer = new Importer(ds, Duration.ofSeconds(5));
        importer.ensureLandOutline();
        boolean real = data != null && !data.isBlank() && Files.isDirectory(Path.of(data));
        if (count(ds, "SELECT count(*) FROM municipality") == 0) {
            log("loading reference data from " + (real ? data : "the demo generator"));
            if (real) importer.importSource(data);
            else new DemoData(ds).generate();
        }
        return count(ds, "SELECT count(*) FROM municipality WHERE demo") > 0 ? "demo (synthetic)" : "real (" + data + ")";
    }

    /** 100,000 points inside the municipalities, spread by area, each with a type and half of them connected. */
    private static void generateInstitutions(DataSource ds) throws SQLException {
        if (count(ds, "SELECT count(*) FROM institution WHERE id LIKE 'bench:%'") == SYNTHETIC) return;
        log("generating " + SYNTHETIC + " synthetic institutions inside the municipalities (once per database)");
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
            try (PreparedStatement analyze = c.prepareStatement("ANALYZE institution")) {
                c.setAutoCommit(true);
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
                    + " scaled_up_at, grip, care_phase, status, exercise, regie_person, regie_organisation, author, organisation)"
                    + " VALUES (?, 1, 'Benchmark netwerkanalyse', 'gevaarlijke_stoffen', now(), now(), '2', 'regulier', 'actief', true,"
                    + " 'Benchmark', 'Zorgbeeld', 'Benchmark', 'Zorgbeeld')")) {
                ps.setLong(1, id);
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

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }

    /** The figures of one run. */
    private static final class Report {
        long institutions;
        String reference;
        String postgis;
        int zoneVertices;
        int runs;
        int bareRuns;
        int affected;
        int disagreements;
        double[] analysis;
        double[] http;
        double[] candidates;
        double[] bare;
        double firstDrawn;
        double[] redrawn;

        private double ratio() {
            return percentile(analysis, 95) / percentile(bare, 95);
        }

        private boolean passed() {
            return percentile(analysis, 95) < TARGET_P95_MS && ratio() <= TARGET_RATIO && disagreements == 0;
        }

        /** The figures as a Markdown section body for docs/performance.md. */
        String markdown() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "- Data: %,d institutions (%,d synthetic inside the municipalities + reference data: %s);"
                    + " one smooth %,d-vertex effect zone (AGW) near Utrecht; rings 500 m, 1 km, 2 km, 5 km; %,d institutions affected;"
                    + " PostGIS %s.", institutions, SYNTHETIC, reference, zoneVertices, affected, postgis));
            lines.add("");
            lines.add("| measurement | runs | p50 (ms) | p95 (ms) | max (ms) |");
            lines.add("|---|---:|---:|---:|---:|");
            lines.add(row("analysis (service: current elements, candidates, exact zones and distances, statuses)", analysis));
            lines.add(row("analysis over HTTP (`GET /api/incidents/{id}/affected`, JSON)", http));
            lines.add(row("zone redrawn: element write + the analysis following it (new geometry indexed, result compared and"
                    + " recorded)", redrawn));
            lines.add(row("bare PostGIS query (ST_DWithin + ST_Distance + CASE per ring)", bare));
            lines.add(row("plain GiST box query of the candidates (no exact geometry, for comparison)", candidates));
            lines.add("");
            lines.add(String.format(Locale.ROOT, "- The first drawing of the zone (element write, then the first analysis: the"
                    + " institution layer read into memory, the zone indexed, %,d institutions recorded as newly affected) took %.0f ms.",
                    affected, firstDrawn));
            lines.add(String.format(Locale.ROOT, "- Analysis p95 / bare PostGIS p95 = %.3f (target at most %.1f); analysis p95 %.2f ms"
                    + " (target under %.0f ms). The analysis and the bare query agree on every institution (zones and distances"
                    + " within 1 m + 0.03 %%, except within 1 m of a boundary): %s.",
                    ratio(), TARGET_RATIO, percentile(analysis, 95), TARGET_P95_MS,
                    disagreements == 0 ? "yes" : "NO, " + disagreements + " differ"));
            return String.join("\n", lines);
        }

        /** The final line: every figure that matters, key=value. */
        String summary() {
            return String.format(Locale.ROOT, "SUMMARY analysis institutions=%d zone_vertices=%d rings=4 affected=%d"
                    + " analysis_p50_ms=%.2f analysis_p95_ms=%.2f http_p95_ms=%.2f redrawn_p95_ms=%.1f bare_p50_ms=%.1f bare_p95_ms=%.1f"
                    + " ratio_p95=%.3f agree=%s result=%s",
                    institutions, zoneVertices, affected, percentile(analysis, 50), percentile(analysis, 95), percentile(http, 95),
                    percentile(redrawn, 95), percentile(bare, 50), percentile(bare, 95), ratio(), disagreements == 0 ? "yes" : "no",
                    passed() ? "PASS" : "FAIL");
        }

        private String row(String name, double[] ms) {
            return String.format(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.2f |", name, ms.length, percentile(ms, 50), percentile(ms, 95),
                    ms[ms.length - 1]);
        }
    }
}

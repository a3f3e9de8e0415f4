import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import nl.zorgbeeld.App;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.analysis.Affected;
import nl.zorgbeeld.analysis.Analysis;
import nl.zorgbeeld.analysis.AnalysisModule;
import nl.zorgbeeld.analysis.RecomputeHook;
import nl.zorgbeeld.analysis.Rings;
import nl.zorgbeeld.auth.AuthModule;
import nl.zorgbeeld.auth.AuthSettings;
import nl.zorgbeeld.auth.DemoUsers;
import nl.zorgbeeld.auth.TokenScope;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.db.Database;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.element.ElementInput;
import nl.zorgbeeld.element.ElementKind;
import nl.zorgbeeld.element.ElementParser;
import nl.zorgbeeld.element.ElementStore;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.geo.RdNew;
import nl.zorgbeeld.http.Etags.IfMatch;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.NewChangeEvent;
import nl.zorgbeeld.importer.DemoData;
import nl.zorgbeeld.importer.Importer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * The network analysis at national scale: 100,000 synthetic institutions inside the municipalities
 * plus the real (or demo) ones, one smooth 2,000-vertex effect zone, the 4 default rings. Measures,
 * in one run on one database:
 * <ul>
 * <li>the analysis as the service computes it from the current picture (warm: the zone's index and
 *     the institution layer are in memory, as for every request after the first);</li>
 * <li>the same over HTTP: an unchanged analysis (plain, gzip, and revalidated: 304), and a new version
 *     of it each time (a status set before every request, so the result is rendered and streamed
 *     anew), in full, as summary and as a page;</li>
 * <li>a redraw: PUT of the zone over HTTP, then GET of the analysis until it follows it (the
 *     recomputation runs off the request; the read waits for it or computes it), and the same PUT
 *     with the recomputation on the request, as it was before;</li>
 * <li>where the write's time goes: parsing and validating the body, the SQL of the write (with and
 *     without reprojection), the change log entry, analysing the new zone and recording the result;</li>
 * <li>the bare PostGIS query that computes the same result (ST_DWithin, ST_Distance and a CASE per
 *     ring), and a plain GiST box query over the same area for comparison.</li>
 * </ul>
 * Checks that the analysis and the bare query agree and that every read after a redraw follows it.
 * Prints a Markdown section (also written to BENCH_REPORT when set) and a final SUMMARY line. Run with
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
    private static final double TARGET_HTTP_RATIO = 2;
    private static final double TARGET_REDRAW_P95_MS = 50;
    private static final Actor ACTOR = new Actor("Benchmark", "Zorgbeeld");
    private static final String RD_HEADER = "<http://www.opengis.net/def/crs/EPSG/0/28992>";
    private static final String[] TYPES = {"vvt", "vvt", "vvt", "ghz", "ghz", "ggz", "huisartsenpraktijk", "huisartsenpraktijk",
        "apotheek", "apotheek", "ziekenhuis", "buitenpolikliniek", "categorale_instelling", "ambulancepost", "huisartsenpost", "ggd"};
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
            Config config = Config.fromEnvironment(Map.of("DATABASE_URL", url, "ZORGBEELD_PORT", "0"));
            // The app as it runs, and one whose recomputation runs on the writing request, as it did before.
            AnalysisModule module = AnalysisModule.create(ds);
            Javalin app = App.create(config, ds, db.postgisVersion(), module).start("127.0.0.1", 0);
            Javalin synchronous = App.create(config, ds, db.postgisVersion(),
                    new AnalysisModule(ds, Clock.systemUTC(), Runnable::run, RecomputeHook.NONE)).start("127.0.0.1", 0);
            try {
                // The Hoofd Informatie of the incidents' region: it reads the analysis, draws and sets statuses.
                String token = token(ds, "demo-hin");
                Api api = new Api(app.port(), token);
                long incident = createIncident(ds);
                long start = System.nanoTime();
                String zoneId = api.draw(incident, smoothZone(0));
                api.getBytes(api.affected(incident, ""));
                double firstDrawn = (System.nanoTime() - start) / 1e6;

                Report report = measure(ds, module, api, incident, runs);
                report.firstDrawn = firstDrawn;
                redraws(report, ds, api, incident, zoneId, new Api(synchronous.port(), token), Math.max(40, runs / 10));
                breakdown(report, ds, module, Math.max(40, runs / 25));
                report.institutions = institutions;
                report.reference = reference;
                report.zoneVertices = ZONE_VERTICES;
                report.postgis = db.postgisVersion();
                String section = report.markdown();
                System.out.println(section);
                String file = System.getenv("BENCH_REPORT");
                if (file != null && !file.isBlank()) Files.writeString(Path.of(file), section);
                System.out.println(report.summary());
            } finally {
                synchronous.stop();
                app.stop();
            }
        }
    }

    /** The app's HTTP API as a client uses it, authenticated with an API token. */
    private record Api(int port, String token) {
        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        String affected(long incident, String query) {
            return "/api/incidents/" + incident + "/affected" + query;
        }

        HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET().header("Authorization", "Bearer " + token);
            for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            return ok(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()), path);
        }

        HttpResponse<String> write(String method, String path, String body, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
            for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            return ok(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString()), path);
        }

        /** Draws the zone (RD New); returns the element id. */
        String draw(long incident, Polygon zone) throws Exception {
            HttpResponse<String> r = write("POST", "/api/incidents/" + incident + "/elements", zoneFeature(zone, true), "Content-Crs", RD_HEADER);
            return Json.tree(r.body()).path("id").asText();
        }

        HttpResponse<String> redraw(long incident, String zoneId, int version, Polygon zone) throws Exception {
            return write("PUT", "/api/incidents/" + incident + "/elements/" + zoneId, zoneFeature(zone, true), "Content-Crs", RD_HEADER,
                    "If-Match", "\"" + version + "\"");
        }

        private static <T> HttpResponse<T> ok(HttpResponse<T> r, String path) {
            if (r.statusCode() >= 300 && r.statusCode() != 304) throw new IllegalStateException("HTTP " + r.statusCode() + " for " + path);
            return r;
        }
    }

    private static Report measure(DataSource ds, AnalysisModule module, Api api, long incident, int runs) throws Exception {
        Supplier<Analysis> analysis = () -> module.analysis().analyse(incident, Rings.DEFAULT);
        String path = api.affected(incident, "");
        Report r = new Report();
        r.runs = runs;
        r.bareRuns = Math.max(20, runs / 25);
        for (int i = 0; i < 300; i++) {
            analysis.get();
            api.getBytes(path);
            api.getBytes(path, "Accept-Encoding", "gzip");
            candidateQuery(ds, incident);
        }
        for (int i = 0; i < 3; i++) bareQuery(ds, incident);

        r.analysis = time(runs, () -> analysis.get());
        // The client takes the bytes (as a browser's JSON parser does); turning 0.5 MB into a Java String
        // first would add some milliseconds of client work to every figure.
        r.http = time(runs, () -> api.getBytes(path));
        r.httpBytes = api.getBytes(path).body().length;
        r.httpGzip = time(runs, () -> gunzip(api.getBytes(path, "Accept-Encoding", "gzip").body()));
        r.gzipBytes = api.getBytes(path, "Accept-Encoding", "gzip").body().length;
        String etag = api.getBytes(path).headers().firstValue("ETag").orElseThrow();
        r.http304 = time(runs, () -> {
            if (api.getBytes(path, "If-None-Match", etag).statusCode() != 304) throw new IllegalStateException("no 304");
        });

        // A status set before each request makes every request a new version of the analysis: rendered anew.
        String institution = analysis.get().items().get(0).institution().id();
        int[] status = {api.write("PUT", "/api/incidents/" + incident + "/stakeholders/" + institution, "{\"status\":\"te_informeren\"}")
                .headers().firstValue("ETag").map(t -> Integer.parseInt(t.replace("\"", ""))).orElseThrow()};
        Run changeStatus = () -> {
            String next = status[0] % 2 == 0 ? "te_informeren" : "geinformeerd";
            HttpResponse<String> set = api.write("PUT", "/api/incidents/" + incident + "/stakeholders/" + institution,
                    "{\"status\":\"" + next + "\"}", "If-Match", "\"" + status[0] + "\"");
            status[0] = Integer.parseInt(set.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
        };
        int rendered = Math.max(50, runs / 5);
        r.httpRendered = new double[rendered];
        r.httpSummary = new double[rendered];
        r.httpPage = new double[rendered];
        for (int i = 0; i < rendered; i++) {
            changeStatus.run();
            r.httpRendered[i] = timeOnce(() -> api.getBytes(path));
            r.httpSummary[i] = timeOnce(() -> api.getBytes(api.affected(incident, "?view=summary")));
            r.httpPage[i] = timeOnce(() -> api.getBytes(api.affected(incident, "?zone=AGW&limit=50")));
        }
        Arrays.sort(r.httpRendered);
        Arrays.sort(r.httpSummary);
        Arrays.sort(r.httpPage);

        r.candidates = time(runs, () -> candidateQuery(ds, incident));
        r.bare = time(r.bareRuns, () -> bareQuery(ds, incident));
        Analysis result = analysis.get();
        r.affected = result.items().size();
        r.disagreements = compare(result, bareQuery(ds, incident));
        return r;
    }

    /**
     * The zone redrawn (shifted 50 m, back and forth) over HTTP: the PUT, and the PUT then the GET of
     * the analysis until it reflects the new version (recorded: current) — the redraw as a screen sees
     * it. Then the PUT with the recomputation on the request (the app as it was) on another incident.
     */
    private static void redraws(Report r, DataSource ds, Api api, long incident, String zoneId, Api synchronous, int runs) throws Exception {
        int[] version = {1};
        int[] stale = {0};
        Run redraw = () -> {
            long start = System.nanoTime();
            api.redraw(incident, zoneId, version[0], smoothZone(version[0] % 2 * 50));
            r.put.add((System.nanoTime() - start) / 1e6);
            version[0]++;
            if (!follows(api.getBytes(api.affected(incident, "")).body(), version[0])) stale[0]++;
        };
        for (int i = 0; i < 5; i++) redraw.run();
        r.put.clear();
        r.redrawn = time(runs, redraw);
        r.staleReads = stale[0];

        long other = createIncident(ds);
        String otherZone = synchronous.draw(other, smoothZone(0));
        int[] otherVersion = {1};
        Run before = () -> {
            synchronous.redraw(other, otherZone, otherVersion[0], smoothZone(otherVersion[0] % 2 * 50));
            otherVersion[0]++;
        };
        for (int i = 0; i < 5; i++) before.run();
        r.putSynchronous = time(runs, before);
    }

    /** Whether the analysis (JSON) shows the zone at {@code version} and its recording current: read up to there only. */
    private static boolean follows(byte[] json, int version) throws IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return false;
            boolean zone = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("elements")) {
                    for (JsonNode e : (JsonNode) Json.MAPPER.readTree(p)) zone |= e.path("version").asInt() == version;
                } else if (name.equals("recording")) {
                    return zone && ((JsonNode) Json.MAPPER.readTree(p)).path("current").asBoolean();
                } else {
                    p.skipChildren();
                }
            }
            return false;
        }
    }

    /**
     * Where a write's time goes, each part on its own (on a third incident, without HTTP): the body
     * parsed and validated (RD New and WGS84 input), the SQL of the write (RD New input, and WGS84
     * input reprojected in the database; the response's feature read back in WGS84 as the PUT does),
     * one change log entry in its own transaction, the analysis of the new zone version (its index
     * built) and the recording that follows it (recompute with the zone indexed, compare, write).
     */
    private static void breakdown(Report r, DataSource ds, AnalysisModule module, int runs) throws Exception {
        long incident = createIncident(ds);
        ElementStore store = new ElementStore(ds);
        UUID id = store.create(incident, zoneInput(smoothZone(0), 28992), ACTOR, Crs.CRS84).id();
        module.analysis().catchUp(incident);
        String rdBody = zoneFeature(smoothZone(50), true);
        String wgsBody = zoneFeature(smoothZone(50), false);
        ElementInput wgsInput = ElementParser.parse(Json.MAPPER.readTree(wgsBody), Crs.CRS84, false);
        int[] version = {1};
        Run writeRd = () -> store.replace(incident, id, new IfMatch(false, Set.of(version[0]++)),
                zoneInput(smoothZone(version[0] % 2 * 50), 28992), ACTOR, Crs.CRS84);
        Run writeWgs = () -> store.replace(incident, id, new IfMatch(false, Set.of(version[0]++)), wgsInput, ACTOR, Crs.CRS84);
        Transactions tx = new Transactions(ds);
        ChangeLog log = new ChangeLog();
        for (int i = 0; i < 5; i++) {
            ElementParser.parse(Json.MAPPER.readTree(rdBody), Crs.RD_NEW, false);
            ElementParser.parse(Json.MAPPER.readTree(wgsBody), Crs.CRS84, false);
            writeRd.run();
            writeWgs.run();
        }
        r.parseRd = time(runs, () -> ElementParser.parse(Json.MAPPER.readTree(rdBody), Crs.RD_NEW, false));
        r.parseWgs = time(runs, () -> ElementParser.parse(Json.MAPPER.readTree(wgsBody), Crs.CRS84, false));
        r.writeWgs = time(runs, writeWgs);
        r.reproject = time(runs, () -> reprojection(ds, incident, "ST_Transform(geom, 4326)"));
        r.readZone = time(runs, () -> reprojection(ds, incident, "geom"));
        r.changeLog = time(runs, () -> tx.run(c -> {
            log.record(c, NewChangeEvent.of(incident, "benchmark.entry", "benchmark", null, "Benchmark", null, ACTOR));
            return null;
        }));
        module.analysis().catchUp(incident);
        r.writeRd = new double[runs];
        r.analyseNew = new double[runs];
        r.record = new double[runs];
        for (int i = 0; i < runs; i++) {
            r.writeRd[i] = timeOnce(writeRd);
            r.analyseNew[i] = timeOnce(() -> module.analysis().analyse(incident, Rings.DEFAULT));
            r.record[i] = timeOnce(() -> module.analysis().catchUp(incident));
        }
        Arrays.sort(r.writeRd);
        Arrays.sort(r.analyseNew);
        Arrays.sort(r.record);
    }

    /** The incident's current zone as WKB, through {@code expression} of its RD New geometry (to time a reprojection). */
    private static int reprojection(DataSource ds, long incident, String expression) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT length(ST_AsBinary(" + expression
                + ")) FROM picture_element WHERE incident_id = ? AND valid_to IS NULL")) {
            ps.setLong(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static ElementInput zoneInput(Polygon zone, int srid) {
        return new ElementInput(ElementKind.EFFECTGEBIED, "Benchmarkpluim", null, "Benchmark", "gevalideerd", Map.of("zone", "AGW"),
                zone, srid);
    }

    /** The zone as the GeoJSON Feature a client sends: RD New metres, or WGS84 degrees. */
    private static String zoneFeature(Polygon zone, boolean rd) {
        Polygon geometry = zone;
        if (!rd) {
            RdNew transform = new RdNew();
            Coordinate[] ring = zone.getExteriorRing().getCoordinates();
            Coordinate[] degrees = new Coordinate[ring.length];
            for (int i = 0; i < ring.length; i++) degrees[i] = transform.toWgs84(ring[i].x, ring[i].y);
            degrees[ring.length - 1] = degrees[0].copy();
            geometry = new GeometryFactory().createPolygon(degrees);
        }
        GeoJsonWriter writer = new GeoJsonWriter(rd ? 2 : 7);
        writer.setEncodeCRS(false);
        return "{\"type\":\"Feature\",\"properties\":{\"kind\":\"effectgebied\",\"zone\":\"AGW\",\"label\":\"Benchmarkpluim\","
                + "\"source\":\"Benchmark\",\"certainty\":\"gevalideerd\"},\"geometry\":" + writer.write(geometry) + "}";
    }

    /**
     * A read-write API token of demo user {@code login} (the demo users are seeded here when missing:
     * a benchmark database is never a production one). Every API route needs a login.
     */
    private static String token(DataSource ds, String login) {
        new DemoUsers(ds).seed();
        return AuthModule.create(ds, AuthSettings.defaults(), () -> null).tokens()
                .createFor(login, "benchmark", TokenScope.READ_WRITE, 1).secret();
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @FunctionalInterface
    private interface Run {
        void run() throws Exception;
    }

    private static double timeOnce(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e6;
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
                    + " scaled_up_at, grip, care_phase, status, exercise, regie_person, regie_organisation, author, organisation, region_code)"
                    + " VALUES (?, 1, 'Benchmark netwerkanalyse', 'gevaarlijke_stoffen', now(), now(), '2', 'regulier', 'actief', true,"
                    + " 'Benchmark', 'Zorgbeeld', 'Benchmark', 'Zorgbeeld', ?)")) {
                ps.setLong(1, id);
                // The demo users' region: their Hoofd Informatie may read and write it.
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
        int staleReads;
        long httpBytes;
        long gzipBytes;
        double[] analysis;
        double[] http;
        double[] httpGzip;
        double[] http304;
        double[] httpRendered;
        double[] httpSummary;
        double[] httpPage;
        double[] candidates;
        double[] bare;
        double firstDrawn;
        double[] redrawn;
        final List<Double> put = new ArrayList<>();
        double[] putSynchronous;
        double[] parseRd;
        double[] parseWgs;
        double[] writeRd;
        double[] writeWgs;
        double[] changeLog;
        double[] reproject;
        double[] readZone;
        double[] analyseNew;
        double[] record;

        private double ratio() {
            return percentile(analysis, 95) / percentile(bare, 95);
        }

        private double httpRatio(double[] ms) {
            return percentile(ms, 95) / percentile(analysis, 95);
        }

        private double[] puts() {
            return put.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }

        private boolean passed() {
            return percentile(analysis, 95) < TARGET_P95_MS && ratio() <= TARGET_RATIO && disagreements == 0
                    && httpRatio(http) <= TARGET_HTTP_RATIO && percentile(redrawn, 95) < TARGET_REDRAW_P95_MS && staleReads == 0;
        }

        /** The figures as a Markdown section body for docs/performance.md. */
        String markdown() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "- Data: %,d institutions (%,d synthetic inside the municipalities + reference data: %s);"
                    + " one smooth %,d-vertex effect zone (AGW) near Utrecht; rings 500 m, 1 km, 2 km, 5 km; %,d institutions affected;"
                    + " PostGIS %s. The full analysis is %,d bytes of JSON, %,d gzipped.", institutions, SYNTHETIC, reference,
                    zoneVertices, affected, postgis, httpBytes, gzipBytes));
            lines.add("");
            lines.add("| measurement | runs | p50 (ms) | p95 (ms) | max (ms) |");
            lines.add("|---|---:|---:|---:|---:|");
            lines.add(row("**service**: analysis computed from the current picture (current elements, candidates, exact zones and"
                    + " distances, statuses)", analysis));
            lines.add(row("HTTP `GET /affected`, analysis unchanged (sent from the rendering kept for its ETag)", http));
            lines.add(row("HTTP, unchanged, `Accept-Encoding: gzip` (client unzips)", httpGzip));
            lines.add(row("HTTP, unchanged, `If-None-Match` → 304", http304));
            lines.add(row("HTTP, a new version each time (a status set before each request): rendered and streamed anew", httpRendered));
            lines.add(row("HTTP `?view=summary`, a new version each time", httpSummary));
            lines.add(row("HTTP `?zone=AGW&limit=50`, a new version each time", httpPage));
            lines.add(row("**redraw**: `PUT` of the zone, then `GET /affected` until it follows the new version (recording current)",
                    redrawn));
            lines.add(row("`PUT` of the zone alone (recomputation off the request)", puts()));
            lines.add(row("`PUT` of the zone with the recomputation on the request, as before", putSynchronous));
            lines.add(row("**bare PostGIS query** (ST_DWithin + ST_Distance + CASE per ring)", bare));
            lines.add(row("plain GiST box query of the candidates (no exact geometry, for comparison)", candidates));
            lines.add("");
            lines.add("Where a redraw's time goes (each part measured on its own, without HTTP):");
            lines.add("");
            lines.add("| part of the write | runs | p50 (ms) | p95 (ms) | max (ms) |");
            lines.add("|---|---:|---:|---:|---:|");
            lines.add(row("body parsed and validated (2,000 vertices, RD New)", parseRd));
            lines.add(row("body parsed and validated (WGS84: range and area checks per vertex)", parseWgs));
            lines.add(row("SQL of the write, RD New input (lock, close, insert with the generated WGS84 copy, change log, feature read"
                    + " back in WGS84)", writeRd));
            lines.add(row("SQL of the write, WGS84 input reprojected in the database", writeWgs));
            lines.add(row("the zone read from the database as WKB (for comparison with the next row)", readZone));
            lines.add(row("the same, reprojected RD New → WGS84 in PostGIS (what the generated `geom_wgs84` column costs on every"
                    + " write; WGS84 input pays it once more the other way)", reproject));
            lines.add(row("one change log entry in its own transaction (its stream position and NOTIFY given at commit)", changeLog));
            lines.add(row("analysis of the new zone version (zone indexed, institutions located, statuses)", analyseNew));
            lines.add(row("recording after it (recompute with the zone indexed, compare with the snapshot, write the differences)",
                    record));
            lines.add("");
            lines.add(String.format(Locale.ROOT, "- The first drawing of the zone (POST, then the first GET: the institution layer read into"
                    + " memory, the zone indexed, %,d institutions recorded as newly affected) took %.0f ms.", affected, firstDrawn));
            lines.add(String.format(Locale.ROOT, "- HTTP p95 / service p95 = %.2f for an unchanged analysis (target at most %.0f; a new"
                    + " version of the full list, rendered once, %.2f); redraw p95 %.1f ms (target under %.0f ms); every read after a"
                    + " redraw followed it: %s.",
                    httpRatio(http), TARGET_HTTP_RATIO, httpRatio(httpRendered), percentile(redrawn, 95), TARGET_REDRAW_P95_MS,
                    staleReads == 0 ? "yes" : "NO, " + staleReads + " did not"));
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
                    + " analysis_p50_ms=%.2f analysis_p95_ms=%.2f http_p95_ms=%.2f http_ratio=%.2f http_rendered_p95_ms=%.2f"
                    + " http_rendered_ratio=%.2f http_304_p95_ms=%.2f redraw_p50_ms=%.1f redraw_p95_ms=%.1f put_p50_ms=%.1f"
                    + " put_sync_p50_ms=%.1f bare_p50_ms=%.1f bare_p95_ms=%.1f ratio_p95=%.3f agree=%s read_your_writes=%s result=%s",
                    institutions, zoneVertices, affected, percentile(analysis, 50), percentile(analysis, 95), percentile(http, 95),
                    httpRatio(http), percentile(httpRendered, 95), httpRatio(httpRendered), percentile(http304, 95),
                    percentile(redrawn, 50), percentile(redrawn, 95), percentile(puts(), 50), percentile(putSynchronous, 50),
                    percentile(bare, 50), percentile(bare, 95), ratio(), disagreements == 0 ? "yes" : "no",
                    staleReads == 0 ? "yes" : "no", passed() ? "PASS" : "FAIL");
        }

        private String row(String name, double[] ms) {
            return String.format(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.2f |", name, ms.length, percentile(ms, 50), percentile(ms, 95),
                    ms[ms.length - 1]);
        }
    }
}

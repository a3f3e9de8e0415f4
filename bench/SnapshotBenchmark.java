import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import nl.zorgbeeld.App;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.analysis.AnalysisModule;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.db.Database;
import nl.zorgbeeld.element.ElementInput;
import nl.zorgbeeld.element.ElementKind;
import nl.zorgbeeld.element.ElementService;
import nl.zorgbeeld.element.ElementStore;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.incident.CarePhase;
import nl.zorgbeeld.incident.GripLevel;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.IncidentState;
import nl.zorgbeeld.incident.IncidentStatus;
import nl.zorgbeeld.incident.IncidentType;
import nl.zorgbeeld.incident.Regie;
import nl.zorgbeeld.picture.PictureModule;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Benchmark of the incident snapshot (issue 16): an incident with 1,000 bullets over its themes,
 * 500 picture elements (points, areas, cordons) and 300 care institutions around it, of which the
 * analysis finds most; the whole ZIP over HTTP (offline page, PDF, GeoJSON, GeoPackage, CSV, JSON)
 * against two baselines in the same run: the picture's JSON alone (the same picture through
 * GET /api/incidents/{id}/picture and the elements through GET /api/incidents/{id}/elements), and the
 * bare SQL reads of the same data over JDBC (every bullet's current version, every current element
 * as GeoJSON in RD New and WGS84), the floor for reading it at all.
 *
 * <p>Environment: DATABASE_URL (required), BENCH_RUNS (measured runs, default 7), BENCH_REPORT
 * (file for the Markdown figures).
 */
public final class SnapshotBenchmark {
    private static final int BULLETS = 1000;
    private static final int ELEMENTS = 500;
    private static final int INSTITUTIONS = 300;
    private static final double TARGET_MS = 5000;
    private static final Coordinate CENTRE = new Coordinate(121_000, 487_000);
    private static final Actor ACTOR = new Actor("Benchmark", "Zorgbeeld");
    private static final GeometryFactory RD = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 28992);

    private SnapshotBenchmark() {}

    public static void main(String[] args) throws Exception {
        String url = System.getenv("DATABASE_URL");
        if (url == null || url.isBlank()) throw new IllegalStateException("DATABASE_URL is not set (bench/run-snapshot.sh sets it)");
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "7"));
        try (Database db = Database.open(url)) {
            DataSource ds = db.dataSource();
            Config config = Config.fromEnvironment(Map.of("DATABASE_URL", url, "ZORGBEELD_PORT", "0"));
            institutions(ds);
            long incident = incident(ds, config);
            Javalin app = App.create(config, ds, db.postgisVersion());
            app.start("127.0.0.1", 0);
            try {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                String base = "http://127.0.0.1:" + app.port() + "/api/incidents/" + incident;
                String bearer = "Bearer " + token(ds, "demo-hin");
                HttpRequest snapshot = HttpRequest.newBuilder(URI.create(base + "/snapshot")).header("Authorization", bearer).GET().build();
                HttpRequest picture = HttpRequest.newBuilder(URI.create(base + "/picture")).header("Authorization", bearer).GET().build();
                HttpRequest elements = HttpRequest.newBuilder(URI.create(base + "/elements?limit=10000")).header("Authorization", bearer)
                        .GET().build();
                byte[] zip = fetch(client, snapshot);
                for (int i = 0; i < 2; i++) {
                    fetch(client, snapshot);
                    fetch(client, picture);
                    fetch(client, elements);
                    bareSql(ds, incident);
                }
                double[] snapshotMs = time(runs, () -> fetch(client, snapshot));
                double[] jsonMs = time(runs, () -> {
                    fetch(client, picture);
                    fetch(client, elements);
                });
                double[] sqlMs = time(runs, () -> bareSql(ds, incident));
                Report r = new Report(runs, snapshotMs, jsonMs, sqlMs, zip.length, entries(zip));
                String section = r.markdown();
                System.out.println(section);
                String file = System.getenv("BENCH_REPORT");
                if (file != null && !file.isBlank()) Files.writeString(Path.of(file), section);
                System.out.println(r.summary());
            } finally {
                app.stop();
            }
        }
    }

    /**
     * A read-write API token of demo user {@code login}, the Hoofd Informatie of VR09 where the incident lies (the demo
     * users are seeded here when missing: a benchmark database is never a production one). Every API route needs a login.
     */
    private static String token(DataSource ds, String login) {
        new nl.zorgbeeld.auth.DemoUsers(ds).seed();
        return nl.zorgbeeld.auth.AuthModule.create(ds, nl.zorgbeeld.auth.AuthSettings.defaults(), () -> null).tokens()
                .createFor(login, "benchmark", nl.zorgbeeld.auth.TokenScope.READ_WRITE, 1).secret();
    }

    /** 300 institutions in a 6 km square around the incident, replaced on every run. */
    private static void institutions(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM institution WHERE id LIKE 'bench-snap:%'")) {
                ps.executeUpdate();
            }
            String sql = "INSERT INTO institution (id, type, name, phone, connected, source, geom) VALUES (?, ?, ?, '030 000 00 00', ?,"
                    + " 'snapshot-benchmark', ST_SetSRID(ST_MakePoint(?, ?), 28992))";
            String[] types = {"vvt", "ggz", "huisartsenpraktijk", "apotheek", "ziekenhuis", "ghz"};
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                java.util.Random random = new java.util.Random(16);
                for (int i = 0; i < INSTITUTIONS; i++) {
                    ps.setString(1, "bench-snap:" + i);
                    ps.setString(2, types[i % types.length]);
                    ps.setString(3, "Benchmarkinstelling " + i);
                    ps.setBoolean(4, i % 3 == 0);
                    ps.setDouble(5, CENTRE.x + (random.nextDouble() - 0.5) * 6000);
                    ps.setDouble(6, CENTRE.y + (random.nextDouble() - 0.5) * 6000);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** The incident with its pictures (through the service), bullets (SQL, for speed) and elements (through the service). */
    private static long incident(DataSource ds, Config config) throws SQLException {
        PictureModule pictures = PictureModule.create(ds, config);
        OffsetDateTime now = OffsetDateTime.now();
        Incident incident = pictures.incidents().create(new IncidentState("Benchmark: grote brand met rookpluim", IncidentType.BRAND,
                now.minusHours(2), now.minusHours(2), "Industrieterrein", "VR09", GripLevel.GRIP_3, CarePhase.AANGEPAST,
                IncidentStatus.ACTIEF, true, new Regie("Benchmark", "GHOR")), ACTOR);
        long id = incident.id();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<long[]> themes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.id, t.id FROM picture p JOIN template_theme t ON t.template_id = p.template_id"
                    + " WHERE p.incident_id = ? ORDER BY p.id, t.id"); var rs = bind(ps, id).executeQuery()) {
                while (rs.next()) themes.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
            String[] certainty = {"gevalideerd", "gevalideerd", "gevalideerd", "aanname", "vermoeden"};
            for (int i = 0; i < BULLETS; i++) {
                long[] theme = themes.get(i % themes.size());
                long bullet;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bullet (incident_id, picture_id) VALUES (?, ?) RETURNING id")) {
                    ps.setLong(1, id);
                    ps.setLong(2, theme[0]);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        bullet = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bullet_version (bullet_id, version, theme_id, text, source,"
                        + " certainty, author, organisation) VALUES (?, 1, ?, ?, ?, ?, 'Benchmark', 'GHOR')")) {
                    ps.setLong(1, bullet);
                    ps.setLong(2, theme[1]);
                    ps.setString(3, "Bericht " + i + ": rookontwikkeling in de wijk, bewoners binnen blijven, ramen en deuren sluiten;"
                            + " ventilatie uit. Twee ambulances ter plaatse, gewondennest bij de ingang van het terrein.");
                    ps.setString(4, "Bron " + (i % 17));
                    ps.setString(5, certainty[i % certainty.length]);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
        ElementService elements = new ElementService(new ElementStore(ds));
        for (int i = 0; i < ELEMENTS; i++) elements.create(id, element(i), ACTOR, Crs.RD_NEW);
        AnalysisModule.create(ds).analysis().recompute(id, ACTOR);
        return id;
    }

    private static PreparedStatement bind(PreparedStatement ps, long id) throws SQLException {
        ps.setLong(1, id);
        return ps;
    }

    /** Mostly points, some 40-vertex areas and effect zones, some cordons, spread over 4 km. */
    private static ElementInput element(int i) {
        double angle = i * 2.399963;
        double radius = 150 + (i % 50) * 40.0;
        Coordinate at = new Coordinate(CENTRE.x + radius * Math.cos(angle), CENTRE.y + radius * Math.sin(angle));
        if (i == 0) return new ElementInput(ElementKind.INCIDENTLOCATIE, "Brandhaard", null, "Benchmark", "gevalideerd", Map.of(),
                RD.createPoint(CENTRE), 28992);
        if (i % 10 == 1) {
            return new ElementInput(ElementKind.EFFECTGEBIED, "Zone " + i, null, "Benchmark", "gevalideerd",
                    Map.of("zone", new String[] {"LBW", "AGW", "VRW"}[i % 3]), circle(at, 120 + i % 7 * 30), 28992);
        }
        if (i % 10 == 2) return new ElementInput(ElementKind.AANTEKENING, "Gebied " + i, "Omschrijving " + i, "Benchmark", "aanname",
                Map.of(), circle(at, 80), 28992);
        if (i % 10 == 3) return new ElementInput(ElementKind.AFZETTING, "Afzetting " + i, null, "Benchmark", "gevalideerd", Map.of(),
                RD.createLineString(new Coordinate[] {at, new Coordinate(at.x + 200, at.y + 50), new Coordinate(at.x + 300, at.y - 80)}), 28992);
        if (i % 10 == 4) return new ElementInput(ElementKind.OPVANGLOCATIE, "Opvang " + i, null, "Benchmark", "gevalideerd",
                Map.of("capacity", 100), RD.createPoint(at), 28992);
        if (i % 10 == 5) return new ElementInput(ElementKind.MEETPUNT, "Meting " + i, null, "Benchmark", "gevalideerd",
                Map.of("substance", "koolmonoxide", "value", 12.5, "unit", "ppm", "measuredAt", OffsetDateTime.now().toString()),
                RD.createPoint(at), 28992);
        return new ElementInput(ElementKind.AANTEKENING, "Notitie " + i, null, "Benchmark", "gevalideerd", Map.of(), RD.createPoint(at), 28992);
    }

    private static Geometry circle(Coordinate centre, double radius) {
        return RD.createPoint(centre).buffer(radius, 10);
    }

    /** The same bullets and elements read with plain SQL, every column and geometry consumed. */
    private static void bareSql(DataSource ds, long incident) throws SQLException {
        long bytes = 0;
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ON (v.bullet_id) v.bullet_id, v.theme_id, v.text, v.source,"
                    + " v.certainty, v.author, v.organisation, v.recorded_at FROM bullet b JOIN bullet_version v ON v.bullet_id = b.id"
                    + " WHERE b.incident_id = ? ORDER BY v.bullet_id, v.version DESC")) {
                try (var rs = bind(ps, incident).executeQuery()) {
                    while (rs.next()) bytes += rs.getString(3).length() + rs.getString(4).length() + rs.getString(6).length();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT element_id, kind, label, attributes::text, ST_AsGeoJSON(geom),"
                    + " ST_AsGeoJSON(geom_wgs84) FROM picture_element WHERE incident_id = ? AND valid_to IS NULL ORDER BY valid_from")) {
                try (var rs = bind(ps, incident).executeQuery()) {
                    while (rs.next()) bytes += rs.getString(4).length() + rs.getString(5).length() + rs.getString(6).length();
                }
            }
        }
        if (bytes == 0) throw new IllegalStateException("the bare SQL read nothing");
    }

    private static byte[] fetch(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) throw new IllegalStateException(request.uri() + ": HTTP " + response.statusCode());
        return response.body();
    }

    private static String entries(byte[] zip) throws Exception {
        List<String> sizes = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                long n = in.readAllBytes().length;
                if (n > 100_000) sizes.add(String.format(Locale.ROOT, "%s %.1f MB", e.getName(), n / 1e6));
            }
        }
        return String.join(", ", sizes);
    }

    @FunctionalInterface
    private interface Run {
        void run() throws Exception;
    }

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

    private record Report(int runs, double[] snapshot, double[] json, double[] sql, long zipBytes, String largest) {
        double median(double[] ms) {
            return ms[ms.length / 2];
        }

        boolean passed() {
            return snapshot[snapshot.length - 1] < TARGET_MS;
        }

        String markdown() {
            return String.join("\n",
                    String.format(Locale.ROOT, "- Data: one incident with %,d bullets over its themes, %,d picture elements (points, 40-vertex"
                            + " areas and effect zones, cordons) and %,d care institutions around it; %d measured runs of each after 2 warm-up runs.",
                            BULLETS, ELEMENTS, INSTITUTIONS, runs),
                    "",
                    "| measurement | p50 (ms) | max (ms) |",
                    "|---|---:|---:|",
                    String.format(Locale.ROOT, "| whole snapshot ZIP over HTTP (`GET /api/incidents/{id}/snapshot`) | %.0f | %.0f |",
                            median(snapshot), snapshot[snapshot.length - 1]),
                    String.format(Locale.ROOT, "| baseline: the picture JSON and the elements GeoJSON alone (`/picture` + `/elements`) | %.0f | %.0f |",
                            median(json), json[json.length - 1]),
                    String.format(Locale.ROOT, "| baseline: bare SQL reads of the same bullets and elements (JDBC, GeoJSON in both CRS) | %.0f | %.0f |",
                            median(sql), sql[sql.length - 1]),
                    "",
                    String.format(Locale.ROOT, "- ZIP %.1f MB (largest parts, unpacked: %s). Snapshot / JSON alone (p50) = %.1fx; snapshot / bare SQL (p50)"
                            + " = %.1fx; slowest snapshot %.0f ms against the target of %.0f ms: %s.", zipBytes / 1e6, largest,
                            median(snapshot) / median(json), median(snapshot) / median(sql), snapshot[snapshot.length - 1], TARGET_MS,
                            passed() ? "met" : "NOT MET"));
        }

        String summary() {
            return String.format(Locale.ROOT, "SUMMARY snapshot bullets=%d elements=%d institutions=%d snapshot_p50_ms=%.0f snapshot_max_ms=%.0f"
                    + " json_p50_ms=%.0f sql_p50_ms=%.1f ratio_json_p50=%.2f ratio_sql_p50=%.1f zip_mb=%.2f target_ms=%.0f result=%s",
                    BULLETS, ELEMENTS, INSTITUTIONS, median(snapshot), snapshot[snapshot.length - 1], median(json), median(sql),
                    median(snapshot) / median(json), median(snapshot) / median(sql), zipBytes / 1e6, TARGET_MS, passed() ? "PASS" : "FAIL");
        }
    }
}

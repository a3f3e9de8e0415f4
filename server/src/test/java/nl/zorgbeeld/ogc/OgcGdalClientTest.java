package nl.zorgbeeld.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.zorgbeeld.auth.TokenScope;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.Fixtures;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real GIS client (GDAL's OGC API - Features driver, installed by ./zorgbeeld test) against /ogc. */
class OgcGdalClientTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        Fixtures.loadReferenceSet();
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    /** Runs a GDAL command with extra environment; stdout and stderr together. */
    private static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // As a GIS client is set up (docs/security.md): a read-only token in GDAL_HTTP_HEADERS.
        pb.environment().put("GDAL_HTTP_HEADERS", "Authorization: Bearer "
                + TestUsers.token(TestUsers.standard(), TokenScope.READ, OffsetDateTime.now().plusHours(1)));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        assertEquals(0, p.exitValue(), cmd + " failed:\n" + out);
        return out;
    }

    @Test
    void ogrinfoListsTheCollections() throws Exception {
        String out = run("ogrinfo", "-ro", "-q", "OAPIF:" + server.url("/ogc"));
        for (String layer : List.of("institutions", "safety-regions", "municipalities", "provinces")) {
            assertTrue(out.contains(layer), layer + " missing from:\n" + out);
        }
    }

    /**
     * Downloads a collection with ogr2ogr, logging GDAL's HTTP requests; returns the feature ids it
     * wrote and how many different item pages it asked for.
     */
    private static Download download(String collection, String... options) throws Exception {
        Path out = Files.createTempFile(collection, ".geojson");
        Files.delete(out);
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", out.toString(), "OAPIF:" + server.url("/ogc"), collection));
        cmd.addAll(List.of(options));
        String log = run(Map.of("CPL_CURL_VERBOSE", "YES"), cmd.toArray(String[]::new));
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode f : Json.tree(Files.readString(out)).get("features")) ids.add(f.path("properties").path("id").asText());
            // Distinct pages: GDAL reads the first page twice (once to learn the fields).
            long pages = log.lines().filter(l -> l.matches("> GET /ogc/collections/" + collection + "/items\\?.*")).distinct().count();
            return new Download(ids, pages, log);
        } finally {
            Files.delete(out);
        }
    }

    private record Download(List<String> ids, long pages, String log) {}

    @Test
    void ogr2ogrDownloadsAWholeCollectionAcrossPages() throws Exception {
        int matched = Json.tree(server.get("/ogc/collections/institutions/items").body()).get("numberMatched").asInt();
        assertEquals(5, matched);
        Download d = download("institutions", "-oo", "PAGE_SIZE=2");
        assertEquals(3, d.pages(), "five features in pages of two:\n" + d.log());
        assertEquals(matched, d.ids().size(), "every page was followed");
        assertEquals(matched, new HashSet<>(d.ids()).size(), "no feature twice: " + d.ids());
    }

    @Test
    void ogr2ogrFollowsTheServersOwnPagesOfALargerCollection() throws Exception {
        long incident = TestIncidents.create("GDAL paging", "actief");
        int count = OgcHandler.DEFAULT_LIMIT * 2 + 50;
        TestDatabase.execute("INSERT INTO picture_element (element_id, version, incident_id, kind, label, source, certainty,"
                + " author, organisation, valid_from, geom) SELECT gen_random_uuid(), 1, " + incident + ", 'aantekening', 'Punt ' || i,"
                + " 'Test', 'gevalideerd', 'Test', 'GHOR', now(), ST_SetSRID(ST_MakePoint(130000 + i, 450000 + i), 28992)"
                + " FROM generate_series(1, " + count + ") i");
        Download d = download("incident-" + incident);
        assertTrue(d.pages() > 1, "more than one page:\n" + d.log());
        assertEquals(count, d.ids().size(), "every page was followed");
        assertEquals(count, new HashSet<>(d.ids()).size(), "no feature twice");
        assertEquals(Set.copyOf(d.ids()), Set.copyOf(nl.zorgbeeld.testing.Sql.rows("SELECT element_id::text AS id FROM picture_element"
                + " WHERE incident_id = ?", incident).stream().map(r -> (String) r.get("id")).toList()));
    }
}

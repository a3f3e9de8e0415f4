package nl.zorgbeeld.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.Fixtures;
import nl.zorgbeeld.testing.TestServer;
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
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
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

    @Test
    void ogr2ogrDownloadsAWholeCollectionAcrossPages() throws Exception {
        Path out = Files.createTempFile("institutions", ".geojson");
        Files.delete(out);
        run("ogr2ogr", "-f", "GeoJSON", out.toString(), "OAPIF:" + server.url("/ogc"), "institutions", "-oo", "PAGE_SIZE=2");
        int matched = Json.tree(server.get("/ogc/collections/institutions/items").body()).get("numberMatched").asInt();
        assertEquals(5, matched);
        assertEquals(matched, Json.tree(Files.readString(out)).get("features").size(), "every page was followed");
        Files.delete(out);
    }
}

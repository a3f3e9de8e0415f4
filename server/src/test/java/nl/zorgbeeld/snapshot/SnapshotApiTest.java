package nl.zorgbeeld.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.TestServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The snapshot ZIP of an incident: every file there, the PDF's text (PDFBox extraction), the
 * GeoPackage opened by GDAL with every layer and its feature count, the GeoJSON layers, the CSVs,
 * and the refusals (unknown incident, a moment before the incident or in the future).
 */
class SnapshotApiTest {
    private static final String PREFIX = "snapapi:";
    private static TestServer server;
    private static long incident;
    private static byte[] zip;
    private static Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        server = TestServer.start();
        SnapshotFixtures.institutions(PREFIX);
        incident = SnapshotFixtures.incident(server, "Chloorwolk haven", PREFIX);
        HttpResponse<byte[]> r = SnapshotFixtures.download(server, "/api/incidents/" + incident + "/snapshot");
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("momentopname-incident-" + incident + "-"));
        zip = r.body();
        dir = SnapshotFixtures.unzip(zip);
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void theZipHoldsEveryPart() {
        for (String name : List.of("index.html", "picture.pdf", "picture.json", "lagen.gpkg", "netwerkanalyse.csv", "belronde.csv",
                "LEESMIJ.txt", "leaflet/leaflet.js", "leaflet/leaflet.css", "lagen/incidentgebied.geojson",
                "lagen/effectgebieden.geojson", "lagen/geraakte_instellingen.geojson", "lagen/meetpunten.geojson")) {
            assertTrue(Files.isRegularFile(dir.resolve(name)), name + " is missing");
        }
    }

    @Test
    void thePictureJsonHoldsEveryBulletElementAndStatus() throws IOException {
        JsonNode doc = Json.MAPPER.readTree(dir.resolve("picture.json").toFile());
        assertEquals("zorgbeeld-snapshot", doc.get("format").asText());
        assertEquals(1, doc.get("formatVersion").asInt());
        int bullets = 0;
        for (JsonNode p : doc.path("picture").path("pictures")) for (JsonNode t : p.get("themes")) bullets += t.get("bullets").size();
        assertEquals(6, bullets);
        assertEquals(6, doc.path("elements").path("features").size());
        assertEquals("http://www.opengis.net/def/crs/EPSG/0/28992", doc.get("elementsCrs").asText());
        assertEquals(1, doc.path("stakeholders").size());
        assertEquals("geinformeerd", doc.path("stakeholders").get(0).get("status").asText());
        assertEquals(1, doc.path("picture").path("decisions").size());
        assertEquals(1, doc.path("picture").path("questions").size());
        assertTrue(doc.path("picture").path("incident").path("exercise").asBoolean());
        // Verpleeghuis and ziekenhuis inside the area, GGZ within a ring; the far pharmacy is not affected.
        assertEquals(3, doc.path("analysis").path("institutions").size());
        assertEquals(1, doc.path("callList").size(), "only the not connected GGZ still needs a call");
    }

    @Test
    void theGeoJsonLayersHoldTheFeaturesInWgs84() throws IOException {
        JsonNode area = Json.MAPPER.readTree(dir.resolve("lagen/incidentgebied.geojson").toFile());
        assertEquals(1, area.get("features").size());
        double lon = area.get("features").get(0).get("geometry").get("coordinates").get(0).get(0).get(0).asDouble();
        assertTrue(lon > 2 && lon < 5, "longitude in degrees, not RD metres: " + lon);
        assertEquals(3, Json.MAPPER.readTree(dir.resolve("lagen/geraakte_instellingen.geojson").toFile()).get("features").size());
        assertEquals(0, Json.MAPPER.readTree(dir.resolve("lagen/behandelcentra.geojson").toFile()).get("features").size());
    }

    @Test
    void thePdfHasTheThemesAndBullets() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("picture.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            for (String expected : List.of("OEFENING", "Chloorwolk haven", "Managementsamenvatting",
                    "Chloorwolk boven de haven; vier gewonden, ziekenhuizen op scherp.", "Geneeskundig beeld", "Situatie", "Slachtofferbeeld",
                    "Gevaarlijke stoffen", "Communicatie", "Meteo", "Brandweerzorg", "Brand in opslagloods met chloorgas",
                    "Vier mensen met ademhalingsklachten, één kind.", "Vermoeden", "Besluiten en acties", "Ziekenhuizen in de regio op scherp",
                    "Informatievragen", "Netwerkanalyse", "Belronde", "GGZ Kustlijn", "T1 1, T2 3, T3 4", "Knelpunten zorgcontinuïteit")) {
                assertTrue(text.contains(expected), "the PDF lacks '" + expected + "'");
            }
        }
    }

    @Test
    void gdalOpensTheGeoPackageWithEveryLayerAndItsCount() throws Exception {
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-so", "-al", dir.resolve("lagen.gpkg").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Map<String, Integer> counts = new TreeMap<>();
        Matcher m = Pattern.compile("Layer name: (\\S+)[\\s\\S]*?Feature Count: (\\d+)").matcher(out);
        while (m.find()) counts.put(m.group(1), Integer.parseInt(m.group(2)));
        Map<String, Integer> expected = new TreeMap<>(Map.of("incidentlocatie", 1, "incidentgebied", 1, "effectgebieden", 1,
                "afzettingen", 1, "opvanglocaties", 1, "behandelcentra", 0, "meetpunten", 1, "aantekeningen", 0,
                "geraakte_instellingen", 3));
        assertEquals(expected, counts, out);
        assertTrue(out.contains("28992"), "RD New: " + out);
    }

    @Test
    void theCsvsHoldTheAnalysisAndTheCallList() throws IOException {
        List<String> analysis = new ArrayList<>(Files.readAllLines(dir.resolve("netwerkanalyse.csv")));
        assertEquals(4, analysis.size(), "header and three institutions");
        List<String> calls = Files.readAllLines(dir.resolve("belronde.csv"));
        assertEquals(2, calls.size());
        assertTrue(calls.get(1).contains("GGZ Kustlijn"));
    }

    @Test
    void anEarlierMomentShowsThePictureAsItWas() throws IOException {
        JsonClient api = SnapshotFixtures.client(server);
        String created = api.get("/api/incidents/" + incident).json().get("createdAt").asText();
        HttpResponse<byte[]> r = SnapshotFixtures.download(server, "/api/incidents/" + incident + "/snapshot?at="
                + java.net.URLEncoder.encode(created, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), new String(r.body()));
        JsonNode doc = Json.MAPPER.readTree(Files.readAllBytes(SnapshotFixtures.unzip(r.body()).resolve("picture.json")));
        assertEquals(0, doc.path("elements").path("features").size(), "nothing drawn yet when the incident was created");
        assertEquals(0, doc.path("analysis").path("institutions").size());
        assertTrue(doc.hasNonNull("at"));
    }

    @Test
    void badRequestsAreRefused() {
        JsonClient api = SnapshotFixtures.client(server);
        JsonClient.Response before = api.get("/api/incidents/" + incident + "/snapshot?at=2026-01-10T06:00:00%2B01:00");
        assertEquals(400, before.status(), before.body());
        assertEquals("at", before.where());
        JsonClient.Response future = api.get("/api/incidents/" + incident + "/snapshot?at=2999-01-01T00:00:00Z");
        assertEquals(400, future.status(), future.body());
        assertEquals("at", future.where());
        JsonClient.Response garbage = api.get("/api/incidents/" + incident + "/snapshot?at=gisteren");
        assertEquals(400, garbage.status(), garbage.body());
        assertEquals("at", garbage.where());
        JsonClient.Response unknown = api.get("/api/incidents/99999999/snapshot");
        assertEquals(404, unknown.status(), unknown.body());
        JsonClient.Response extra = api.get("/api/incidents/" + incident + "/snapshot?format=pdf");
        assertEquals(400, extra.status(), extra.body());
        assertEquals("format", extra.where());
    }
}

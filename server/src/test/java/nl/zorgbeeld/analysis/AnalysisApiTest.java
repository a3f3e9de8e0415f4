package nl.zorgbeeld.analysis;

import static nl.zorgbeeld.analysis.AnalysisFixtures.draw;
import static nl.zorgbeeld.analysis.AnalysisFixtures.json;
import static nl.zorgbeeld.analysis.AnalysisFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.zorgbeeld.analysis.AnalysisFixtures.Place;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The analysis API: its formats, its bad input, the call list, the rings for the map, and how it
 * follows the picture (recomputed and differences recorded on every change of the elements).
 */
class AnalysisApiTest {
    private static final String PREFIX = "anaapi:";
    private static final double OX = 60_000;
    private static final double OY = 560_000;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static TestServer server;
    private static long incident;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        AnalysisFixtures.institutions(PREFIX, List.of(
                new Place(PREFIX + "inside", "Verpleeghuis Binnen", "vvt", false, null, OX, OY),
                new Place(PREFIX + "near", "Ziekenhuis Dichtbij", "ziekenhuis", true, null, OX + 1500, OY),
                new Place(PREFIX + "ring", "GGZ Verderop", "ggz", false, null, OX - 3000, OY),
                new Place(PREFIX + "later", "Apotheek Later", "apotheek", false, null, OX + 6000, OY),
                new Place(PREFIX + "far", "Huisarts Ver", "huisartsenpraktijk", false, null, OX + 8000, OY)));
        incident = TestIncidents.create("Analyse-API", "actief");
        draw(server, incident, "incidentgebied", null, "Brandhaard", square(-500, -500, 500, 500));
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private static Geometry square(double x1, double y1, double x2, double y2) {
        return GEOMETRY.toGeometry(new Envelope(OX + x1, OX + x2, OY + y1, OY + y2));
    }

    private static String affected(long id) {
        return "/api/incidents/" + id + "/affected";
    }

    /** This class's institutions in a list of analysis items, by short name. */
    private static Map<String, JsonNode> ours(JsonNode items) {
        Map<String, JsonNode> found = new TreeMap<>();
        for (JsonNode item : items) {
            String id = item.path("institution").path("id").asText();
            if (id.startsWith(PREFIX)) found.put(id.substring(PREFIX.length()), item);
        }
        return found;
    }

    /** This class's institutions in the changes of one run, by short name. */
    private static Map<String, JsonNode> changesOfRun(JsonNode changes, long runId) {
        Map<String, JsonNode> found = new TreeMap<>();
        for (JsonNode change : changes) {
            String id = change.path("institutionId").asText();
            if (id.startsWith(PREFIX) && change.path("runId").asLong() == runId) found.put(id.substring(PREFIX.length()), change);
        }
        return found;
    }

    @Test
    void geoJsonHasAPointPerInstitutionAndTheAnalysisAsForeignMembers() {
        HttpResponse<String> r = server.get(affected(incident) + "?format=geojson");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/geo+json"));
        JsonNode collection = json(r);
        assertEquals("FeatureCollection", collection.path("type").asText());
        JsonNode inside = null;
        for (JsonNode f : collection.get("features")) {
            if (f.path("id").asText().equals(PREFIX + "inside")) inside = f;
        }
        assertEquals("Point", inside.path("geometry").path("type").asText());
        double lon = inside.path("geometry").path("coordinates").get(0).asDouble();
        double lat = inside.path("geometry").path("coordinates").get(1).asDouble();
        assertTrue(lon > 2 && lon < 5 && lat > 52 && lat < 54, "WGS84 longitude, latitude: " + lon + ", " + lat);
        assertEquals("incidentgebied", inside.path("properties").path("zone").path("key").asText());
        assertEquals(incident, collection.path("incidentId").asLong());
        assertTrue(collection.path("summary").path("total").asInt() >= 3);
        assertEquals(4, collection.path("rings").size());
    }

    @Test
    void csvIsForADutchSpreadsheet() throws IOException {
        HttpResponse<String> r = server.get(affected(incident) + "?format=csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().contains("netwerkanalyse-incident-" + incident + ".csv"));
        assertTrue(r.body().startsWith("\uFEFF"), "a byte-order mark tells spreadsheets it is UTF-8");
        Map<String, CSVRecord> rows = new HashMap<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.body().substring(1)))) {
            assertTrue(parser.getHeaderNames().containsAll(List.of("zone", "afstand_m", "naam", "telefoon", "aangesloten", "status")));
            for (CSVRecord row : parser) rows.put(row.get("instelling_id"), row);
        }
        CSVRecord ring = rows.get(PREFIX + "ring");
        assertEquals("ring:5000", ring.get("zone"));
        assertEquals("Binnen 5 km", ring.get("zone_omschrijving"));
        assertEquals("2500", ring.get("afstand_m"));
        assertEquals("nee", ring.get("aangesloten"));
        assertEquals("te beoordelen", ring.get("status"));
        assertEquals("Incidentgebied (Brandhaard)", ring.get("oorzaak"));
        assertEquals("ja", rows.get(PREFIX + "near").get("aangesloten"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/incidents/999999999/affected|404|NotFound|",
        "/api/incidents/abc/affected|404|NotFound|",
        "/api/incidents/{id}/affected?rings=-500|400|InvalidParameterValue|rings",
        "/api/incidents/{id}/affected?rings=0|400|InvalidParameterValue|rings",
        "/api/incidents/{id}/affected?rings=1000,500|400|InvalidParameterValue|rings",
        "/api/incidents/{id}/affected?rings=500,500|400|InvalidParameterValue|rings",
        "/api/incidents/{id}/affected?rings=1,2,3,4,5,6,7,8,9,10,11|400|InvalidParameterValue|rings",
        "/api/incidents/{id}/affected?rings=500,50001|400|InvalidParameterValue|rings",
        "/api/incidents/{id}/affected?rings=5km|400|InvalidParameterValue|rings",
        "/api/incidents/{id}/affected?rings=500,,1000|400|InvalidParameterValue|rings",
        "/api/incidents/{id}/affected?format=xml|400|InvalidParameterValue|format",
        "/api/incidents/{id}/affected?zone=ring:700|400|InvalidParameterValue|zone",
        "/api/incidents/{id}/affected?zone=lbw-zone|400|InvalidParameterValue|zone",
        "/api/incidents/{id}/affected?zone=ring:abc|400|InvalidParameterValue|zone",
        "/api/incidents/{id}/affected?rings=500,800&zone=ring:1000|400|InvalidParameterValue|zone",
        "/api/incidents/{id}/affected?view=table|400|InvalidParameterValue|view",
        "/api/incidents/{id}/affected?view=summary&format=csv|400|InvalidParameterValue|view",
        "/api/incidents/{id}/affected?view=summary&limit=5|400|InvalidParameterValue|limit",
        "/api/incidents/{id}/affected?limit=0|400|InvalidParameterValue|limit",
        "/api/incidents/{id}/affected?limit=veel|400|InvalidParameterValue|limit",
        "/api/incidents/{id}/affected?limit=100001|400|InvalidParameterValue|limit",
        "/api/incidents/{id}/affected?offset=-1|400|InvalidParameterValue|offset",
        "/api/incidents/{id}/affected?page=2|400|InvalidParameterValue|page",
        "/api/incidents/999999999/call-list|404|NotFound|",
        "/api/incidents/{id}/call-list?format=geojson|400|InvalidParameterValue|format",
        "/api/incidents/999999999/affected/changes|404|NotFound|",
        "/api/incidents/{id}/affected/changes?since=gisteren|400|InvalidParameterValue|since",
        "/api/incidents/{id}/affected/changes?limit=0|400|InvalidParameterValue|limit",
        "/api/incidents/999999999/affected/rings|404|NotFound|",
        "/api/incidents/{id}/affected/rings?rings=60000|400|InvalidParameterValue|rings",
    })
    void badInputIsAJsonError(String path, int status, String code, String where) {
        HttpResponse<String> r = server.get(path.replace("{id}", Long.toString(incident)));
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        JsonNode problem = json(r);
        assertEquals(code, problem.path("code").asText());
        assertEquals(status, problem.path("status").asInt());
        assertFalse(problem.path("detail").asText().isBlank());
        if (where != null) assertEquals(where, problem.path("where").asText());
    }

    @Test
    void anIncidentWithoutHazardsAffectsNobody() {
        long empty = TestIncidents.create("Analyse zonder elementen", "actief");
        JsonNode analysis = json(server.get(affected(empty)));
        assertEquals(0, analysis.get("institutions").size());
        assertEquals(0, analysis.path("summary").path("total").asInt());
        assertEquals(0, json(server.get(affected(empty) + "/rings")).get("features").size());
    }

    @Test
    void ringsForTheMapAreOutlinesAroundTheHazards() {
        HttpResponse<String> r = server.get(affected(incident) + "/rings?rings=500,2000");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode features = json(r).get("features");
        assertEquals(2, features.size());
        assertEquals(500, features.get(0).path("properties").path("ring").asDouble());
        assertEquals("Binnen 2 km", features.get(1).path("properties").path("label").asText());
        assertEquals("Polygon", features.get(1).path("geometry").path("type").asText());
        // The 2 km ring around a 1 km square spans 5 km: about 0.07 degrees of longitude at 53 degrees north.
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        for (JsonNode position : features.get(1).path("geometry").path("coordinates").get(0)) {
            minLon = Math.min(minLon, position.get(0).asDouble());
            maxLon = Math.max(maxLon, position.get(0).asDouble());
        }
        assertEquals(0.0745, maxLon - minLon, 0.004);
    }

    @Test
    void callListHoldsTheAffectedThatAreNotConnectedAndNotYetInformed() throws IOException {
        long own = TestIncidents.create("Belronde-test", "actief");
        draw(server, own, "incidentgebied", null, null, square(-500, -500, 500, 500));
        Map<String, JsonNode> calls = ours(json(server.get("/api/incidents/" + own + "/call-list")).get("institutions"));
        assertEquals(List.of("inside", "ring"), List.copyOf(calls.keySet()), "the connected hospital is not called");
        assertEquals("030 123 45 67", calls.get("inside").path("institution").path("phone").asText());
        assertTrue(calls.get("inside").path("toCall").asBoolean());

        HttpResponse<String> informed = send(server, "PUT", "/api/incidents/" + own + "/stakeholders/" + PREFIX + "inside",
                "{\"status\":\"geinformeerd\",\"note\":\"Gebeld, ontruiming voorbereid\"}");
        assertEquals(200, informed.statusCode(), informed.body());
        calls = ours(json(server.get("/api/incidents/" + own + "/call-list")).get("institutions"));
        assertEquals(List.of("ring"), List.copyOf(calls.keySet()), "an informed institution leaves the call list");

        HttpResponse<String> csv = server.get("/api/incidents/" + own + "/call-list?format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow().contains("belronde-incident-" + own + ".csv"));
        assertTrue(csv.body().contains(PREFIX + "ring") && !csv.body().contains(PREFIX + "inside"));

        JsonNode inAnalysis = ours(json(server.get(affected(own))).get("institutions")).get("inside");
        assertEquals("geinformeerd", inAnalysis.path("status").path("status").asText());
        assertEquals("Gebeld, ontruiming voorbereid", inAnalysis.path("status").path("note").asText());
        assertFalse(inAnalysis.path("toCall").asBoolean());
    }

    @Test
    void followsThePictureAndRecordsWhatChanged() {
        long own = TestIncidents.create("Volgt het beeld", "actief");
        JsonNode area = draw(server, own, "incidentgebied", null, "Eerste schets", square(-500, -500, 500, 500));
        JsonNode first = json(server.get(affected(own) + "/changes"));
        Map<String, JsonNode> changes = changesOfRun(first, first.get(0).path("runId").asLong());
        assertEquals(List.of("inside", "near", "ring"), List.copyOf(changes.keySet()));
        changes.values().forEach(c -> assertEquals("nieuw", c.path("change").asText()));
        assertEquals("Hanna Informatie", changes.get("near").path("author").asText(), "the change is recorded with who changed the picture");
        assertTrue(ours(json(server.get(affected(own))).get("institutions")).values().stream()
                .allMatch(i -> i.path("newlyAffected").asBoolean()), "the first drawing makes all of them new");

        String bigger = AnalysisFixtures.feature("incidentgebied", null, "Groter", square(-500, -500, 1600, 500));
        HttpResponse<String> replaced = send(server, "PUT", "/api/incidents/" + own + "/elements/" + area.path("id").asText(), bigger,
                "Content-Crs", AnalysisFixtures.RD, "If-Match", "\"1\"");
        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonNode latest = json(server.get(affected(own) + "/changes"));
        Map<String, JsonNode> lastRun = changesOfRun(latest, latest.get(0).path("runId").asLong());
        assertEquals(List.of("later", "near"), List.copyOf(lastRun.keySet()));
        assertEquals("nieuw", lastRun.get("later").path("change").asText());
        assertEquals("ring:5000", lastRun.get("later").path("to").path("key").asText());
        assertEquals("zone_gewijzigd", lastRun.get("near").path("change").asText());
        assertEquals("ring:1000", lastRun.get("near").path("from").path("key").asText());
        assertEquals("incidentgebied", lastRun.get("near").path("to").path("key").asText());

        Map<String, JsonNode> now = ours(json(server.get(affected(own))).get("institutions"));
        assertTrue(now.get("later").path("newlyAffected").asBoolean(), "newly affected by the latest change");
        assertFalse(now.get("inside").path("newlyAffected").asBoolean(), "affected before: no longer new");
        assertFalse(now.get("near").path("newlyAffected").asBoolean(), "a zone change is not newly affected");
        assertEquals(4400, now.get("later").path("distance").asDouble(), 0.05);

        HttpResponse<String> ended = send(server, "DELETE", "/api/incidents/" + own + "/elements/" + area.path("id").asText(), null,
                "If-Match", "\"2\"");
        assertEquals(204, ended.statusCode(), ended.body());
        assertTrue(ours(json(server.get(affected(own))).get("institutions")).isEmpty());
        JsonNode last = json(server.get(affected(own) + "/changes"));
        Map<String, JsonNode> gone = changesOfRun(last, last.get(0).path("runId").asLong());
        assertEquals(List.of("inside", "later", "near", "ring"), List.copyOf(gone.keySet()));
        gone.values().forEach(c -> assertEquals("niet_meer_geraakt", c.path("change").asText()));
        assertEquals(3, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ? AND action = 'analysis.changed'", own),
                "each change of the analysis is on the incident's timeline");
        assertTrue(json(server.get(affected(own) + "/changes?since=2999-01-01T00:00:00Z")).isEmpty());
    }

    @Test
    void followsTheInstitutionLayerAsItChanges() {
        long own = TestIncidents.create("Nieuwe instelling", "actief");
        draw(server, own, "incidentgebied", null, null, square(-500, -500, 500, 500));
        assertFalse(ours(json(server.get(affected(own))).get("institutions")).containsKey("opened"));
        Sql.rows("INSERT INTO institution (id, type, name, connected, source, geom) VALUES (?, 'vvt', 'Nieuw huis', false,"
                + " 'analysetest', ST_SetSRID(ST_MakePoint(?, ?), 28992)) RETURNING id", PREFIX + "opened", OX + 100, OY);
        assertEquals("incidentgebied", ours(json(server.get(affected(own))).get("institutions")).get("opened")
                .path("zone").path("key").asText(), "an institution added to the layer is analysed at once");
        Sql.rows("UPDATE institution SET name = 'Hernoemd huis' WHERE id = ? RETURNING id", PREFIX + "opened");
        assertEquals("Hernoemd huis", ours(json(server.get(affected(own))).get("institutions")).get("opened")
                .path("institution").path("name").asText());
        Sql.rows("DELETE FROM institution WHERE id = ? RETURNING id", PREFIX + "opened");
        assertFalse(ours(json(server.get(affected(own))).get("institutions")).containsKey("opened"));
    }

    @Test
    void aChangeOfAnotherElementKindChangesNothing() {
        long own = TestIncidents.create("Meetpunt verandert niets", "actief");
        draw(server, own, "incidentgebied", null, null, square(-500, -500, 500, 500));
        // Each read brings the recorded analysis up to date, whether or not the background one has run.
        server.get(affected(own));
        long runs = Sql.count("SELECT count(*) FROM analysis_run WHERE incident_id = ?", own);
        assertEquals(1, runs);
        draw(server, own, "aantekening", null, "Notitie", GEOMETRY.createPoint(new Coordinate(OX, OY)));
        server.get(affected(own));
        assertEquals(runs, Sql.count("SELECT count(*) FROM analysis_run WHERE incident_id = ?", own));
    }
}

package nl.zorgbeeld.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.zorgbeeld.testing.Fixtures;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The importer against the real PostGIS, with fixture files the project writes itself. */
class ImporterTest {
    private final Importer importer = new Importer(TestDatabase.dataSource());

    @BeforeEach
    void empty() {
        TestDatabase.clearReferenceData();
    }

    private void loadAreas() {
        importer.importSource(Fixtures.pathText("reference/veiligheidsregios_test.geojson"));
        importer.importSource(Fixtures.pathText("reference/gemeenten_test.geojson"));
    }

    private static Map<String, String> reasonsByWhere(ImportReport report) {
        return report.rejected().stream().collect(Collectors.toMap(ImportReport.Rejection::where, ImportReport.Rejection::reason));
    }

    @Test
    void loadsAreasAndDerivesTheRegionOfEachMunicipality() {
        loadAreas();
        assertEquals(2, Sql.count("SELECT count(*) FROM safety_region"));
        assertEquals(3, Sql.count("SELECT count(*) FROM municipality"));
        assertEquals("VR90", Sql.one("SELECT region_code FROM municipality WHERE code = 'GM9002'"));
        assertEquals("VR91", Sql.one("SELECT region_code FROM municipality WHERE code = 'GM9003'"));
        assertEquals(28992, Sql.count("SELECT DISTINCT ST_SRID(geom) FROM safety_region"));
        assertEquals(0, Sql.count("SELECT count(*) FROM safety_region WHERE NOT ST_IsValid(geom)"));
    }

    @Test
    void importsInstitutionsRejectingEachBadFeatureWithItsReason() {
        loadAreas();
        ImportReport report = importer.importSource(Fixtures.pathText("reference/instellingen_test.geojson"));

        assertEquals(3, report.storedCount(LayerKind.INSTITUTION));
        Map<String, String> reasons = reasonsByWhere(report);
        assertEquals(7, reasons.size(), reasons.toString());
        assertTrue(reasons.get("feature 4").contains("no geometry"), reasons.get("feature 4"));
        assertTrue(reasons.get("feature 5").contains("no name"), reasons.get("feature 5"));
        assertTrue(reasons.get("feature 6").contains("outside the Netherlands"), reasons.get("feature 6"));
        assertTrue(reasons.get("feature 7").contains("swapped"), reasons.get("feature 7"));
        assertTrue(reasons.get("feature 8").contains("RD New metres"), reasons.get("feature 8"));
        assertTrue(reasons.get("feature 9").contains("unknown institution type 'bakkerij'"), reasons.get("feature 9"));
        assertTrue(reasons.get("feature 10").contains("needs a Point"), reasons.get("feature 10"));

        Map<String, Object> hospital = Sql.rows("SELECT * FROM institution WHERE id = 'ziekenhuis:T-001'").get(0);
        assertEquals("Testziekenhuis Centrum", hospital.get("name"));
        assertEquals(true, hospital.get("connected"), "acute care is connected by default");
        assertEquals("VR90", hospital.get("region_code"));
        assertEquals("GM9001", hospital.get("municipality_code"));
        assertEquals("030-0000001", hospital.get("phone"));
        Map<String, Object> nursingHome = Sql.rows("SELECT * FROM institution WHERE name = 'Verpleeghuis De Proef'").get(0);
        assertEquals("vvt", nursingHome.get("type"));
        assertEquals(false, nursingHome.get("connected"), "non-acute care is not connected by default");
        assertEquals("GM9002", nursingHome.get("municipality_code"));
        assertEquals("VR91", Sql.one("SELECT region_code FROM institution WHERE name = 'Ambulancepost Oost'"));
    }

    @Test
    void reImportUpdatesInsteadOfDuplicating() {
        loadAreas();
        importer.importSource(Fixtures.pathText("reference/instellingen_test.geojson"));
        List<Map<String, Object>> before = Sql.rows("SELECT id FROM institution ORDER BY id");
        ImportReport again = importer.importSource(Fixtures.pathText("reference/instellingen_test.geojson"));

        assertEquals(before, Sql.rows("SELECT id FROM institution ORDER BY id"));
        ImportReport.Loaded loaded = again.loaded().stream().filter(l -> l.kind() == LayerKind.INSTITUTION).findFirst().orElseThrow();
        assertEquals(0, loaded.inserted());
        assertEquals(3, loaded.updated());
        ImportReport areasAgain = importer.importSource(Fixtures.pathText("reference/veiligheidsregios_test.geojson"));
        assertEquals(2, areasAgain.loaded().get(0).updated());
        assertEquals(2, Sql.count("SELECT count(*) FROM safety_region"));
    }

    @Test
    void readsSemicolonCsvWithRdCoordinatesAndDecimalCommas() {
        loadAreas();
        ImportReport report = importer.importSource(Fixtures.pathText("reference/instellingen_rd.csv"));

        assertEquals(2, report.storedCount(LayerKind.INSTITUTION));
        Map<String, String> reasons = reasonsByWhere(report);
        assertTrue(reasons.get("line 4").contains("missing coordinates"), reasons.toString());
        assertTrue(reasons.get("line 5").contains("WGS84 degrees, not RD New"), reasons.toString());
        assertTrue(reasons.get("line 6").contains("not numbers"), reasons.toString());
        Map<String, Object> post = Sql.rows("SELECT connected, municipality_code, round(ST_X(geom)) AS x, round(ST_Y(geom)) AS y"
                + " FROM institution WHERE name = 'Huisartsenpost Teststad'").get(0);
        assertEquals(false, post.get("connected"), "the register's aangesloten=nee wins over the type's default");
        assertEquals(136000.0, ((Number) post.get("x")).doubleValue());
        assertEquals(456000.0, ((Number) post.get("y")).doubleValue());
        assertEquals(true, Sql.one("SELECT connected FROM institution WHERE name = 'Apotheek Testplein'"));
        assertEquals(137000.5, ((Number) Sql.one("SELECT ST_X(geom) FROM institution WHERE name = 'Apotheek Testplein'")).doubleValue(), 1e-6);
    }

    @Test
    void aBrokenFileStoresNothingAndSaysWhere() {
        loadAreas();
        ImportReport report = importer.importSource(Fixtures.pathText("reference/broken.geojson"));

        assertEquals(1, report.failures().size());
        assertTrue(report.failures().get(0).contains("invalid JSON at line"), report.failures().get(0));
        assertEquals(0, Sql.count("SELECT count(*) FROM institution"), "the valid first feature was not half-written");
    }

    @Test
    void repairsSelfIntersectingAreasAndRejectsTheRest() {
        ImportReport report = importer.importSource(Fixtures.pathText("reference/gemeenten_faulty.geojson"));

        assertEquals(1, report.storedCount(LayerKind.MUNICIPALITY));
        assertTrue(Sql.count("SELECT count(*) FROM municipality WHERE code = 'GM9004' AND ST_IsValid(geom) AND ST_Area(geom) > 0") == 1);
        Map<String, String> reasons = reasonsByWhere(report);
        assertTrue(reasons.get("feature 2").contains("no code"));
        assertTrue(reasons.get("feature 3").contains("needs a Polygon"));
    }

    @Test
    void anUnknownPathOrTypeIsAClearFailure() {
        ImportException missing = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> importer.importSource("/no/such/folder"));
        assertTrue(missing.getMessage().contains("no such file or folder"));
        ImportException notOgc = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> importer.importSource("http://127.0.0.1:9/not-an-ogc-api"));
        assertTrue(notOgc.getMessage().contains("not an OGC API - Features collection URL"));
    }

    @Test
    void refusesRegisterIdsThatCannotBeOnePathSegment() {
        loadAreas();
        ImportReport report = importer.importSource(Fixtures.pathText("ids/instellingen_ids.csv"));

        assertEquals(1, report.storedCount(LayerKind.INSTITUTION));
        Map<String, String> reasons = reasonsByWhere(report);
        assertEquals(2, reasons.size(), reasons.toString());
        assertTrue(reasons.get("line 2").contains("id 'AGB/123'") && reasons.get("line 2").contains("'/'"), reasons.get("line 2"));
        assertTrue(reasons.get("line 3").contains("id 'AGB\\124'") && reasons.get("line 3").contains("'\\'"), reasons.get("line 3"));
        assertEquals(List.of(Map.of("id", "apotheek:AGB-125")), Sql.rows("SELECT id FROM institution"));
    }

    @Test
    void realDataReplacesTheDemoSet() {
        importer.ensureLandOutline();
        new DemoData(TestDatabase.dataSource()).generate();
        assertTrue(Sql.count("SELECT count(*) FROM institution WHERE demo") > 1000);
        assertTrue(Sql.count("SELECT count(*) FROM safety_region WHERE demo") >= 10);
        assertTrue(Sql.count("SELECT count(*) FROM reference_source WHERE demo") >= 3);
        assertNull(Sql.rows("SELECT region_code FROM institution WHERE region_code IS NULL LIMIT 1").stream().findFirst().orElse(null),
                "every demo institution lies in a demo region");

        loadAreas();
        importer.importSource(Fixtures.pathText("reference/instellingen_test.geojson"));
        assertEquals(0, Sql.count("SELECT count(*) FROM institution WHERE demo"));
        assertEquals(0, Sql.count("SELECT count(*) FROM safety_region WHERE demo"));
        assertFalse(Sql.rows("SELECT 1 FROM reference_source WHERE layer = 'institutions' AND NOT demo").isEmpty());
        assertEquals(0, Sql.count("SELECT count(*) FROM reference_source WHERE layer IN ('institutions', 'safety-regions') AND demo"));
    }

    @Test
    void theShippedExampleRegistersImportCleanly() {
        loadAreas();
        ImportReport report = importer.importSource(TestDatabase.projectDir().resolve("data/examples").toString());

        assertEquals(List.of(), report.failures());
        assertEquals(List.of(), report.rejected());
        assertEquals(7, report.storedCount(LayerKind.INSTITUTION));
        assertEquals(true, Sql.one("SELECT emergency_department FROM institution WHERE id = 'ziekenhuis:ZH-001'"));
        assertEquals("huisartsenpost", Sql.one("SELECT type FROM institution WHERE id = 'huisartsenpost:HAP-001'"));
    }
}

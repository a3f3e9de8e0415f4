package nl.zorgbeeld.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.NoServerPaths;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The real Dutch reference data in ZORGBEELD_DATA (../shared/data): runs whenever it is there, and
 * fails instead of skipping under CI=true when it is missing.
 */
class RealDataTest {

    @Test
    void loadsAllRealLayersWithEveryInstitutionInARegion() {
        Path data = TestDatabase.realData();
        assumeTrue(data != null, "ZORGBEELD_DATA is not set: the real-data test needs ../shared/data");
        TestDatabase.clearReferenceData();

        ImportReport report = new Importer(TestDatabase.dataSource()).importSource(data.toString());

        assertEquals(List.of(), report.failures());
        assertEquals(25, Sql.count("SELECT count(*) FROM safety_region"));
        assertEquals(342, Sql.count("SELECT count(*) FROM municipality"));
        assertEquals(12, Sql.count("SELECT count(*) FROM province"));
        long institutions = Sql.count("SELECT count(*) FROM institution");
        assertTrue(institutions > 3000, "institutions: " + institutions);
        assertEquals(0, Sql.count("SELECT count(*) FROM institution WHERE region_code IS NULL"), "every care point lies in a safety region");
        assertEquals(0, Sql.count("SELECT count(*) FROM municipality WHERE region_code IS NULL"));
        assertEquals(11, Sql.count("SELECT count(DISTINCT type) FROM institution") + 4,
                "seven of the eleven types are in the real data (no HAP, GP practice, pharmacy, GGD)");
        long emergencyDepartments = Sql.count("SELECT count(*) FROM institution WHERE type = 'ziekenhuis' AND emergency_department");
        assertTrue(emergencyDepartments >= 60 && emergencyDepartments <= 90, "24/7 emergency departments: " + emergencyDepartments);
        assertTrue(report.rejectedCount() < 10, "rejected: " + report.rejected());
        assertEquals(0, Sql.count("SELECT count(*) FROM reference_source WHERE demo"));
        assertEquals("VR13", Sql.one("SELECT region_code FROM institution WHERE name = 'Vumc'"), "Amsterdam-Amstelland");
        try (TestServer server = TestServer.start()) {
            assertTrue(NoServerPaths.assertNone(server) > 3000, "every feature of every layer was checked");
            JsonNode province = Json.tree(server.get("/api/layers/provinces").body()).at("/features/0/properties");
            assertEquals("provincies_2023_dissolved.geojson", Sql.one("SELECT DISTINCT source FROM province"));
            assertEquals("© CBS, Kadaster (CC BY 4.0)", province.get("source").asText());
            assertEquals("CC BY 4.0", province.get("licence").asText());
        }
    }
}

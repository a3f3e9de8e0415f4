package nl.zorgbeeld.plume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.geo.RdNew;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * The plume in the network analysis (issue 11, items 3 and 6): for each institution inside a plume zone
 * the estimated concentration at its location, the zone and the arrival time, and the latest
 * forecast's first hour and zone, in the rows of GET .../affected (JSON, summary, GeoJSON, CSV, the
 * kept rendering and its ETag) and in the own exposure; read right after the POST (read-your-writes).
 * At sea west of Zuid-Holland, wind from the east, away from every other test's fixtures.
 */
class PlumeAnalysisTest {
    private static final String PREFIX = "pluimana:";
    private static final double SX = 20_000;
    private static final double SY = 505_000;
    private static final RdNew RD = new RdNew();
    private static TestServer server;
    private static JsonClient gags;
    private static JsonClient hin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        gags = JsonClient.as(server, TestUsers.user("Gerrit GAGS", "GHOR Utrecht", Role.GAGS));
        hin = JsonClient.as(server, TestUsers.standard());
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM institution WHERE id LIKE ?")) {
                ps.setString(1, PREFIX + "%");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO institution (id, type, name, city, connected, source, geom)"
                    + " VALUES (?, 'vvt', ?, 'Zee', false, 'pluimtest', ST_SetSRID(ST_MakePoint(?, ?), 28992))")) {
                for (Map.Entry<String, double[]> p : Map.of("as300", new double[] {SX - 300, SY}, "as1000", new double[] {SX - 1000, SY},
                        "bovenwinds", new double[] {SX + 1000, SY}).entrySet()) {
                    ps.setString(1, PREFIX + p.getKey());
                    ps.setString(2, "Instelling " + p.getKey());
                    ps.setDouble(3, p.getValue()[0]);
                    ps.setDouble(4, p.getValue()[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String source() {
        Coordinate c = RD.toWgs84(SX, SY);
        return String.format(Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]}", c.x, c.y);
    }

    private static final String GAUSSIAN = "{\"method\":\"gaussian\",\"source\":" + source() + ",\"releaseRate\":1000,\"releaseRateUnit\":\"g/s\","
            + "\"releaseHeight\":0,\"duration\":3600,\"windSpeed\":3,\"windDirection\":90,\"stabilityClass\":\"D\","
            + "\"substance\":\"ammoniak\",\"thresholds\":{\"LBW\":1000,\"AGW\":200,\"VRW\":14}}";
    private static final String SECTOR = "{\"method\":\"sector\",\"source\":" + source() + ",\"windDirection\":90,\"windSpeed\":5,"
            + "\"halfAngle\":30,\"lengths\":{\"LBW\":500,\"AGW\":1500,\"VRW\":4000},\"substance\":\"chloor\"}";

    private static String hour(String time, int direction) {
        return "{\"time\":\"" + time + "\",\"windDirection\":" + direction + ",\"windSpeed\":3,\"stabilityClass\":\"D\"}";
    }

    /** First the wind carries the cloud north, past the fixtures; from 11:00 west, over them. */
    private static final String FORECAST = "{\"source\":" + source() + ",\"releaseRate\":1000,\"releaseRateUnit\":\"g/s\",\"duration\":36000,"
            + "\"substance\":\"ammoniak\",\"thresholds\":{\"LBW\":1000,\"AGW\":200,\"VRW\":14},\"hours\":["
            + hour("2026-11-23T10:00:00+01:00", 180) + "," + hour("2026-11-23T11:00:00+01:00", 90) + ","
            + hour("2026-11-23T12:00:00+01:00", 90) + "]}";

    private static String affected(long incident) {
        return "/api/incidents/" + incident + "/affected";
    }

    private static Map<String, JsonNode> ours(JsonNode institutions) {
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : institutions) {
            String id = row.path("institution").path("id").asText();
            if (id.startsWith(PREFIX)) rows.put(id.substring(PREFIX.length()), row);
        }
        return rows;
    }

    @Test
    void theRowsOfTheAnalysisCarryTheConcentrationZoneAndArrivalOfTheNewPlume() {
        long incident = TestIncidents.create("Pluim analyse", "actief");
        Response before = hin.get(affected(incident));
        assertEquals(200, before.status());
        assertFalse(before.json().has("plume"));
        Response posted = gags.post("/api/incidents/" + incident + "/plumes", GAUSSIAN);
        assertEquals(201, posted.status(), posted.body());
        long plumeId = posted.json().path("plume").path("id").asLong();

        // Read right after the POST: the analysis already follows the new plume.
        Response r = hin.get(affected(incident));
        assertEquals(200, r.status(), r.body());
        assertNotEquals(before.header("ETag"), r.header("ETag"));
        assertEquals(plumeId, r.json().path("plume").path("id").asLong(), r.body());
        assertEquals("ammoniak", r.json().path("plume").path("substance").asText());
        assertTrue(r.json().path("plume").path("limits").findValuesAsText("code").contains("HEAVY_GAS"), "the limits go with the threats");
        Map<String, JsonNode> rows = ours(r.json().path("institutions"));
        JsonNode near = rows.get("as300").path("plume");
        assertEquals("AGW", near.path("zone").asText(), near.toString());
        assertEquals("AGW", rows.get("as300").path("zone").path("key").asText(), "the analysis' own zone is the plume's zone element");
        // The same estimate as the plume's own threat list, rounded to three significant digits.
        JsonNode threat = null;
        for (JsonNode t : gags.get("/api/incidents/" + incident + "/plumes/current/threats").json().path("institutions")) {
            if (t.path("id").asText().equals(PREFIX + "as300")) threat = t;
        }
        assertNotNull(threat);
        double expected = threat.path("concentration").asDouble();
        assertEquals(expected, near.path("concentration").asDouble(), expected * 0.005);
        assertTrue(near.path("concentration").asDouble() <= near.path("centreLine").asDouble());
        assertEquals(100, near.path("arrivalSeconds").asDouble(), 2, "300 m along the wind at 3 m/s");
        assertEquals(300, near.path("distance").asDouble(), 1);
        assertTrue(near.path("description").asText().startsWith("In zone AGW van de pluim; geschat "), near.toString());
        assertTrue(near.path("description").asText().endsWith("aankomst na ca. 2 min"), near.toString());
        assertEquals("VRW", rows.get("as1000").path("plume").path("zone").asText());
        assertTrue(rows.get("as1000").path("plume").path("arrivalSeconds").asDouble() > near.path("arrivalSeconds").asDouble());
        JsonNode upwind = rows.get("bovenwinds");
        if (upwind != null) assertFalse(upwind.has("plume"), "upwind is not threatened by the plume: " + upwind);

        JsonNode summary = r.json().path("summary").path("plume");
        assertTrue(summary.path("zones").path("AGW").asInt() >= 1, summary.toString());
        assertTrue(summary.path("zones").path("VRW").asInt() >= 1, summary.toString());
        assertTrue(summary.path("firstArrivalSeconds").asDouble() <= 101, summary.toString());
        assertTrue(summary.path("highestConcentration").asDouble() >= near.path("concentration").asDouble());
        Response onlySummary = hin.get(affected(incident) + "?view=summary");
        assertEquals(summary, onlySummary.json().path("summary").path("plume"));
        assertEquals(plumeId, onlySummary.json().path("plume").path("id").asLong());
        assertFalse(onlySummary.json().has("institutions"));

        // The kept rendering is the streamed one, and revalidates.
        Response again = hin.get(affected(incident));
        assertEquals(r.body(), again.body());
        assertEquals(304, hin.send("GET", affected(incident), null, "If-None-Match", r.header("ETag")).status());
        JsonNode geo = hin.get(affected(incident) + "?format=geojson").json();
        boolean found = false;
        for (JsonNode f : geo.path("features")) {
            if (f.path("id").asText().equals(PREFIX + "as300")) {
                found = true;
                assertEquals(near, f.path("properties").path("plume"));
            }
        }
        assertTrue(found);

        Response csv = hin.get(affected(incident) + "?format=csv");
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).endsWith(";oorzaak;pluim_zone;pluim_marge_zone;concentratie_mg_m3;concentratie_hartlijn_mg_m3;aankomst_min;"
                + "prognose_vanaf;prognose_zone;prognose_ergste_zone;prognose_ergste_vanaf"), lines.get(0));
        String line = lines.stream().filter(l -> l.contains(PREFIX + "as300;")).findFirst().orElseThrow();
        String concentration = new java.math.BigDecimal(near.path("concentration").asDouble()).round(new java.math.MathContext(3))
                .stripTrailingZeros().toPlainString().replace('.', ',');
        assertTrue(line.endsWith(";AGW;;" + concentration + ";" + line.split(";")[19] + ";2;;;;"), line);
    }

    @Test
    void theForecastsFirstHourAndZoneAreColumnsOfTheAnalysisAndOfTheExposure() {
        long incident = TestIncidents.create("Pluim prognose analyse", "actief");
        assertEquals(201, gags.post("/api/incidents/" + incident + "/plumes", SECTOR).status());
        Response r = hin.get(affected(incident));
        JsonNode sector = ours(r.json().path("institutions")).get("as300").path("plume");
        assertEquals("LBW", sector.path("zone").asText(), sector.toString());
        assertFalse(sector.has("concentration"), "a sector has no concentrations");
        assertEquals(60, sector.path("arrivalSeconds").asDouble(), 2, "300 m at 5 m/s");
        assertFalse(r.json().has("forecast"));

        Response posted = gags.post("/api/incidents/" + incident + "/plumes/forecast", FORECAST);
        assertEquals(201, posted.status(), posted.body());
        // A forecast changes no element, yet the analysis is a new version with its columns.
        Response after = hin.send("GET", affected(incident), null, "If-None-Match", r.header("ETag"));
        assertEquals(200, after.status(), "the old ETag no longer matches");
        assertEquals(posted.json().path("id").asLong(), after.json().path("forecast").path("id").asLong());
        assertEquals(List.of("10:00", "11:00", "12:00"), after.json().path("forecast").path("hours").findValuesAsText("label"));
        JsonNode reach = ours(after.json().path("institutions")).get("as300").path("forecast");
        assertEquals("2026-11-23T10:00:00Z", reach.path("firstAffected").asText(), reach.toString());
        assertEquals("11:00", reach.path("firstHour").asText());
        assertEquals("AGW", reach.path("firstZone").asText());
        assertTrue(reach.path("description").asText().startsWith("Prognose: vanaf 11:00 in AGW"), reach.toString());
        JsonNode forecastSummary = after.json().path("summary").path("forecast");
        assertTrue(forecastSummary.path("listed").asInt() >= 2, forecastSummary.toString());
        assertTrue(forecastSummary.path("reached").asInt() >= forecastSummary.path("listed").asInt());
        assertEquals(0, forecastSummary.path("firstReached").get(0).path("count").asInt(), "at 10:00 the wind blows north");
        assertTrue(forecastSummary.path("firstReached").get(1).path("count").asInt() >= 2);
        assertEquals(forecastSummary, hin.get(affected(incident) + "?view=summary").json().path("summary").path("forecast"));
        String line = hin.get(affected(incident) + "?format=csv").body().lines().filter(l -> l.contains(PREFIX + "as300;")).findFirst().orElseThrow();
        assertTrue(line.endsWith(";2026-11-23 11:00;AGW;AGW;2026-11-23 11:00"), line);

        // The institution's own exposure: how bad it gets at its address, when, and from which hour of the forecast.
        Response own = hin.get("/api/incidents/" + incident + "/exposure?institution=" + PREFIX + "as300");
        assertEquals(200, own.status(), own.body());
        JsonNode location = own.json().path("locations").get(0);
        assertEquals("LBW", location.path("plume").path("zone").asText(), location.toString());
        assertEquals(60, location.path("plume").path("arrivalSeconds").asDouble(), 2);
        assertEquals("11:00", location.path("forecast").path("firstHour").asText());
        String description = location.path("description").asText();
        assertTrue(description.contains("In zone LBW van de pluim; aankomst na ca. 1 min"), description);
        assertTrue(description.contains("Prognose: vanaf 11:00 in AGW"), description);
        assertEquals(own.json().path("plume").path("id").asLong(), after.json().path("plume").path("id").asLong());
        Response upwind = hin.get("/api/incidents/" + incident + "/exposure?institution=" + PREFIX + "bovenwinds");
        assertNull(upwind.json().path("locations").get(0).get("plume"), upwind.body());
    }
}

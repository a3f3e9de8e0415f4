package nl.zorgbeeld.plume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.geo.RdNew;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

/**
 * Plumes over HTTP, as a GAGS of the incident's region (who else may: PlumeAccessTest): the three
 * methods, storage as versioned effect-zone elements, replacement and history, bad input (nothing
 * stored), the threat at institutions, forecasts. The source lies in the North Sea west of Zeeland
 * with the wind from the east, so the zones stay over sea, away from the real institutions and
 * other test classes' fixtures.
 */
class PlumeApiTest {
    private static final String PREFIX = "pluimapi:";
    private static final double SX = 20_000;
    private static final double SY = 480_000;
    private static final RdNew RD = new RdNew();
    private static TestServer server;
    private static TestUser gagsUser;
    private static JsonClient gags;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        gagsUser = TestUsers.user("Gerrit GAGS", "GHOR Utrecht", Role.GAGS);
        gags = JsonClient.as(server, gagsUser);
        institutions(Map.of(
                "as300", new double[] {SX - 300, SY},
                "as1000", new double[] {SX - 1000, SY},
                "zij1000", new double[] {SX - 1000, SY + 200},
                "ver3000", new double[] {SX - 3000, SY},
                "bovenwinds", new double[] {SX + 1000, SY}));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void institutions(Map<String, double[]> places) {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM institution WHERE id LIKE ?")) {
                ps.setString(1, PREFIX + "%");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO institution (id, type, name, city, connected, source, geom)"
                    + " VALUES (?, 'vvt', ?, 'Zee', false, 'pluimtest', ST_SetSRID(ST_MakePoint(?, ?), 28992))")) {
                for (Map.Entry<String, double[]> p : places.entrySet()) {
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

    private static String point(double x, double y) {
        Coordinate c = RD.toWgs84(x, y);
        return String.format(Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]}", c.x, c.y);
    }

    private static final String SOURCE = point(SX, SY);
    static final String SECTOR = "{\"method\":\"sector\",\"source\":" + SOURCE + ",\"windDirection\":90,\"windSpeed\":3,"
            + "\"halfAngle\":30,\"lengths\":{\"LBW\":500,\"AGW\":1500,\"VRW\":4000},\"substance\":\"chloor\"}";
    static final String GAUSSIAN = "{\"method\":\"gaussian\",\"source\":" + SOURCE + ",\"releaseRate\":1000,\"releaseRateUnit\":\"g/s\","
            + "\"releaseHeight\":0,\"duration\":3600,\"windSpeed\":3,\"windDirection\":90,\"stabilityClass\":\"D\","
            + "\"substance\":\"ammoniak\",\"thresholds\":{\"LBW\":1000,\"AGW\":200,\"VRW\":14}}";

    private static String plumes(long incident) {
        return "/api/incidents/" + incident + "/plumes";
    }

    private static Map<String, JsonNode> zones(JsonNode collection) {
        Map<String, JsonNode> zones = new HashMap<>();
        for (JsonNode f : collection.path("features")) {
            if ("zone".equals(f.path("properties").path("kind").asText())) zones.put(f.path("properties").path("zone").asText(), f);
        }
        return zones;
    }

    private static long currentZoneElements(long incident) {
        return Sql.count("SELECT count(*) FROM picture_element WHERE incident_id = ? AND kind = 'effectgebied' AND valid_to IS NULL", incident);
    }

    @Test
    void aSectorPlumeIsStoredAsThreeEffectZonesAndAnsweredAsGeoJson() {
        long incident = TestIncidents.create("Pluim sector", "actief");
        Response r = gags.post(plumes(incident), SECTOR);
        assertEquals(201, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/geo+json"));
        long id = r.json().path("plume").path("id").asLong();
        assertEquals(plumes(incident) + "/" + id, r.header("Location"));
        assertEquals("FeatureCollection", r.json().path("type").asText());
        Map<String, JsonNode> zones = zones(r.json());
        assertEquals(Set.of("LBW", "AGW", "VRW"), zones.keySet());
        assertEquals(500, zones.get("LBW").path("properties").path("reach").asDouble(), 1e-6);
        assertEquals(4000, zones.get("VRW").path("properties").path("reach").asDouble(), 1e-6);
        JsonNode props = zones.get("AGW").path("properties");
        assertEquals("Polygon", zones.get("AGW").path("geometry").path("type").asText());
        assertEquals("sector", props.path("method").asText());
        assertEquals(30, props.path("inputs").path("halfAngle").asInt());
        assertTrue(props.path("limits").toString().contains("SECTOR_ESTIMATE"), props.path("limits").toString());
        assertTrue(props.has("warnings"));
        double lon = zones.get("AGW").path("geometry").path("coordinates").get(0).get(1).get(0).asDouble();
        assertTrue(lon > 2 && lon < 4, "WGS84 longitude: " + lon);

        // The zones are the picture's effect-zone elements, with the ids the features carry.
        assertEquals(3, currentZoneElements(incident));
        JsonNode elements = gags.get("/api/incidents/" + incident + "/elements?kind=effectgebied").json();
        Set<String> elementIds = new HashSet<>();
        for (JsonNode f : elements.path("features")) {
            elementIds.add(f.path("id").asText());
            assertEquals("chloor", f.path("properties").path("substance").asText());
        }
        Set<String> featureIds = new HashSet<>();
        zones.values().forEach(f -> featureIds.add(f.path("id").asText()));
        assertEquals(elementIds, featureIds);
        // One change carries the plume, three the elements: the live stream and the timeline see both.
        assertEquals(1, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ? AND action = 'plume.create'", incident));
        assertEquals(3, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ? AND action = 'element.create'"
                + " AND data IS NOT NULL", incident));
        // The analysis follows at once: the institution 300 m downwind lies in the LBW zone.
        JsonNode affected = gags.get("/api/incidents/" + incident + "/affected").json();
        String zoneOf300 = null;
        for (JsonNode item : affected.path("institutions")) {
            if (item.path("institution").path("id").asText().equals(PREFIX + "as300")) zoneOf300 = item.path("zone").path("key").asText();
        }
        assertEquals("LBW", zoneOf300, affected.toString());
    }

    @Test
    void aNewPlumeReplacesTheOldOneAndTheHistoryKeepsIt() {
        long incident = TestIncidents.create("Pluim vervangen", "actief");
        Response first = gags.post(plumes(incident), SECTOR);
        assertEquals(201, first.status(), first.body());
        String firstAt = first.json().path("plume").path("createdAt").asText();
        Set<String> oldIds = new HashSet<>();
        zones(first.json()).values().forEach(f -> oldIds.add(f.path("id").asText()));

        Response second = gags.post(plumes(incident), GAUSSIAN);
        assertEquals(201, second.status(), second.body());
        JsonNode plume = second.json().path("plume");
        assertEquals(first.json().path("plume").path("id").asLong(), plume.path("replaces").asLong());
        assertTrue(plume.path("replacesLabel").asText().matches("vervangt pluim van \\d\\d:\\d\\d"), plume.toString());
        // The Gaussian plume: thresholds and model per zone, and a dashed confidence line per zone.
        Map<String, JsonNode> zones = zones(second.json());
        assertEquals(200, zones.get("AGW").path("properties").path("threshold").asDouble(), 1e-9);
        assertEquals("D", zones.get("AGW").path("properties").path("model").path("stabilityClass").asText());
        assertTrue(zones.get("VRW").path("properties").path("reach").asDouble() > zones.get("AGW").path("properties").path("reach").asDouble());
        int confidence = 0;
        for (JsonNode f : second.json().path("features")) {
            if ("confidence".equals(f.path("properties").path("kind").asText())) {
                confidence++;
                assertEquals("LineString", f.path("geometry").path("type").asText());
            }
        }
        assertEquals(3, confidence);

        // Only the new zones are current; the old ones ended (versioned, still in history).
        assertEquals(3, currentZoneElements(incident));
        for (String old : oldIds) {
            assertEquals(0, Sql.count("SELECT count(*) FROM picture_element WHERE element_id = ?::uuid AND valid_to IS NULL", old));
        }
        JsonNode list = gags.get(plumes(incident)).json();
        assertEquals(plume.path("id").asLong(), list.path("current").path("plume").path("id").asLong());
        assertEquals(2, list.path("history").size());
        assertEquals("gaussian", list.path("history").get(0).path("method").asText());
        assertTrue(list.path("history").get(0).path("current").asBoolean());
        assertFalse(list.path("history").get(1).path("current").asBoolean());
        assertEquals("Gerrit GAGS", list.path("history").get(1).path("author").asText());
        assertEquals(4000, list.path("history").get(1).path("inputs").path("lengths").path("VRW").asInt());

        // At the first plume's moment, the first plume was current, and the map showed its zones.
        String at = URLEncoder.encode(firstAt, StandardCharsets.UTF_8);
        JsonNode then = gags.get(plumes(incident) + "?at=" + at).json();
        assertEquals("sector", then.path("current").path("plume").path("method").asText());
        assertEquals(1, then.path("history").size());
        JsonNode mapThen = gags.get("/api/incidents/" + incident + "/elements?kind=effectgebied&at=" + at).json();
        Set<String> idsThen = new HashSet<>();
        mapThen.path("features").forEach(f -> idsThen.add(f.path("id").asText()));
        assertEquals(oldIds, idsThen);
        Response one = gags.get(plumes(incident) + "/" + first.json().path("plume").path("id").asLong());
        assertEquals(200, one.status());
        assertEquals(plume.path("id").asLong(), one.json().path("plume").path("replacedBy").asLong());
    }

    @Test
    void aPreviewIsComputedButNotStored() {
        long incident = TestIncidents.create("Pluim voorbeeld", "actief");
        Response r = gags.post(plumes(incident) + "?preview=true", GAUSSIAN);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().path("preview").asBoolean());
        assertEquals(3, zones(r.json()).size());
        assertEquals(0, Sql.count("SELECT count(*) FROM plume WHERE incident_id = ?", incident));
        assertEquals(0, currentZoneElements(incident));
        assertEquals(404, gags.get(plumes(incident) + "/current").status());
    }

    @Test
    void drawnZonesThatNestArePublished() {
        long incident = TestIncidents.create("Pluim getekend", "actief");
        String drawn = "{\"method\":\"drawn\",\"substance\":\"zoutzuur\",\"zones\":{\"AGW\":" + square(500) + ",\"VRW\":" + square(2000) + "}}";
        Response r = gags.post(plumes(incident), drawn);
        assertEquals(201, r.status(), r.body());
        Map<String, JsonNode> zones = zones(r.json());
        assertFalse(zones.get("LBW").path("properties").path("reached").asBoolean());
        assertTrue(zones.get("LBW").path("geometry").isNull());
        assertEquals(2, currentZoneElements(incident));
    }

    private static String square(double half) {
        Coordinate a = RD.toWgs84(SX - half, SY - half);
        Coordinate b = RD.toWgs84(SX + half, SY + half);
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]]}",
                a.x, a.y, b.x, a.y, b.x, b.y, a.x, b.y, a.x, a.y);
    }

    @Test
    void aSourceAcrossTheBorderIsAccepted() {
        long incident = TestIncidents.create("Pluim Duitsland", "actief");
        String germany = SECTOR.replace(SOURCE, "{\"type\":\"Point\",\"coordinates\":[9.5,50.2]}");
        Response r = gags.post(plumes(incident) + "?preview=true", germany);
        assertEquals(200, r.status(), r.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zero release rate|\"releaseRate\":1000|\"releaseRate\":0|releaseRate",
        "negative release rate|\"releaseRate\":1000|\"releaseRate\":-5|releaseRate",
        "unknown stability class|\"stabilityClass\":\"D\"|\"stabilityClass\":\"G\"|stabilityClass",
        "wind speed 0|\"windSpeed\":3|\"windSpeed\":0|windSpeed",
        "wind speed above 50|\"windSpeed\":3|\"windSpeed\":51|windSpeed",
        "direction above 360|\"windDirection\":90|\"windDirection\":361|windDirection",
        "direction below 0|\"windDirection\":90|\"windDirection\":-1|windDirection",
        "LBW not above AGW|\"LBW\":1000|\"LBW\":150|thresholds.LBW",
        "AGW not above VRW|\"AGW\":200|\"AGW\":10|thresholds.AGW",
        "source outside the neighbours|\"coordinates\":[|\"coordinates\":[20.0,40.0],\"x\":[|source",
        "unknown unit|\"g/s\"|\"t/h\"|releaseRateUnit",
        "unknown method|\"gaussian\"|\"ballistic\"|method",
        "misplaced field|\"releaseHeight\":0|\"lengths\":{}|lengths",
        "class and sky both|\"stabilityClass\":\"D\"|\"stabilityClass\":\"D\",\"daytime\":true,\"cloudCover\":3|stabilityClass",
    })
    void badGaussianInputIsRefusedNamingTheFieldAndNothingIsStored(String name, String from, String to, String where) {
        long incident = TestIncidents.create("Pluim fout " + name, "actief");
        String body = GAUSSIAN.replace(from, to);
        if (where.equals("source")) body = GAUSSIAN.replace(SOURCE, "{\"type\":\"Point\",\"coordinates\":[20.0,40.0]}");
        assertNotEquals(GAUSSIAN, body);
        Response r = gags.post(plumes(incident), body);
        assertEquals(400, r.status(), r.body());
        assertEquals(where, r.where(), r.body());
        assertEquals("application/problem+json", r.header("Content-Type").split(";")[0]);
        assertEquals(0, Sql.count("SELECT count(*) FROM plume WHERE incident_id = ?", incident));
        assertEquals(0, Sql.count("SELECT count(*) FROM picture_element WHERE incident_id = ?", incident));
        assertEquals(0, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ? AND action LIKE 'element.%'", incident));
    }

    @Test
    void drawnZonesThatAreInvalidOrDoNotNestAreRefused() {
        long incident = TestIncidents.create("Pluim getekend fout", "actief");
        String notNested = "{\"method\":\"drawn\",\"zones\":{\"LBW\":" + square(800) + ",\"AGW\":" + square(500) + "}}";
        Response r = gags.post(plumes(incident), notNested);
        assertEquals(400, r.status(), r.body());
        assertEquals("zones.LBW", r.where());
        Coordinate a = RD.toWgs84(SX - 500, SY - 500);
        Coordinate b = RD.toWgs84(SX + 500, SY + 500);
        String bowTie = String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]]}",
                a.x, a.y, b.x, b.y, b.x, a.y, a.x, b.y, a.x, a.y);
        Response invalid = gags.post(plumes(incident), "{\"method\":\"drawn\",\"zones\":{\"VRW\":" + bowTie + "}}");
        assertEquals(400, invalid.status(), invalid.body());
        assertEquals("zones.VRW", invalid.where());
        assertTrue(invalid.body().contains("Self-intersection"), invalid.body());
        assertEquals(0, Sql.count("SELECT count(*) FROM picture_element WHERE incident_id = ?", incident));
    }

    @Test
    void theThreatAtEachInstitutionInsideTheCurrentPlume() {
        long incident = TestIncidents.create("Pluim dreiging", "actief");
        assertEquals(404, gags.get(plumes(incident) + "/current/threats").status());
        assertEquals(201, gags.post(plumes(incident), GAUSSIAN).status());
        Response r = gags.get(plumes(incident) + "/current/threats");
        assertEquals(200, r.status(), r.body());
        Map<String, JsonNode> ours = new HashMap<>();
        for (JsonNode i : r.json().path("institutions")) {
            if (i.path("id").asText().startsWith(PREFIX)) ours.put(i.path("id").asText().substring(PREFIX.length()), i);
        }
        assertFalse(ours.containsKey("bovenwinds"), "upwind is not threatened");
        JsonNode near = ours.get("as300");
        assertNotNull(near, r.body());
        assertEquals("AGW", near.path("zone").asText(), near.toString());
        double concentration = near.path("concentration").asDouble();
        assertTrue(concentration >= 200 && concentration < 1000, near.toString());
        // Nearly on the axis: the axis runs along the true bearing, which RD New's grid turns by about 1.5 degrees here.
        assertTrue(concentration <= near.path("centreLine").asDouble() && concentration > 0.85 * near.path("centreLine").asDouble(), near.toString());
        // Arrival: the distance along the wind over the wind speed (3 m/s at the ground).
        assertEquals(300 / 3.0, near.path("arrivalSeconds").asDouble(), 2);
        JsonNode far = ours.get("as1000");
        assertEquals("VRW", far.path("zone").asText(), far.toString());
        JsonNode aside = ours.get("zij1000");
        if (aside != null) {
            assertTrue(aside.path("concentration").asDouble() < aside.path("centreLine").asDouble(), "off the axis: less");
            assertTrue(aside.path("worstInConfidence").asDouble() >= aside.path("concentration").asDouble());
        }

        Response csv = gags.get(plumes(incident) + "/current/threats?format=csv");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).startsWith("\uFEFFzone;zone_bij_draaiende_wind;instelling_id"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("AGW;") && l.contains(PREFIX + "as300;") && l.endsWith(";2")), csv.body());
        assertEquals(400, gags.get(plumes(incident) + "/current/threats?format=xml").status());
    }

    static String hour(String time, int direction) {
        return "{\"time\":\"" + time + "\",\"windDirection\":" + direction + ",\"windSpeed\":3,\"stabilityClass\":\"D\"}";
    }

    static String forecast(String... hours) {
        return "{\"source\":" + SOURCE + ",\"releaseRate\":1000,\"releaseRateUnit\":\"g/s\",\"duration\":36000,\"substance\":\"ammoniak\","
                + "\"thresholds\":{\"LBW\":1000,\"AGW\":200,\"VRW\":14},\"hours\":[" + String.join(",", hours) + "]}";
    }

    @Test
    void aForecastGivesThePlumePerHourAndWhenEachInstitutionIsFirstReached() {
        long incident = TestIncidents.create("Pluim prognose", "actief");
        // First hour the wind blows the plume north, then it turns and carries it west over the fixtures.
        Response r = gags.post(plumes(incident) + "/forecast", forecast(hour("2026-11-23T10:00:00+01:00", 180),
                hour("2026-11-23T11:00:00+01:00", 90), hour("2026-11-23T12:00:00+01:00", 90)));
        assertEquals(201, r.status(), r.body());
        assertEquals(3, r.json().path("hours").size());
        assertEquals("11:00", r.json().path("hours").get(1).path("label").asText());
        assertEquals("FeatureCollection", r.json().path("hours").get(0).path("plume").path("type").asText());
        JsonNode near = null;
        for (JsonNode i : r.json().path("institutions")) if (i.path("id").asText().equals(PREFIX + "as300")) near = i;
        assertNotNull(near, r.body());
        assertEquals("2026-11-23T10:00:00Z", near.path("firstAffected").asText());
        assertEquals("AGW", near.path("firstZone").asText());
        assertTrue(near.path("zones").get(0).isNull());
        assertEquals(0, Sql.count("SELECT count(*) FROM plume WHERE incident_id = ?", incident), "a forecast is not the current plume");

        Response latest = gags.get(plumes(incident) + "/forecast/latest");
        assertEquals(200, latest.status());
        assertEquals(r.json().path("id").asLong(), latest.json().path("id").asLong());
        assertEquals(3, latest.json().path("hours").size());
    }

    private static java.net.http.HttpResponse<String> postCsv(String path, String csv) {
        return server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).header("Content-Type", "text/csv; charset=utf-8")
                .header("Authorization", "Bearer " + gagsUser.token()).build());
    }

    @Test
    void aForecastAsCsvIsForTheCurrentModelPlume() {
        long incident = TestIncidents.create("Pluim prognose CSV", "actief");
        String csv = "time;windDirection;windSpeed;daytime;cloudCover\n2026-11-23T10:00:00+01:00;90;3,5;ja;6\n"
                + "2026-11-23T11:00:00+01:00;100;4;ja;6\n";
        var none = postCsv(plumes(incident) + "/forecast", csv);
        assertEquals(409, none.statusCode(), none.body());
        assertEquals(201, gags.post(plumes(incident), GAUSSIAN).status());
        var r = postCsv(plumes(incident) + "/forecast", csv);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode body = nl.zorgbeeld.common.Json.tree(r.body());
        assertEquals(2, body.path("hours").size());
        assertEquals(3.5, body.path("hours").get(0).path("weather").path("windSpeed").asDouble(), 1e-9);
        assertEquals("C", body.path("hours").get(0).path("weather").path("stabilityClass").asText(), "Pasquill: day, 6/8 cloud, 3.5 m/s");
        assertEquals("ammoniak", body.path("substance").asText());

        var bad = postCsv(plumes(incident) + "/forecast", csv.replace(";3,5;", ";0;"));
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("hours[0].windSpeed", nl.zorgbeeld.common.Json.tree(bad.body()).path("where").asText());
    }

    @Test
    void aForecastWithAGapOrOver24HoursIsRefused() {
        long incident = TestIncidents.create("Pluim prognose fout", "actief");
        Response gap = gags.post(plumes(incident) + "/forecast", forecast(hour("2026-11-23T10:00:00+01:00", 90),
                hour("2026-11-23T12:00:00+01:00", 90)));
        assertEquals(400, gap.status(), gap.body());
        assertEquals("hours[1].time", gap.where());
        String[] hours = new String[25];
        for (int i = 0; i < 25; i++) hours[i] = hour(java.time.OffsetDateTime.parse("2026-11-23T10:00:00+01:00").plusHours(i).toString(), 90);
        Response tooLong = gags.post(plumes(incident) + "/forecast", forecast(hours));
        assertEquals(400, tooLong.status(), tooLong.body());
        assertEquals("hours", tooLong.where());
        Response badDirection = gags.post(plumes(incident) + "/forecast", forecast(hour("2026-11-23T10:00:00+01:00", 400)));
        assertEquals(400, badDirection.status());
        assertEquals("hours[0].windDirection", badDirection.where());
        assertEquals(0, Sql.count("SELECT count(*) FROM plume_forecast WHERE incident_id = ?", incident));
        assertEquals(404, gags.get(plumes(incident) + "/forecast/latest").status());
    }
}

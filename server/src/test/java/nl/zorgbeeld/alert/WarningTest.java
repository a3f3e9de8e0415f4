package nl.zorgbeeld.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.alert.AlertFixtures.Place;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.EventStream;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
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
 * Geofenced warnings: an institution sets its warning distance and hazard kinds; a hazard of an
 * incident its organisation sees that comes within it warns the institution once per hazard version,
 * with the distance and direction, on its personal stream and inbox; the Hoofd Informatie sees who was
 * warned; invisible incidents and hazard kinds not chosen warn nobody.
 */
class WarningTest {
    private static final String PREFIX = AlertApiTest.PREFIX + "warn:";
    private static final String EAST = PREFIX + "oost";
    private static final String NORTH = PREFIX + "noord";
    private static final Coordinate ORIGIN = new Coordinate(20_000, 560_000);
    private static TestServer server;
    private static JsonClient hanna;
    private static TestUser eastCoordinator;
    private static TestUser northCoordinator;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        hanna = JsonClient.as(server, TestUsers.standard());
        AlertFixtures.institutions(PREFIX, List.of(new Place(EAST, "Zorghuis Oostwal", "vvt", ORIGIN.x + 3000, ORIGIN.y),
                new Place(NORTH, "Zorghuis Noordpier", "vvt", ORIGIN.x, ORIGIN.y + 1000)), "VR09");
        eastCoordinator = TestUsers.user("Olga Oost", "Zorghuis Oostwal (alarmtest)", "VR09", EAST, Role.INFORMATIECOORDINATOR);
        northCoordinator = TestUsers.user("Niels Noord", "Zorghuis Noordpier (alarmtest)", "VR09", NORTH, Role.INFORMATIECOORDINATOR);
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private static String setting(String institution) {
        return "/api/institutions/" + institution + "/warning-setting";
    }

    private static JsonNode replace(long incident, JsonNode feature, double half) {
        String body = AlertFixtures.feature("effectgebied", Map.of("zone", "AGW"), AlertFixtures.square(ORIGIN, half));
        Response r = hanna.send("PUT", "/api/incidents/" + incident + "/elements/" + feature.get("id").asText(), body,
                "Content-Crs", AlertFixtures.RD, "If-Match", "\"" + feature.at("/properties/version").asInt() + "\"");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    /** The warnings of the incident to the institution, read as {@code reader} (the check after a change runs off the request: the read waits for it). */
    private static long warnings(JsonClient reader, long incident, String institution) {
        Response r = reader.get("/api/incidents/" + incident + "/warnings");
        assertEquals(200, r.status(), r.body());
        long count = 0;
        for (JsonNode w : r.json().get("warnings")) {
            if (institution.equals(w.get("institutionId").asText())) count++;
        }
        assertEquals(Sql.count("SELECT count(*) FROM proximity_warning WHERE incident_id = ? AND institution_id = ?", incident, institution),
                count, "the list holds what is stored");
        return count;
    }

    private static long warnings(long incident, String institution) {
        return warnings(hanna, incident, institution);
    }

    @Test
    void aHazardComingWithinTheDistanceWarnsOncePerVersionWithDistanceAndDirection() {
        JsonClient olga = JsonClient.as(server, eastCoordinator);
        Response none = olga.get(setting(EAST));
        assertEquals(200, none.status(), none.body());
        assertEquals(0, none.json().get("version").asInt());
        Response saved = olga.send("PUT", setting(EAST), "{\"distance\":2000,\"hazardKinds\":[\"effectgebied\"]}");
        assertEquals(200, saved.status(), saved.body());
        assertEquals("\"1\"", saved.header("ETag"));

        long incident = TestIncidents.create("Gaswolk", "actief");
        try (EventStream mine = EventStream.open(server.port(), "/api/me/live", EventStream.Options.fresh().as(eastCoordinator))) {
            mine.next("connected");
            AlertFixtures.draw(hanna, incident, "incidentlocatie", Map.of(), AlertFixtures.point(new Coordinate(ORIGIN.x + 2900, ORIGIN.y)));
            JsonNode zone = AlertFixtures.draw(hanna, incident, "effectgebied", Map.of("zone", "AGW"), AlertFixtures.square(ORIGIN, 500));
            assertEquals(0, warnings(incident, EAST), "2.5 km away: beyond 2 km; the location is near but not a chosen kind");

            zone = replace(incident, zone, 1500);
            JsonNode event = mine.next("change").json();
            assertEquals("nl.zorgbeeld.warning.issued", event.get("type").asText());
            JsonNode warning = event.get("data");
            assertEquals(1500, warning.get("distance").asDouble(), 0.01);
            assertEquals("oosten", warning.get("direction").asText());
            assertEquals("1,5 km ten oosten van het effectgebied AGW", warning.get("description").asText());
            assertEquals(2, warning.get("elementVersion").asInt());

            AlertFixtures.draw(hanna, incident, "opvanglocatie", Map.of("label", "Sporthal"),
                    AlertFixtures.point(new Coordinate(ORIGIN.x - 5000, ORIGIN.y)));
            assertEquals(1, warnings(incident, EAST), "another change, the same hazard version: no second warning");

            replace(incident, zone, 1600);
            assertEquals(1400, mine.next("change").json().at("/data/distance").asDouble(), 0.01, "a new version warns again");
        }
        assertEquals(2, warnings(incident, EAST));
        JsonNode list = hanna.get("/api/incidents/" + incident + "/warnings").json();
        assertEquals(2, list.get("warnings").size(), "the Hoofd Informatie sees who was warned");
        assertEquals("Zorghuis Oostwal", list.at("/warnings/0/institutionName").asText());
        JsonNode inbox = olga.get("/api/me/alerts").json();
        assertTrue(inbox.get("warnings").size() >= 2, inbox.toString());
        assertTrue(hanna.get("/api/incidents/" + incident + "/timeline").json().toString().contains("warning.issued"));
    }

    @Test
    void savingASettingWarnsAtOnceForAHazardAlreadyNear() {
        long incident = TestIncidents.create("Brand opslag", "actief");
        AlertFixtures.draw(hanna, incident, "incidentgebied", Map.of(), AlertFixtures.square(ORIGIN, 1500));
        JsonClient niels = JsonClient.as(server, northCoordinator);
        Response saved = niels.send("PUT", setting(NORTH), "{\"distance\":100,\"hazardKinds\":[\"incidentgebied\"]}");
        assertEquals(200, saved.status(), saved.body());
        assertEquals(1, warnings(incident, NORTH));
        assertEquals("Binnen het incidentgebied", hanna.get("/api/incidents/" + incident + "/warnings").json()
                .at("/warnings/0/description").asText());

        long elsewhere = TestIncidents.create("Elders", "actief", "VR13");
        JsonClient eva = JsonClient.as(server, TestUsers.user("Eva Extern", "GHOR Amsterdam-Amstelland (alarmtest)", "VR13", null,
                Role.HOOFD_INFORMATIE));
        AlertFixtures.draw(eva, elsewhere, "incidentgebied", Map.of(), AlertFixtures.square(ORIGIN, 1500));
        assertEquals(0, warnings(eva, elsewhere, NORTH), "an incident the organisation does not see warns nobody there");

        assertEquals(428, niels.send("PUT", setting(NORTH), "{\"distance\":200,\"hazardKinds\":[\"incidentgebied\"]}").status());
        assertEquals(412, niels.send("PUT", setting(NORTH), "{\"distance\":200,\"hazardKinds\":[\"incidentgebied\"]}", "If-Match", "\"7\"").status());
        Response second = niels.send("PUT", setting(NORTH), "{\"distance\":200,\"hazardKinds\":[\"incidentgebied\",\"effectgebied\"]}",
                "If-Match", saved.header("ETag"));
        assertEquals(200, second.status(), second.body());
        assertEquals(2, second.json().get("version").asInt());
        assertEquals(1, warnings(incident, NORTH), "the same hazard version does not warn twice");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no distance|{\"hazardKinds\":[\"effectgebied\"]}|400|distance",
        "zero|{\"distance\":0,\"hazardKinds\":[\"effectgebied\"]}|400|distance",
        "too far|{\"distance\":60000,\"hazardKinds\":[\"effectgebied\"]}|400|distance",
        "not a number|{\"distance\":\"2 km\",\"hazardKinds\":[\"effectgebied\"]}|400|distance",
        "no kinds|{\"distance\":2000,\"hazardKinds\":[]}|400|hazardKinds",
        "unknown kind|{\"distance\":2000,\"hazardKinds\":[\"meteoriet\"]}|400|hazardKinds[0]",
        "unknown field|{\"distance\":2000,\"hazardKinds\":[\"effectgebied\"],\"sound\":true}|400|sound",
    })
    void badSettingsAreRefused(String name, String body, int status, String where) {
        TestUser fresh = TestUsers.user("Fleur Fout", "Zorghuis Oostwal (alarmtest)", "VR09", EAST, Role.INFORMATIECOORDINATOR);
        long before = Sql.count("SELECT coalesce(sum(version), 0) FROM warning_setting");
        Response r = JsonClient.as(server, fresh).send("PUT", setting(EAST), body, "If-Match", "*");
        assertEquals(status, r.status(), r.body());
        assertEquals(where, r.where());
        assertEquals(before, Sql.count("SELECT coalesce(sum(version), 0) FROM warning_setting"));
    }

    @Test
    void onlyTheInstitutionsOwnCoordinatorSetsIt() {
        String body = "{\"distance\":2000,\"hazardKinds\":[\"effectgebied\"]}";
        assertEquals(403, JsonClient.as(server, northCoordinator).send("PUT", setting(EAST), body).status());
        assertEquals(403, hanna.send("PUT", setting(EAST), body).status());
        assertEquals(403, JsonClient.as(server, northCoordinator).get(setting(EAST)).status());
    }
}

package nl.zorgbeeld.alert;

import static nl.zorgbeeld.alert.AlertFixtures.recipientIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.alert.AlertFixtures.Place;
import nl.zorgbeeld.auth.Role;
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
 * Alerts through the API: the audience resolved from the network analysis (affected, a zone, types,
 * a region, hand-picked, combined), the message proposed from the picture, the recipients connected or
 * not, Update and Cancel, the timeline and audit trail, and every refusal storing nothing.
 */
class AlertApiTest {
    static final String PREFIX = "alrt:";
    static final String LBW = PREFIX + "lbw";
    static final String AGW = PREFIX + "agw";
    static final String VRW = PREFIX + "vrw";
    static final String RING = PREFIX + "ring";
    static final String FAR = PREFIX + "far";
    private static final Coordinate ORIGIN = new Coordinate(20_000, 500_000);
    private static TestServer server;
    private static JsonClient hanna;
    private static TestUser coordinatorLbw;
    private static long incident;

    @BeforeAll
    static void setUp() {
        server = TestServer.start(Map.of("ZORGBEELD_ALERT_ACK_MINUTES", "7"));
        hanna = JsonClient.as(server, TestUsers.standard());
        AlertFixtures.institutions(PREFIX, List.of(
                new Place(LBW, "Zorghuis Duinzicht", "vvt", ORIGIN.x, ORIGIN.y),
                new Place(AGW, "Ziekenhuis Zeezicht", "ziekenhuis", ORIGIN.x + 600, ORIGIN.y),
                new Place(VRW, "Woonzorg Strand", "vvt", ORIGIN.x + 1500, ORIGIN.y),
                new Place(RING, "Huisartsenpost Kust", "huisartsenpost", ORIGIN.x + 3500, ORIGIN.y),
                new Place(FAR, "Verpleeghuis Verweg", "vvt", ORIGIN.x + 30_000, ORIGIN.y)));
        coordinatorLbw = TestUsers.user("Ina Coördinator", "Zorghuis Duinzicht (alarmtest)", "VR09", LBW, Role.INFORMATIECOORDINATOR);
        // The hospital is connected through its organisation, which is the institution (its users carry no institution of their own).
        long hospital = TestUsers.organisation("Ziekenhuis Zeezicht (alarmtest)", "VR09");
        Sql.rows("UPDATE organisation SET institution_id = ? WHERE id = ? RETURNING id", AGW, hospital);
        TestUsers.user("Bram Lezer", "Ziekenhuis Zeezicht (alarmtest)", Role.LEZER);
        incident = incidentWithZones("Ammoniaklek haven");
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    /** An incident with a location and nested effect zones LBW (300 m), AGW (1 km) and VRW (2 km) around ORIGIN. */
    static long incidentWithZones(String title) {
        long id = TestIncidents.create(title, "actief");
        AlertFixtures.draw(hanna, id, "incidentlocatie", Map.of(), AlertFixtures.point(ORIGIN));
        AlertFixtures.draw(hanna, id, "effectgebied", Map.of("zone", "LBW", "substance", "ammoniak"), AlertFixtures.square(ORIGIN, 300));
        AlertFixtures.draw(hanna, id, "effectgebied", Map.of("zone", "AGW", "substance", "ammoniak"), AlertFixtures.square(ORIGIN, 1000));
        AlertFixtures.draw(hanna, id, "effectgebied", Map.of("zone", "VRW", "substance", "ammoniak"), AlertFixtures.square(ORIGIN, 2000));
        return id;
    }

    static String alerts(long incidentId) {
        return "/api/incidents/" + incidentId + "/alerts";
    }

    private static Response send(long incidentId, String body) {
        return hanna.post(alerts(incidentId), body);
    }

    private static JsonNode sent(long incidentId, String body) {
        Response r = send(incidentId, body);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    @Test
    void allAffectedInstitutionsAreAlertedWithAMessageFromThePicture() {
        JsonNode detail = sent(incident, "{\"audience\":{\"affected\":true}}");
        assertEquals(List.of(AGW, LBW, RING, VRW), recipientIds(detail), "everyone the analysis lists, not the far one");
        JsonNode alert = detail.get("alert");
        assertEquals("Alert", alert.get("msgType").asText());
        assertEquals("Exercise", alert.get("status").asText(), "the test incident is an exercise");
        assertEquals("Fire", alert.get("category").asText(), "a fire (brand)");
        assertTrue(alert.get("headline").asText().contains("Ammoniaklek haven"), alert.toString());
        assertTrue(alert.get("description").asText().contains("Stof: ammoniak"), "the substance of the effect zones");
        assertEquals("Extreme", alert.get("severity").asText(), "an LBW recipient makes it extreme");
        assertEquals("Shelter", alert.get("responseType").asText());
        assertEquals("ammoniak", alert.at("/parameters/substance").asText());
        assertEquals("MultiPolygon", alert.at("/area/type").asText(), "the zones as the alert's area");
        assertEquals(Duration.ofMinutes(7), Duration.between(OffsetDateTime.parse(alert.get("sentAt").asText()),
                OffsetDateTime.parse(alert.get("ackDeadline").asText())), "ZORGBEELD_ALERT_ACK_MINUTES");
        assertEquals("Hanna Informatie", alert.at("/sentBy/author").asText());

        Map<String, JsonNode> byId = new java.util.HashMap<>();
        detail.get("recipients").forEach(r -> byId.put(r.get("institutionId").asText(), r));
        assertTrue(byId.get(LBW).get("connected").asBoolean(), "a coordinator speaks for it");
        assertTrue(byId.get(AGW).get("connected").asBoolean(), "its organisation is the institution and has a user");
        assertFalse(byId.get(VRW).get("connected").asBoolean());
        assertEquals("niet_aangesloten", byId.get(VRW).get("state").asText());
        assertEquals("verzonden", byId.get(LBW).get("state").asText());
        assertEquals("LBW", byId.get(LBW).get("zone").asText());
        assertEquals(2, alert.at("/counts/connected").asInt());
        assertEquals(4, alert.at("/counts/recipients").asInt());

        long id = alert.get("id").asLong();
        Response again = hanna.get(alerts(incident) + "/" + id);
        assertEquals(200, again.status(), again.body());
        assertEquals(recipientIds(detail), recipientIds(again.json()));
        assertTrue(containsAlert(hanna.get(alerts(incident)).json().get("alerts"), id), "in the incident's list");

        JsonNode timeline = hanna.get("/api/incidents/" + incident + "/timeline").json();
        assertTrue(timeline.toString().contains("alert.sent"), "on the timeline: " + timeline);
        assertEquals(1, Sql.count("SELECT count(*) FROM audit_entry WHERE action = 'alert.sent' AND object_id = ?",
                "/api/incidents/" + incident + "/alerts/" + id), "in the audit trail");
    }

    @Test
    void aZoneIncludesTheNestedMoreSevereZones() {
        assertEquals(List.of(AGW, LBW), recipientIds(sent(incident, "{\"audience\":{\"zone\":\"AGW\"}}")));
        assertEquals(List.of(LBW), recipientIds(sent(incident, "{\"audience\":{\"zone\":\"lbw\"}}")));
        JsonNode vrw = sent(incident, "{\"audience\":{\"zone\":\"VRW\"}}");
        assertEquals(List.of(AGW, LBW, VRW), recipientIds(vrw));
        assertTrue(vrw.at("/alert/areaDesc").asText().startsWith("Effectgebied VRW"), vrw.at("/alert/areaDesc").asText());
        assertEquals("VRW (voorlichtingsrichtwaarde)", vrw.at("/alert/parameters/threshold").asText());
    }

    @Test
    void criteriaCombine() {
        assertEquals(List.of(LBW, VRW), recipientIds(sent(incident, "{\"audience\":{\"affected\":true,\"types\":[\"vvt\"]}}")),
                "types narrow the affected");
        assertEquals(List.of(FAR, LBW), recipientIds(sent(incident, "{\"audience\":{\"zone\":\"LBW\",\"institutionIds\":[\"" + FAR + "\"]}}")),
                "hand-picked ones are added");
        assertEquals(List.of(FAR), recipientIds(sent(incident, "{\"audience\":{\"institutionIds\":[\"" + FAR + "\"]}}")));
        assertEquals(List.of(RING), recipientIds(sent(incident, "{\"audience\":{\"region\":\"" + AlertFixtures.REGION
                + "\",\"types\":[\"huisartsenpost\"]}}")), "types in a region, from the whole reference layer");
    }

    @Test
    void theMessageIsEditable() {
        JsonNode alert = sent(incident, "{\"audience\":{\"zone\":\"LBW\"},\"headline\":\"Ramen dicht\",\"description\":\"Eigen tekst\","
                + "\"instruction\":\"Ventilatie uit\",\"responseType\":\"Evacuate\",\"severity\":\"Severe\",\"urgency\":\"Expected\","
                + "\"certainty\":\"Observed\",\"category\":\"CBRNE\",\"wind\":\"ZW 4 m/s\",\"expires\":\""
                + OffsetDateTime.now().plusHours(3) + "\"}").get("alert");
        assertEquals("Ramen dicht", alert.get("headline").asText());
        assertEquals("Eigen tekst", alert.get("description").asText());
        assertEquals("Evacuate", alert.get("responseType").asText());
        assertEquals("CBRNE", alert.get("category").asText());
        assertEquals("ZW 4 m/s", alert.at("/parameters/wind").asText());
        assertFalse(alert.get("expires").isNull());
    }

    @Test
    void aPreviewProposesTheMessageAndRecipientsAndStoresNothing() {
        long before = Sql.count("SELECT count(*) FROM alert");
        Response preview = hanna.post(alerts(incident) + "/preview", "{\"audience\":{\"zone\":\"AGW\"}}");
        assertEquals(200, preview.status(), preview.body());
        assertEquals(2, preview.json().get("recipients").size());
        assertTrue(preview.json().at("/message/headline").asText().startsWith("Effectgebied AGW"));
        assertEquals(before, Sql.count("SELECT count(*) FROM alert"));
    }

    @Test
    void anUpdateKeepsTheRecipientsAndACancelEndsTheLine() {
        long own = incidentWithZones("Update en intrekking");
        JsonNode first = sent(own, "{\"audience\":{\"zone\":\"AGW\"}}").get("alert");
        long firstId = first.get("id").asLong();
        JsonNode update = sent(own, "{\"msgType\":\"Update\",\"references\":" + firstId + ",\"headline\":\"Zone groter\"}");
        assertEquals(List.of(AGW, LBW), recipientIds(update), "the same recipients");
        assertEquals(firstId, update.at("/alert/references").asLong());
        long updateId = update.at("/alert/id").asLong();
        assertEquals(updateId, hanna.get(alerts(own) + "/" + firstId).json().at("/alert/supersededBy").asLong());

        Response stale = send(own, "{\"msgType\":\"Cancel\",\"references\":" + firstId + "}");
        assertEquals(409, stale.status(), "the first was updated: " + stale.body());
        assertEquals("references", stale.where());

        JsonNode cancel = sent(own, "{\"msgType\":\"Cancel\",\"references\":" + updateId + "}");
        assertEquals("Cancel", cancel.at("/alert/msgType").asText());
        assertEquals("AllClear", cancel.at("/alert/responseType").asText());
        assertTrue(cancel.at("/alert/headline").asText().startsWith("Ingetrokken: Zone groter"));
        assertEquals(List.of(AGW, LBW), recipientIds(cancel));
        assertFalse(hanna.get(alerts(own) + "/" + updateId).json().at("/alert/standing").asBoolean());

        Response twice = send(own, "{\"msgType\":\"Cancel\",\"references\":" + updateId + "}");
        assertEquals(409, twice.status(), twice.body());
        Response ofCancel = send(own, "{\"msgType\":\"Update\",\"references\":" + cancel.at("/alert/id").asLong() + "}");
        assertEquals(409, ofCancel.status(), ofCancel.body());
        assertTrue(hanna.get("/api/incidents/" + own + "/timeline").json().toString().contains("alert.cancelled"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty audience|{\"audience\":{}}|400|audience",
        "no audience|{\"headline\":\"x\"}|400|audience",
        "affected false only|{\"audience\":{\"affected\":false}}|400|audience",
        "expired|{\"audience\":{\"affected\":true},\"expires\":\"2020-01-01T00:00:00+01:00\"}|400|expires",
        "unknown zone|{\"audience\":{\"zone\":\"XYZ\"}}|400|audience.zone",
        "zone the incident lacks|{\"audience\":{\"zone\":\"effectgebied:rook\"}}|400|audience.zone",
        "unknown institution|{\"audience\":{\"institutionIds\":[\"alrt:nope\"]}}|400|audience.institutionIds[0]",
        "unknown type|{\"audience\":{\"types\":[\"kasteel\"]}}|400|audience.types[0]",
        "unknown region|{\"audience\":{\"region\":\"VR99X\"}}|400|audience.region",
        "nobody in the region|{\"audience\":{\"region\":\"" + "VRALRT" + "\",\"types\":[\"apotheek\"]}}|400|audience",
        "unknown field|{\"audience\":{\"affected\":true},\"colour\":\"red\"}|400|colour",
        "unknown audience field|{\"audience\":{\"everyone\":true}}|400|audience.everyone",
        "unknown responseType|{\"audience\":{\"affected\":true},\"responseType\":\"Panic\"}|400|responseType",
        "update of nothing|{\"msgType\":\"Update\",\"references\":987654321}|400|references",
        "update without reference|{\"msgType\":\"Update\"}|400|references",
        "cancel with audience|{\"msgType\":\"Cancel\",\"references\":1,\"audience\":{\"affected\":true}}|400|audience",
        "alert with reference|{\"audience\":{\"affected\":true},\"references\":1}|400|references",
        "not JSON|{audience|400|body",
        "headline too long|{\"audience\":{\"affected\":true},\"headline\":\"" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "\"}|400|headline",
    })
    void badInputIsRefusedNamingTheFieldAndStoresNothing(String name, String body, int status, String where) {
        long alerts = Sql.count("SELECT count(*) FROM alert");
        long events = Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ?", incident);
        Response r = send(incident, body);
        assertEquals(status, r.status(), r.body());
        assertEquals(where, r.where(), r.body());
        assertNotNull(r.json().get("detail"));
        assertEquals(alerts, Sql.count("SELECT count(*) FROM alert"), "nothing stored");
        assertEquals(events, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ?", incident));
    }

    @Test
    void aClosedIncidentSendsNoAlerts() {
        long closed = TestIncidents.create("Gesloten", "gesloten");
        Response r = send(closed, "{\"audience\":{\"institutionIds\":[\"" + FAR + "\"]}}");
        assertEquals(409, r.status(), r.body());
    }

    @Test
    void onlyTheHoofdInformatieOfTheRegionSends() {
        String body = "{\"audience\":{\"affected\":true}}";
        assertEquals(403, JsonClient.as(server, TestUsers.user("Lotte Lezer", "GHOR Utrecht", Role.LEZER)).post(alerts(incident), body).status());
        assertEquals(403, JsonClient.as(server, TestUsers.user("Gijs GAGS", "GHOR Utrecht", Role.GAGS)).post(alerts(incident), body).status());
        assertEquals(403, JsonClient.as(server, coordinatorLbw).post(alerts(incident), body).status());
        TestUser elsewhere = TestUsers.user("Eva Extern", "GHOR Amsterdam-Amstelland (alarmtest)", "VR13", null, Role.HOOFD_INFORMATIE);
        assertEquals(404, JsonClient.as(server, elsewhere).post(alerts(incident), body).status(), "another region's incident is invisible");
        Response lezer = JsonClient.as(server, TestUsers.user("Lotte Lezer", "GHOR Utrecht", Role.LEZER)).get(alerts(incident));
        assertEquals(200, lezer.status(), "reading is open within visibility");
    }

    static boolean containsAlert(JsonNode list, long id) {
        for (JsonNode a : list) {
            if (a.get("id").asLong() == id) return true;
        }
        return false;
    }
}

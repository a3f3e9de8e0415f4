package nl.zorgbeeld.alert;

import static nl.zorgbeeld.alert.AlertApiTest.AGW;
import static nl.zorgbeeld.alert.AlertApiTest.FAR;
import static nl.zorgbeeld.alert.AlertApiTest.LBW;
import static nl.zorgbeeld.alert.AlertApiTest.PREFIX;
import static nl.zorgbeeld.alert.AlertApiTest.RING;
import static nl.zorgbeeld.alert.AlertApiTest.VRW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.alert.AlertFixtures.Place;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.testing.EventStream;
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
import org.locationtech.jts.geom.Coordinate;

/**
 * What happens to an alert at its recipients: it reaches their personal live stream at once and their
 * inbox (delivered), is read and acknowledged by a user of the recipient only (also outside the
 * incident's region), and, unacknowledged past the deadline, puts the institution on the call list.
 */
class AlertDeliveryTest {
    private static final Coordinate ORIGIN = new Coordinate(20_000, 520_000);
    private static final String OWN = PREFIX + "d:";
    private static TestServer server;
    private static JsonClient hanna;
    private static TestUser ina;
    private static TestUser farAway;
    private static TestUser hospitalReader;
    private static long incident;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        hanna = JsonClient.as(server, TestUsers.standard());
        AlertFixtures.institutions(OWN, List.of(
                new Place(OWN + LBW, "Zorghuis Duinrand", "vvt", ORIGIN.x, ORIGIN.y),
                new Place(OWN + AGW, "Ziekenhuis Duinrand", "ziekenhuis", ORIGIN.x + 600, ORIGIN.y),
                new Place(OWN + VRW, "Woonzorg Duinrand", "vvt", ORIGIN.x + 1500, ORIGIN.y),
                new Place(OWN + RING, "Huisartsenpost Duinrand", "huisartsenpost", ORIGIN.x + 3500, ORIGIN.y),
                new Place(OWN + FAR, "Verpleeghuis Elders", "vvt", ORIGIN.x + 30_000, ORIGIN.y)));
        // The register knows them as connected too (the analysis reads the register's flag).
        Sql.rows("UPDATE institution SET connected = true WHERE id IN (?, ?) RETURNING id", OWN + LBW, OWN + AGW);
        ina = TestUsers.user("Ina Coördinator", "Zorghuis Duinrand (alarmtest)", "VR09", OWN + LBW, Role.INFORMATIECOORDINATOR);
        // A recipient outside the incident's region: it sees the alert it was sent, not the incident.
        farAway = TestUsers.user("Femke Verweg", "Verpleeghuis Elders (alarmtest)", "VR13", OWN + FAR, Role.INFORMATIECOORDINATOR);
        long hospital = TestUsers.organisation("Ziekenhuis Duinrand (alarmtest)", "VR09");
        Sql.rows("UPDATE organisation SET institution_id = ? WHERE id = ? RETURNING id", OWN + AGW, hospital);
        hospitalReader = TestUsers.user("Bram Lezer", "Ziekenhuis Duinrand (alarmtest)", Role.LEZER);
        incident = incident("Chloorwolk");
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private static long incident(String title) {
        long id = TestIncidents.create(title, "actief");
        AlertFixtures.draw(hanna, id, "incidentlocatie", Map.of(), AlertFixtures.point(ORIGIN));
        AlertFixtures.draw(hanna, id, "effectgebied", Map.of("zone", "LBW", "substance", "chloor"), AlertFixtures.square(ORIGIN, 300));
        AlertFixtures.draw(hanna, id, "effectgebied", Map.of("zone", "AGW", "substance", "chloor"), AlertFixtures.square(ORIGIN, 1000));
        AlertFixtures.draw(hanna, id, "effectgebied", Map.of("zone", "VRW", "substance", "chloor"), AlertFixtures.square(ORIGIN, 2000));
        return id;
    }

    private static long send(long incidentId, String audience) {
        Response r = hanna.post(AlertApiTest.alerts(incidentId), "{\"audience\":" + audience + "}");
        assertEquals(201, r.status(), r.body());
        return r.json().at("/alert/id").asLong();
    }

    private static String alert(long incidentId, long alertId) {
        return AlertApiTest.alerts(incidentId) + "/" + alertId;
    }

    private static Map<String, JsonNode> recipients(long incidentId, long alertId) {
        Map<String, JsonNode> byId = new HashMap<>();
        hanna.get(alert(incidentId, alertId)).json().get("recipients").forEach(r -> byId.put(r.get("institutionId").asText(), r));
        return byId;
    }

    @Test
    void anAlertReachesTheRecipientsPersonalStreamAtOnceAndNobodyElses() {
        try (EventStream mine = EventStream.open(server.port(), "/api/me/live", EventStream.Options.fresh().as(ina));
             EventStream other = EventStream.open(server.port(), "/api/me/live", EventStream.Options.fresh().as(farAway))) {
            assertEquals(OWN + LBW, mine.next("connected").json().get("institutionId").asText());
            other.next("connected");
            long toIna = send(incident, "{\"zone\":\"LBW\"}");
            JsonNode event = mine.next("change").json();
            assertEquals("nl.zorgbeeld.alert.sent", event.get("type").asText());
            assertEquals(toIna, event.at("/data/id").asLong());
            assertTrue(event.at("/data/headline").asText().contains("Chloorwolk"));
            assertFalse(event.toString().contains(OWN + VRW), "the frame does not carry the list of recipients");

            long toFar = send(incident, "{\"institutionIds\":[\"" + OWN + FAR + "\"]}");
            assertEquals(toFar, other.next("change").json().at("/data/id").asLong(), "its first event is its own alert, not Ina's");
        }
        JsonClient nobody = JsonClient.as(server, TestUsers.standard());
        assertEquals(409, nobody.get("/api/me/live").status(), "a user who speaks for no institution has no personal stream");
    }

    @Test
    void theInboxDeliversAndReceiptsAndAnAcknowledgementAreRecorded() {
        long id = send(incident, "{\"zone\":\"AGW\"}");
        assertEquals("verzonden", recipients(incident, id).get(OWN + LBW).get("state").asText());

        JsonNode inbox = JsonClient.as(server, ina).get("/api/me/alerts").json();
        assertEquals(OWN + LBW, inbox.get("institutionId").asText());
        JsonNode mine = find(inbox.get("alerts"), id);
        assertNotNull(mine, inbox.toString());
        assertEquals("Chloorwolk", mine.get("incidentTitle").asText());
        assertEquals("afgeleverd", mine.at("/mine/state").asText(), "reading the inbox is a delivery");
        JsonNode delivered = recipients(incident, id).get(OWN + LBW);
        assertEquals("Ina Coördinator", delivered.at("/delivered/by").asText());
        assertEquals("verzonden", recipients(incident, id).get(OWN + AGW).get("state").asText(), "only Ina's institution");

        Response read = JsonClient.as(server, ina).post(alert(incident, id) + "/receipts", "{\"state\":\"read\"}");
        assertEquals(200, read.status(), read.body());
        assertEquals("gelezen", read.json().get("state").asText());
        Response bad = JsonClient.as(server, ina).post(alert(incident, id) + "/receipts", "{\"state\":\"seen\"}");
        assertEquals(400, bad.status());
        assertEquals("state", bad.where());

        try (EventStream board = EventStream.open(server.port(), "/api/incidents/" + incident + "/live")) {
            board.next("connected");
            Response ack = JsonClient.as(server, ina).post(alert(incident, id) + "/acknowledgements", "{\"note\":\"Ramen dicht, ventilatie uit\"}");
            assertEquals(201, ack.status(), ack.body());
            assertEquals("bevestigd", ack.json().get("state").asText());
            List<EventStream.Event> seen = board.until(e -> e.name().equals("change")
                    && e.json().get("action").asText().equals("alert.acknowledged"));
            JsonNode event = seen.get(seen.size() - 1).json();
            assertEquals(OWN + LBW, event.at("/data/recipient/institutionId").asText());
            assertEquals(1, event.at("/data/counts/acknowledged").asInt());
        }
        JsonNode acknowledged = recipients(incident, id).get(OWN + LBW);
        assertEquals("Ina Coördinator", acknowledged.at("/acknowledged/by").asText());
        assertEquals("Ramen dicht, ventilatie uit", acknowledged.at("/acknowledged/note").asText());
        assertEquals("Zorghuis Duinrand (alarmtest)", acknowledged.at("/acknowledged/organisation").asText());

        Response again = JsonClient.as(server, ina).post(alert(incident, id) + "/acknowledgements", "");
        assertEquals(200, again.status(), "already acknowledged: the first one stands");
        assertEquals(acknowledged.at("/acknowledged/at").asText(), again.json().at("/acknowledged/at").asText());
        assertEquals(1, Sql.count("SELECT count(*) FROM change_event WHERE action = 'alert.acknowledged' AND subject = ?", alert(incident, id)));
    }

    @Test
    void onlyUsersOfARecipientAcknowledge() {
        long id = send(incident, "{\"zone\":\"AGW\"}");
        long events = Sql.count("SELECT count(*) FROM change_event");
        Response stranger = JsonClient.as(server, farAway).post(alert(incident, id) + "/acknowledgements", "{}");
        assertEquals(404, stranger.status(), "not a recipient and outside the region: the incident is invisible to it");
        TestUser otherCoordinator = TestUsers.user("Otto Coördinator", "Woonzorg Duinrand (alarmtest)", "VR09", OWN + RING,
                Role.INFORMATIECOORDINATOR);
        Response notRecipient = JsonClient.as(server, otherCoordinator).post(alert(incident, id) + "/acknowledgements", "{}");
        assertEquals(403, notRecipient.status(), notRecipient.body());
        Response reader = JsonClient.as(server, hospitalReader).post(alert(incident, id) + "/acknowledgements", "{}");
        assertEquals(403, reader.status(), "a recipient's user, but no information coordinator");
        Response hin = hanna.post(alert(incident, id) + "/acknowledgements", "{}");
        assertEquals(403, hin.status());
        assertEquals(events, Sql.count("SELECT count(*) FROM change_event"), "nothing recorded");
        assertTrue(find(JsonClient.as(server, hospitalReader).get("/api/me/alerts").json().get("alerts"), id) != null,
                "the hospital's users see what the hospital was sent");
    }

    @Test
    void aRecipientOutsideTheRegionSeesThatAlertButNotTheIncident() {
        long id = send(incident, "{\"institutionIds\":[\"" + OWN + FAR + "\"]}");
        long notToIt = send(incident, "{\"zone\":\"LBW\"}");
        JsonClient femke = JsonClient.as(server, farAway);
        assertEquals(200, femke.get(alert(incident, id)).status());
        assertEquals(404, femke.get(alert(incident, notToIt)).status());
        assertEquals(404, femke.get("/api/incidents/" + incident).status());
        Response ack = femke.post(alert(incident, id) + "/acknowledgements", "{}");
        assertEquals(201, ack.status(), ack.body());
    }

    @Test
    void unacknowledgedPastTheDeadlineJoinsTheCallList() {
        long own = incident("Belronde na alarm");
        long id = send(own, "{\"zone\":\"VRW\"}");
        Response ack = JsonClient.as(server, ina).post(alert(own, id) + "/acknowledgements", "{}");
        assertEquals(201, ack.status());
        JsonNode callList = hanna.get("/api/incidents/" + own + "/call-list").json();
        assertFalse(ids(callList.get("institutions")).contains(OWN + AGW), "before the deadline a connected one is not called");

        Sql.rows("UPDATE alert SET ack_deadline = now() - interval '1 minute' WHERE id = ? RETURNING id", id);
        Map<String, JsonNode> after = recipients(own, id);
        assertTrue(after.get(OWN + AGW).get("overdue").asBoolean());
        assertFalse(after.get(OWN + LBW).get("overdue").asBoolean(), "acknowledged in time");
        assertEquals(2, hanna.get(alert(own, id)).json().at("/alert/counts/overdue").asInt(), "the hospital and the non-connected VRW one");

        callList = hanna.get("/api/incidents/" + own + "/call-list").json();
        Map<String, JsonNode> calls = new HashMap<>();
        callList.get("institutions").forEach(i -> calls.put(i.at("/institution/id").asText(), i));
        assertTrue(calls.containsKey(OWN + AGW), "connected, but silent: on the call list");
        assertEquals("Alarm verzonden, niet bevestigd", calls.get(OWN + AGW).at("/alert/label").asText());
        assertEquals(id, calls.get(OWN + AGW).at("/alert/alertId").asLong());
        assertFalse(calls.containsKey(OWN + LBW));
        assertTrue(calls.containsKey(OWN + VRW));

        AlertService service = new AlertService(new Transactions(TestDatabase.dataSource()), new AlertStore(), null, new ChangeLog(),
                AlertConfig.DEFAULTS, Clock.systemUTC());
        assertTrue(service.flagOverdue() >= 2);
        assertEquals(2, Sql.count("SELECT count(*) FROM alert_recipient WHERE alert_id = ? AND overdue_at IS NOT NULL", id));
        assertEquals(1, Sql.count("SELECT count(*) FROM change_event WHERE action = 'alert.overdue' AND subject = ?", alert(own, id)),
                "on the timeline, once");
        service.flagOverdue();
        assertEquals(1, Sql.count("SELECT count(*) FROM change_event WHERE action = 'alert.overdue' AND subject = ?", alert(own, id)));

        long outside = send(own, "{\"institutionIds\":[\"" + OWN + FAR + "\"]}");
        Sql.rows("UPDATE alert SET ack_deadline = now() - interval '1 minute' WHERE id = ? RETURNING id", outside);
        JsonNode alerted = hanna.get("/api/incidents/" + own + "/call-list").json().get("alerted");
        assertEquals(OWN + FAR, alerted.get(0).get("institutionId").asText(), "not affected, but alerted and silent: on the list too");
    }

    /**
     * The analysis rows carry the alert marks, and its responses are kept per ETag: a deadline passing
     * or an acknowledgement changes what the rows show without a change of the picture, so the ETag
     * changes with it and the kept rendering of the old one is not served again.
     */
    @Test
    void theAffectedRowsAndTheirETagFollowTheAlertMarks() {
        long own = incident("Rijen na alarm");
        String path = "/api/incidents/" + own + "/affected";
        long id = send(own, "{\"zone\":\"AGW\"}");
        Response before = hanna.get(path);
        assertEquals(200, before.status(), before.body());
        String first = before.header("ETag");
        assertFalse(row(before.json(), OWN + AGW).has("alert"), "before the deadline: no mark");
        assertEquals(304, hanna.send("GET", path, null, "If-None-Match", first).status());

        Sql.rows("UPDATE alert SET ack_deadline = now() - interval '1 minute' WHERE id = ? RETURNING id", id);
        Response overdue = hanna.send("GET", path, null, "If-None-Match", first);
        assertEquals(200, overdue.status(), "the rows changed: the old ETag no longer matches");
        String second = overdue.header("ETag");
        assertNotEquals(first, second);
        JsonNode silent = row(overdue.json(), OWN + AGW);
        assertEquals("Alarm verzonden, niet bevestigd", silent.at("/alert/label").asText());
        assertEquals(id, silent.at("/alert/alertId").asLong());
        assertTrue(silent.get("toCall").asBoolean(), "connected, but silent: to call");
        assertEquals(304, hanna.send("GET", path, null, "If-None-Match", second).status(), "unchanged marks: the same ETag");

        TestUser hugo = TestUsers.user("Hugo Coördinator", "Ziekenhuis Duinrand (alarmtest)", "VR09", OWN + AGW, Role.INFORMATIECOORDINATOR);
        assertEquals(201, JsonClient.as(server, hugo).post(alert(own, id) + "/acknowledgements", "{}").status());
        Response acknowledged = hanna.send("GET", path, null, "If-None-Match", second);
        assertEquals(200, acknowledged.status(), "an acknowledgement changes the rows: a new ETag");
        assertNotEquals(second, acknowledged.header("ETag"));
        assertFalse(row(acknowledged.json(), OWN + AGW).has("alert"));
        assertFalse(row(acknowledged.json(), OWN + AGW).get("toCall").asBoolean());
        assertEquals(id, row(acknowledged.json(), OWN + LBW).at("/alert/alertId").asLong(), "the other recipient is still silent");
    }

    private static JsonNode row(JsonNode analysis, String institutionId) {
        for (JsonNode i : analysis.get("institutions")) {
            if (i.at("/institution/id").asText().equals(institutionId)) return i;
        }
        throw new AssertionError(institutionId + " is not in the analysis: " + analysis);
    }

    private static List<String> ids(JsonNode institutions) {
        List<String> ids = new java.util.ArrayList<>();
        institutions.forEach(i -> ids.add(i.at("/institution/id").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode alerts, long id) {
        for (JsonNode a : alerts) {
            if (a.at("/alert/id").asLong() == id) return a;
        }
        return null;
    }
}

package nl.zorgbeeld.plume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.EventStream;
import nl.zorgbeeld.testing.EventStream.Options;
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

/**
 * Who may write and read plumes: only the GAGS of the incident's own region publishes, previews and
 * forecasts; every other role of the region is refused (403) and a GAGS of another region gets the
 * 404 of an incident it cannot see, or 403 once invited; every role reads within what it can see.
 * A plume is the logged-in user's, whatever headers say; its changes reach the live stream as
 * CloudEvents, only for who may see the incident.
 */
class PlumeAccessTest {
    private static TestServer server;
    private static JsonClient hin;
    private static TestUser gagsUser;
    private static JsonClient gags;
    private static TestUser lezer;
    private static TestUser elsewhere;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        hin = JsonClient.as(server, TestUsers.standard());
        gagsUser = TestUsers.user("Gerrit GAGS", "GHOR Utrecht", Role.GAGS);
        gags = JsonClient.as(server, gagsUser);
        lezer = TestUsers.user("Lieke Lezer", "GHOR Utrecht", Role.LEZER);
        elsewhere = TestUsers.user("Gijs Zeeland", "GHOR Zeeland", "VR19", null, Role.GAGS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String plumes(long incident) {
        return "/api/incidents/" + incident + "/plumes";
    }

    private static long stored(long incident) {
        return Sql.count("SELECT count(*) FROM plume WHERE incident_id = ?", incident)
                + Sql.count("SELECT count(*) FROM plume_forecast WHERE incident_id = ?", incident)
                + Sql.count("SELECT count(*) FROM picture_element WHERE incident_id = ?", incident);
    }

    private static String forecast() {
        return PlumeApiTest.forecast(PlumeApiTest.hour("2026-11-23T10:00:00+01:00", 90));
    }

    @Test
    void onlyTheGagsOfTheRegionWritesPlumes() {
        long incident = TestIncidents.create("Pluim rechten", "actief");
        TestUser coordinator = TestUsers.user("Coco Coördinator", "Ziekenhuis Pluim", TestUsers.REGION, "pluimrechten:zh",
                Role.INFORMATIECOORDINATOR);
        Map<String, JsonClient> refused = Map.of("lezer", JsonClient.as(server, lezer), "informatiecoordinator",
                JsonClient.as(server, coordinator), "hoofd-informatie", hin);
        for (Map.Entry<String, JsonClient> who : refused.entrySet()) {
            for (String path : List.of(plumes(incident), plumes(incident) + "?preview=true")) {
                Response r = who.getValue().post(path, PlumeApiTest.SECTOR);
                assertEquals(403, r.status(), who.getKey() + " " + path + ": " + r.body());
                assertEquals("Forbidden", r.code());
            }
            Response f = who.getValue().post(plumes(incident) + "/forecast", forecast());
            assertEquals(403, f.status(), who.getKey() + " forecast: " + f.body());
        }
        assertEquals(0, stored(incident), "nothing stored by a refused write");

        assertEquals(200, gags.post(plumes(incident) + "?preview=true", PlumeApiTest.SECTOR).status());
        assertEquals(201, gags.post(plumes(incident), PlumeApiTest.SECTOR).status());
        Response f = gags.post(plumes(incident) + "/forecast", forecast());
        assertEquals(201, f.status(), f.body());
    }

    @Test
    void aGagsOfAnotherRegionDoesNotSeeTheIncidentAndInvitedStillDoesNotWriteItsPlume() {
        long incident = TestIncidents.create("Pluim buurregio", "actief");
        JsonClient zeeland = JsonClient.as(server, elsewhere);
        Response unseen = zeeland.post(plumes(incident), PlumeApiTest.SECTOR);
        assertEquals(404, unseen.status(), unseen.body());
        assertEquals("NotFound", unseen.code());
        assertEquals(404, zeeland.get(plumes(incident)).status());

        assertEquals(201, hin.post("/api/incidents/" + incident + "/invitations", "{\"organisationId\":" + elsewhere.organisationId() + "}").status());
        Response invited = zeeland.post(plumes(incident), PlumeApiTest.SECTOR);
        assertEquals(403, invited.status(), invited.body());
        assertTrue(invited.body().contains("own region"), invited.body());
        assertEquals(403, zeeland.post(plumes(incident) + "/forecast", forecast()).status());
        assertEquals(0, stored(incident));
        // Invited, it reads the plume the region published.
        assertEquals(201, gags.post(plumes(incident), PlumeApiTest.SECTOR).status());
        Response read = zeeland.get(plumes(incident) + "/current");
        assertEquals(200, read.status(), read.body());
        assertEquals("sector", read.json().path("plume").path("method").asText());
    }

    @Test
    void everyRoleOfTheRegionReadsPlumesThreatsAndForecasts() {
        long incident = TestIncidents.create("Pluim lezen", "actief");
        Response published = gags.post(plumes(incident), PlumeApiTest.SECTOR);
        assertEquals(201, published.status(), published.body());
        assertEquals(201, gags.post(plumes(incident) + "/forecast", forecast()).status());
        long id = published.json().path("plume").path("id").asLong();
        JsonClient reader = JsonClient.as(server, lezer);
        for (String path : List.of(plumes(incident), plumes(incident) + "/current", plumes(incident) + "/" + id,
                plumes(incident) + "/current/threats", plumes(incident) + "/current/threats?format=csv", plumes(incident) + "/forecast/latest",
                "/api/vocabularies/substances")) {
            Response r = reader.get(path);
            assertEquals(200, r.status(), path + ": " + r.body());
        }
    }

    @Test
    void aPlumeIsTheLoggedInUsersWhateverTheHeadersSay() {
        long incident = TestIncidents.create("Pluim auteur", "actief");
        JsonClient spoofing = JsonClient.withHeaders(server, Map.of("Authorization", "Bearer " + gagsUser.token(),
                "X-Zorgbeeld-Author", "Iemand%20Anders", "X-Zorgbeeld-Organisation", "Nep"));
        Response r = spoofing.post(plumes(incident), PlumeApiTest.SECTOR);
        assertEquals(201, r.status(), r.body());
        assertEquals("Gerrit GAGS", r.json().path("plume").path("author").asText());
        assertEquals("GHOR Utrecht", r.json().path("plume").path("organisation").asText());
        assertEquals(0, Sql.count("SELECT count(*) FROM picture_element WHERE incident_id = ? AND (author <> 'Gerrit GAGS'"
                + " OR organisation <> 'GHOR Utrecht')", incident), "the zone elements are the user's");
        assertEquals(3, Sql.count("SELECT count(*) FROM picture_element WHERE incident_id = ? AND author = 'Gerrit GAGS'", incident));
        assertEquals(4, Sql.count("SELECT count(*) FROM audit_entry WHERE incident_id = ? AND login = ? AND user_id = ?"
                + " AND (action = 'plume.create' OR action = 'element.create')", incident, gagsUser.login(), gagsUser.id()),
                "the plume and its three zones in the audit trail under the user's login");
    }

    @Test
    void thePlumeReachesTheLiveStreamAsCloudEventsOnlyForWhoMaySeeTheIncident() {
        long incident = TestIncidents.create("Pluim live", "actief");
        String live = "/api/incidents/" + incident + "/live";
        try (EventStream refused = EventStream.open(server.port(), live, Options.fresh().as(elsewhere))) {
            assertEquals(404, refused.status(), "an incident of another region, not invited");
        }
        try (EventStream s = EventStream.open(server.port(), live, Options.fresh().as(lezer))) {
            assertEquals(200, s.status());
            s.next("connected");
            Response r = gags.post(plumes(incident), PlumeApiTest.SECTOR);
            assertEquals(201, r.status(), r.body());
            long id = r.json().path("plume").path("id").asLong();
            List<EventStream.Event> events = s.until(e -> "change".equals(e.name()) && e.json().path("action").asText().equals("plume.create"));
            JsonNode plume = events.get(events.size() - 1).json();
            assertEquals("1.0", plume.path("specversion").asText());
            assertEquals("nl.zorgbeeld.plume.created", plume.path("type").asText());
            assertEquals("/api/incidents/" + incident, plume.path("source").asText());
            assertEquals("plumes/" + id, plume.path("subject").asText());
            assertEquals("Gerrit GAGS", plume.path("author").asText());
            assertEquals(id, plume.path("data").path("id").asLong());
            assertEquals("sector", plume.path("data").path("method").asText());
            long zones = events.stream().filter(e -> "change".equals(e.name()) && e.json().path("type").asText().equals("nl.zorgbeeld.element.created")).count();
            assertEquals(3, zones, "the zones arrive as element events of the same change, before the plume");
        }
    }
}

package nl.zorgbeeld.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import nl.zorgbeeld.testing.EventStream;
import nl.zorgbeeld.testing.EventStream.Options;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live streams under access control, in the real app: no stream without a login, an incident
 * stream of an invisible incident is a 404 before it opens, and both streams carry only incidents the
 * user may see, decided again for every event (an invitation given or taken away counts at once).
 * "Nothing arrived" is shown by order: a change the user may see, made afterwards, is the next event.
 */
class LiveAccessTest {
    private static TestServer server;
    private static JsonClient hin;
    private static JsonClient extern;
    private static TestUser externUser;
    private static TestUser lezer;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        hin = JsonClient.as(server, TestUsers.standard());
        externUser = TestUsers.user("Erik Extern", "GHOR Amsterdam-Amstelland", "VR13", null, Role.HOOFD_INFORMATIE);
        extern = JsonClient.as(server, externUser);
        lezer = TestUsers.user("Lieke Lezer", "GHOR Utrecht", Role.LEZER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long incident(JsonClient as, String title) {
        Response r = as.post("/api/incidents", "{\"title\":" + JsonClient.quote(title + " " + System.nanoTime()) + ",\"type\":\"brand\"}");
        assertEquals(201, r.status(), r.toString());
        return r.json().get("id").asLong();
    }

    private static void grip(JsonClient as, long incident, String grip) {
        Response current = as.get("/api/incidents/" + incident);
        Response r = as.patch("/api/incidents/" + incident, "{\"grip\":\"" + grip + "\"}", current.header("ETag"));
        assertEquals(200, r.status(), r.toString());
    }

    private static String stream(long incident) {
        return "/api/incidents/" + incident + "/live";
    }

    @Test
    void noStreamWithoutALogin() {
        long incident = incident(hin, "Zonder login");
        for (String path : new String[] {"/api/live", stream(incident)}) {
            try (EventStream s = EventStream.open(server.port(), path, Options.fresh().anonymous())) {
                assertEquals(401, s.status(), path);
                assertEquals("AuthenticationRequired", s.error().get("code").asText());
            }
        }
    }

    @Test
    void theIncidentListCarriesOnlyTheIncidentsTheUserMaySee() {
        long utrecht = incident(hin, "Utrecht");
        long amsterdam = incident(extern, "Amsterdam");
        try (EventStream externList = EventStream.open(server.port(), "/api/live", Options.fresh().as(externUser));
             EventStream lezerList = EventStream.open(server.port(), "/api/live", Options.fresh().as(lezer))) {
            externList.next("connected");
            lezerList.next("connected");
            grip(hin, utrecht, "2");
            grip(extern, amsterdam, "2");
            assertEquals(utrecht, lezerList.next("change").json().at("/data/id").asLong(), "the own region's incident");
            assertEquals(amsterdam, externList.next("change").json().at("/data/id").asLong(),
                    "the other region's change was not sent: the own one is the first to arrive");

            assertEquals(201, hin.post(stream(utrecht).replace("/live", "/invitations"),
                    "{\"organisationId\":" + externUser.organisationId() + "}").status());
            grip(hin, utrecht, "3");
            JsonNode invited = externList.next("change").json();
            assertEquals(utrecht, invited.at("/data/id").asLong(), "once invited, its changes arrive");
            assertEquals("3", invited.at("/data/grip").asText());
        }
    }

    @Test
    void anIncidentStreamIsRefusedUntilInvitedAndFollowsTheInvitation() {
        long incident = incident(hin, "Uitnodiging");
        String invitations = "/api/incidents/" + incident + "/invitations";
        try (EventStream refused = EventStream.open(server.port(), stream(incident), Options.fresh().as(externUser))) {
            assertEquals(404, refused.status(), "not told from an incident that does not exist");
            assertEquals("NotFound", refused.error().get("code").asText());
        }
        assertEquals(201, hin.post(invitations, "{\"organisationId\":" + externUser.organisationId() + "}").status());
        try (EventStream s = EventStream.open(server.port(), stream(incident), Options.fresh().as(externUser))) {
            assertEquals(200, s.status());
            s.next("connected");
            grip(hin, incident, "1");
            assertEquals("incident.updated", s.next("change").json().get("action").asText(), "invited: the changes arrive");

            assertEquals(204, hin.send("DELETE", invitations + "/" + externUser.organisationId(), null).status());
            grip(hin, incident, "2");
            assertEquals(201, hin.post(invitations, "{\"organisationId\":" + externUser.organisationId() + "}").status());
            assertEquals("invitation.added", s.next("change").json().get("action").asText(),
                    "while not invited (its removal and the GRIP change) nothing arrived; invited again, it does");
        }
    }
}

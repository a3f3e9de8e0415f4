package nl.zorgbeeld.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.auth.TokenScope;
import nl.zorgbeeld.status.StatusFixtures.Place;
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

/**
 * Who may report and who sees which institutions' status (auth/AccessRules): an institution's own
 * coordinator and the Hoofd Informatie of its region write; every role reads, but only the
 * institutions of its own region and of the regions of incidents its organisation is invited to, in
 * the single reads, the overview, the HAVE export and the status live stream. A refusal stores nothing.
 */
class StatusAccessTest {
    private static final String P = "stacc:";
    private static final String A = P + "a";
    private static final String B = P + "b";
    private static final String OTHER_REGION = "VRSTX";
    private static final String C = P + "x:c";
    private static final String D = P + "x:d";
    private static final String INVITED_REGION = "VRSTY";
    private static final String E = P + "y:e";
    private static final String REPORT = "{\"operationalStatus\":\"beperkt\",\"emergencyDepartment\":{\"status\":\"gesloten\"}}";
    private static TestServer server;
    private static TestUser coordinatorA;
    private static TestUser hinOther;
    private static TestUser invited;
    private static long incident;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        // A and B are in the fixtures' region (VR09), the standard user's; C and D in another, E in the invited organisation's.
        StatusFixtures.institutions(P, TestUsers.REGION, List.of(new Place(A, "Toegang A-ziekenhuis", "ziekenhuis", 5.1, 52.1),
                new Place(B, "Toegang B-ziekenhuis", "ziekenhuis", 5.2, 52.1)));
        StatusFixtures.institutions(P + "x:", OTHER_REGION, List.of(new Place(C, "Toegang C-ziekenhuis elders", "ziekenhuis", 6.1, 52.3),
                new Place(D, "Toegang D-ziekenhuis elders", "ziekenhuis", 6.2, 52.3)));
        StatusFixtures.institutions(P + "y:", INVITED_REGION, List.of(new Place(E, "Toegang E-ziekenhuis uitgenodigd", "ziekenhuis", 4.9, 52.4)));
        coordinatorA = TestUsers.user("Ilse Toegang", "Toegang A-ziekenhuis", TestUsers.REGION, A, Role.INFORMATIECOORDINATOR);
        hinOther = TestUsers.user("Piet Elders", "GHOR Toegang elders", OTHER_REGION, null, Role.HOOFD_INFORMATIE);
        invited = TestUsers.user("Ina Uitgenodigd", "GHOR Toegang uitgenodigd", INVITED_REGION, null, Role.HOOFD_INFORMATIE);
        incident = TestIncidents.create("Toegang statusmeldingen", "actief");
        Response invitation = JsonClient.as(server, TestUsers.standard()).post("/api/incidents/" + incident + "/invitations",
                "{\"organisationId\":" + invited.organisationId() + "}");
        assertEquals(201, invitation.status(), invitation.toString());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonClient as(TestUser user) {
        return JsonClient.as(server, user);
    }

    private static long reports(String id) {
        return Sql.count("SELECT count(*) FROM institution_status_report WHERE institution_id = ?", id);
    }

    private static List<String> ids(Response overview) {
        assertEquals(200, overview.status(), overview.toString());
        return StreamSupport.stream(overview.json().get("institutions").spliterator(), false).map(i -> i.at("/institution/id").asText()).toList();
    }

    @Test
    void theCoordinatorReportsForItsOwnInstitutionOnlyAndIsTheAuthor() {
        JsonClient coordinator = JsonClient.withHeaders(server, Map.of("Authorization", "Bearer " + coordinatorA.token(),
                "X-Zorgbeeld-Author", "Iemand Anders", "X-Zorgbeeld-Organisation", "Vervalst"));
        Response own = coordinator.post(StatusApiTest.path(A), REPORT);
        assertEquals(201, own.status(), own.toString());
        assertEquals("Ilse Toegang", own.json().at("/report/author").asText(), "the logged-in user, never a header");
        assertEquals("Toegang A-ziekenhuis", own.json().at("/report/organisation").asText());

        long before = reports(B);
        Response other = as(coordinatorA).post(StatusApiTest.path(B), REPORT);
        assertEquals(403, other.status(), other.toString());
        assertEquals("Forbidden", other.code());
        assertEquals("application/problem+json", other.header("Content-Type"));
        assertTrue(other.json().get("detail").asText().contains("only the own institution"), other.toString());
        assertEquals(before, reports(B), "nothing stored");
        Response confirm = as(coordinatorA).send("POST", StatusApiTest.path(B) + "/confirm", null, "If-Match", "\"" + before + "\"");
        assertEquals(403, confirm.status(), confirm.toString());
        assertEquals(before, reports(B));

        assertEquals(200, as(coordinatorA).get(StatusApiTest.path(B)).status(), "it reads the other institutions of its region");
    }

    @Test
    void readersAndOtherRolesMayNotReportButRead() {
        for (Role role : List.of(Role.LEZER, Role.GAGS, Role.ORGANISATIEBEHEERDER, Role.BEHEERDER)) {
            TestUser user = TestUsers.user("Toegang " + role.code(), "GHOR Toegang", TestUsers.REGION, null, role);
            long before = reports(B);
            Response r = as(user).post(StatusApiTest.path(B), REPORT);
            assertEquals(403, r.status(), role + ": " + r);
            assertEquals("Forbidden", r.code(), role + ": " + r);
            assertEquals(before, reports(B), "nothing stored");
            assertEquals(200, as(user).get(StatusApiTest.path(B)).status(), role + " reads");
            assertEquals(200, as(user).get(StatusApiTest.path(B) + "/history").status(), role + " reads the history");
            assertEquals(200, as(user).get("/api/vocabularies/institution-status").status(), role + " reads the vocabulary");
        }
    }

    @Test
    void theHoofdInformatieReportsForItsRegionAndAnotherRegionsIsNotFound() {
        Response own = JsonClient.as(server, TestUsers.standard()).post(StatusApiTest.path(B), "{\"operationalStatus\":\"normaal\"}");
        assertEquals(201, own.status(), own.toString());

        long before = reports(A);
        Response other = as(hinOther).post(StatusApiTest.path(A), REPORT);
        assertEquals(404, other.status(), "another region's institution is unknown to it, as another region's incident is: " + other);
        assertEquals("NotFound", other.code());
        assertEquals(before, reports(A));
        assertEquals(404, as(hinOther).get(StatusApiTest.path(A)).status());
        assertEquals(404, as(hinOther).get(StatusApiTest.path(A) + "/history").status());
        assertEquals(404, as(hinOther).send("POST", StatusApiTest.path(A) + "/confirm", null, "If-Match", "\"1\"").status());
        assertEquals(201, as(hinOther).post(StatusApiTest.path(C), "{\"operationalStatus\":\"normaal\"}").status(), "its own region's");
    }

    @Test
    void anInvitedOrganisationSeesTheIncidentsRegionButDoesNotReportThere() {
        assertEquals(201, as(coordinatorA).post(StatusApiTest.path(A), REPORT).status());
        assertEquals(200, as(invited).get(StatusApiTest.path(A)).status(), as(invited).get(StatusApiTest.path(A)).toString());
        assertTrue(ids(as(invited).get("/api/institutions/status")).contains(A), "the invited incident's region is in its overview");
        long before = reports(A);
        Response r = as(invited).post(StatusApiTest.path(A), REPORT);
        assertEquals(403, r.status(), r.toString());
        assertEquals(before, reports(A));
        assertEquals(404, as(invited).get(StatusApiTest.path(C)).status(), "a region it is not invited to stays hidden");
    }

    @Test
    void theOverviewAndItsExportsListOnlyTheRegionsTheUserMaySee() {
        assertEquals(201, as(coordinatorA).post(StatusApiTest.path(A), REPORT).status());
        assertEquals(201, as(hinOther).post(StatusApiTest.path(C), REPORT).status());

        JsonClient vr09 = JsonClient.as(server, TestUsers.user("Lea Lezer", "GHOR Toegang", TestUsers.REGION, null, Role.LEZER));
        Response overview = vr09.get("/api/institutions/status?all=true");
        List<String> seen = ids(overview);
        assertTrue(seen.containsAll(List.of(A, B)), seen.toString());
        assertFalse(seen.contains(C) || seen.contains(D) || seen.contains(E), "no other region's institutions: " + seen);
        for (JsonNode item : overview.json().get("institutions")) {
            assertEquals(TestUsers.REGION, item.at("/institution/regionCode").asText(), item.toString());
        }
        assertEquals(List.of(), ids(vr09.get("/api/institutions/status?region=" + OTHER_REGION)), "asking for another region gives nothing");
        String csv = vr09.send("GET", "/api/institutions/status?all=true&format=csv", null).body();
        assertTrue(csv.contains(A) && !csv.contains(C), "the CSV as the overview");
        HttpResponse<String> xml = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/institutions/status?all=true")))
                .header("Accept", "application/xml").header("Authorization", "Bearer " + vr09.user().token()).GET().build());
        assertEquals(200, xml.statusCode());
        assertTrue(xml.body().contains("xnl:ID=\"" + A + "\"") && !xml.body().contains(C), "the EDXL-HAVE export as the overview");

        assertTrue(ids(as(hinOther).get("/api/institutions/status")).contains(C));
        assertFalse(ids(as(hinOther).get("/api/institutions/status?all=true")).contains(A));
    }

    @Test
    void anImportIsRefusedWholeWhenOneHospitalIsNotTheUsers() {
        long beforeA = reports(A);
        long beforeB = reports(B);
        String both = StatusHaveTest.document(StatusHaveTest.hospital(A, "") + StatusHaveTest.hospital(B, ""));
        Response mixed = importHave(coordinatorA, both);
        assertEquals(403, mixed.status(), mixed.toString());
        assertEquals("Hospital[2]", mixed.where());
        assertEquals(beforeA, reports(A), "all or nothing");
        assertEquals(beforeB, reports(B));

        Response hidden = importHave(hinOther, StatusHaveTest.document(StatusHaveTest.hospital(C, "") + StatusHaveTest.hospital(A, "")));
        assertEquals(404, hidden.status(), "an institution it cannot see is unknown: " + hidden);
        assertEquals("Hospital[2]", hidden.where());

        Response lezer = importHave(TestUsers.user("Lea Lezer", "GHOR Toegang", TestUsers.REGION, null, Role.LEZER),
                StatusHaveTest.document(StatusHaveTest.hospital(B, "")));
        assertEquals(403, lezer.status(), lezer.toString());

        Response own = importHave(coordinatorA, StatusHaveTest.document(StatusHaveTest.hospital(A, "")));
        assertEquals(201, own.status(), own.toString());
        assertEquals(beforeA + 1, reports(A));
        assertEquals(beforeB, reports(B));
    }

    @Test
    void withoutLoginNothingAndAReadTokenOnlyReads() {
        JsonClient nobody = JsonClient.anonymous(server);
        for (String path : List.of("/api/institutions/status", StatusApiTest.path(A), StatusApiTest.path(A) + "/history",
                "/api/vocabularies/institution-status")) {
            assertEquals(401, nobody.get(path).status(), path);
        }
        assertEquals(401, nobody.post(StatusApiTest.path(A), REPORT).status());
        String read = TestUsers.token(coordinatorA, TokenScope.READ, OffsetDateTime.now().plusHours(1));
        JsonClient readOnly = JsonClient.withHeaders(server, Map.of("Authorization", "Bearer " + read));
        long before = reports(A);
        Response r = readOnly.post(StatusApiTest.path(A), REPORT);
        assertEquals(403, r.status(), r.toString());
        assertEquals(before, reports(A));
        assertEquals(200, readOnly.get(StatusApiTest.path(A)).status());
    }

    @Test
    void theStatusLiveStreamCarriesOnlyTheRegionsTheUserMaySee() {
        // A guest of its own, whose invitation this test ends without changing the other tests' guest.
        TestUser guestUser = TestUsers.user("Gijs Gast", "GHOR Toegang gast", INVITED_REGION, null, Role.HOOFD_INFORMATIE);
        JsonClient hin = JsonClient.as(server, TestUsers.standard());
        long liveIncident = TestIncidents.create("Toegang live", "actief");
        String invitations = "/api/incidents/" + liveIncident + "/invitations";
        assertEquals(201, hin.post(invitations, "{\"organisationId\":" + guestUser.organisationId() + "}").status());
        try (EventStream vr09 = EventStream.open(server.port(), "/api/institutions/status/live");
             EventStream other = EventStream.open(server.port(), "/api/institutions/status/live", EventStream.Options.fresh().as(hinOther));
             EventStream guest = EventStream.open(server.port(), "/api/institutions/status/live", EventStream.Options.fresh().as(guestUser))) {
            for (EventStream s : List.of(vr09, other, guest)) {
                assertEquals(200, s.status());
                s.next("connected");
            }
            // In this order: A (VR09), C (elsewhere), B (VR09), D (elsewhere). Each stream's next events show what it skipped.
            assertEquals(201, as(coordinatorA).post(StatusApiTest.path(A), REPORT).status());
            assertEquals(201, as(hinOther).post(StatusApiTest.path(C), REPORT).status());
            assertEquals(201, JsonClient.as(server, TestUsers.standard()).post(StatusApiTest.path(B), REPORT).status());
            assertEquals(201, as(hinOther).post(StatusApiTest.path(D), REPORT).status());
            assertEquals(List.of(A, B), institutions(vr09, 2));
            assertEquals(List.of(C, D), institutions(other, 2));
            assertEquals(List.of(A, B), institutions(guest, 2), "invited to a VR09 incident: VR09's institutions");

            // The invitation ends: the guest's stream stops carrying VR09 at once.
            assertEquals(204, hin.send("DELETE", invitations + "/" + guestUser.organisationId(), null).status());
            assertEquals(201, as(coordinatorA).post(StatusApiTest.path(A), REPORT).status());
            assertEquals(201, as(guestUser).post(StatusApiTest.path(E), REPORT).status());
            assertEquals(List.of(E), institutions(guest, 1));
            assertEquals(404, as(guestUser).get(StatusApiTest.path(A)).status());
        }
    }

    /** The institutions of the stream's next {@code n} status events. */
    private static List<String> institutions(EventStream stream, int n) {
        List<String> ids = new java.util.ArrayList<>();
        while (ids.size() < n) ids.add(stream.next("change").json().at("/data/institutionId").asText());
        return ids;
    }

    private static Response importHave(TestUser user, String xml) {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/institutions/status")))
                .header("Content-Type", "application/xml").header("Authorization", "Bearer " + user.token())
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build());
        return new Response(r.statusCode(), r.body().startsWith("{") ? nl.zorgbeeld.common.Json.tree(r.body()) : null, r.body(), r);
    }
}

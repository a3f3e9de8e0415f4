package nl.zorgbeeld.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.status.StatusFixtures.Place;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad status reports, sent by the institution's own coordinator: a 4xx JSON error naming the field, and nothing stored. */
class StatusBadInputTest {
    private static final String ID = "stbad:ziekenhuis";
    private static final String REGION = "VRSTB";
    private static TestServer server;
    private static JsonClient coordinator;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        coordinator = JsonClient.as(server, TestUsers.user("Ilse", "Ziekenhuis Fout", REGION, ID, Role.INFORMATIECOORDINATOR));
        StatusFixtures.institutions("stbad:", REGION, List.of(new Place(ID, "Ziekenhuis Fout", "ziekenhuis", 5.1, 52.1)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long stored() {
        return Sql.count("SELECT count(*) FROM institution_status_report WHERE institution_id = ?", ID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative beds          | {"beds":{"ic-volwassenen":{"available":-1,"total":4}}}       | beds.ic-volwassenen.available
            non-integer beds       | {"beds":{"nicu":{"total":2.5}}}                               | beds.nicu.total
            beds as text           | {"beds":{"nicu":{"total":"3"}}}                               | beds.nicu.total
            more free than total   | {"beds":{"seh":{"available":9,"total":4}}}                    | beds.seh.available
            unknown bed type       | {"beds":{"kraamafdeling":{"total":4}}}                        | beds.kraamafdeling
            unknown bed field      | {"beds":{"seh":{"vrij":4}}}                                   | beds.seh.vrij
            unknown status         | {"operationalStatus":"dicht"}                                 | operationalStatus
            status in English      | {"operationalStatus":"normal"}                                | operationalStatus
            unknown SEH status     | {"emergencyDepartment":{"status":"closed"}}                   | emergencyDepartment.status
            unknown staffing       | {"staffing":"genoeg"}                                         | staffing
            unknown continuity     | {"continuity":{"power":"uit"}}                                | continuity.power
            unknown continuity key | {"continuity":{"gas":"kritiek"}}                              | continuity.gas
            negative received      | {"received":{"t1":-2}}                                        | received.t1
            non-integer received   | {"received":{"t2":1.5}}                                       | received.t2
            unknown triage class   | {"received":{"t4":1}}                                         | received.t4
            too many beds          | {"beds":{"algemeen":{"total":100001}}}                        | beds.algemeen.total
            unknown decon status   | {"decontamination":{"status":"dicht"}}                        | decontamination.status
            beds not an object     | {"beds":[1,2]}                                                | beds
            incident id as text    | {"incidentId":"12","operationalStatus":"normaal"}             | incidentId
            negative decon         | {"decontamination":{"capacityPerHour":-5}}                    | decontamination.capacityPerHour
            unknown field          | {"operationalStatus":"normaal","sehStatus":"open"}            | sehStatus
            bad time               | {"reportedAt":"gisteren"}                                     | reportedAt
            time in the future     | {"reportedAt":"2999-01-01T10:00:00+01:00"}                    | reportedAt
            unknown incident       | {"incidentId":999999999,"operationalStatus":"normaal"}        | incidentId
            not JSON               | operationalStatus=normaal                                     | body
            """)
    void isRefusedNamingTheFieldAndStoresNothing(String name, String body, String where) {
        long before = stored();
        Response r = coordinator.post(StatusApiTest.path(ID), body);
        assertEquals(400, r.status(), r.toString());
        assertEquals(where, r.where(), r.toString());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals(before, stored(), "nothing stored");
    }

    @Test
    void aTooLongReasonIsRefused() {
        Response r = coordinator.post(StatusApiTest.path(ID), "{\"emergencyDepartment\":{\"status\":\"gesloten\",\"reason\":\""
                + "x".repeat(StatusInput.REASON_LENGTH + 1) + "\"}}");
        assertEquals(400, r.status());
        assertEquals("emergencyDepartment.reason", r.where());
        assertEquals(0, stored());
    }

    @Test
    void anUnknownInstitutionIs404() {
        Response r = coordinator.post(StatusApiTest.path("stbad:bestaat-niet"), "{\"operationalStatus\":\"normaal\"}");
        assertEquals(404, r.status(), r.toString());
        assertEquals(0, Sql.count("SELECT count(*) FROM institution_status WHERE institution_id = 'stbad:bestaat-niet'"));
    }

    @Test
    void aReportForAClosedIncidentIsAConflict() {
        long closed = StatusFixtures.incident("Afgesloten", "gesloten", REGION);
        Response r = coordinator.post(StatusApiTest.path(ID), "{\"incidentId\":" + closed + ",\"operationalStatus\":\"normaal\"}");
        assertEquals(409, r.status(), r.toString());
        assertEquals("incidentId", r.where());
        assertEquals(0, stored());
    }

    @Test
    void anIncidentTheReporterCannotSeeIsNoIncident() {
        long elsewhere = StatusFixtures.incident("Elders", "actief", "VRSTB-ELDERS");
        Response r = coordinator.post(StatusApiTest.path(ID), "{\"incidentId\":" + elsewhere + ",\"operationalStatus\":\"normaal\"}");
        assertEquals(400, r.status(), r.toString());
        assertEquals("incidentId", r.where());
        assertEquals("There is no incident " + elsewhere, r.json().get("detail").asText(), "not told apart from an unknown incident");
        assertEquals(0, stored());
    }

    @Test
    void writesNeedALogin() {
        Response r = JsonClient.anonymous(server).post(StatusApiTest.path(ID), "{\"operationalStatus\":\"normaal\"}");
        assertEquals(401, r.status(), r.toString());
        assertEquals("AuthenticationRequired", r.code());
        assertEquals(0, stored());
    }

    @ParameterizedTest(name = "confirm: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            time in the future | {"reportedAt":"2999-01-01T10:00:00+01:00"} | reportedAt
            bad time           | {"reportedAt":"straks"}                    | reportedAt
            unknown field      | {"operationalStatus":"gesloten"}           | operationalStatus
            unknown incident   | {"incidentId":999999999}                   | incidentId
            """)
    void aBadConfirmationIsRefusedAndStoresNothing(String name, String body, String where) {
        String id = "stbad:bevestig";
        StatusFixtures.institutions(id, REGION, List.of(new Place(id, "Ziekenhuis Bevestig Fout", "ziekenhuis", 5.2, 52.1)));
        JsonClient hin = JsonClient.as(server, TestUsers.user("Hanna Fout", "GHOR Statusregio B", REGION, null, Role.HOOFD_INFORMATIE));
        Response first = hin.post(StatusApiTest.path(id), "{\"operationalStatus\":\"normaal\"}");
        assertEquals(201, first.status(), first.toString());
        Response r = hin.send("POST", StatusApiTest.path(id) + "/confirm", body, "If-Match", first.header("ETag"));
        assertEquals(400, r.status(), r.toString());
        assertEquals(where, r.where(), r.toString());
        assertEquals(1, Sql.count("SELECT count(*) FROM institution_status_report WHERE institution_id = ?", id), "nothing stored");
    }

    @Test
    void badOverviewParametersAreRefused() {
        assertEquals("type", coordinator.get("/api/institutions/status?type=kasteel").where());
        assertEquals("status", coordinator.get("/api/institutions/status?status=dicht").where());
        assertEquals("emergencyDepartment", coordinator.get("/api/institutions/status?emergencyDepartment=dicht").where());
        assertEquals("format", coordinator.get("/api/institutions/status?format=pdf").where());
        assertEquals("at", coordinator.get("/api/institutions/status?at=gisteren").where());
        assertEquals("regio", coordinator.get("/api/institutions/status?regio=VR09").where());
        assertEquals(400, coordinator.get("/api/institutions/" + ID + "/status/history?from=" + OffsetDateTime.now()
                + "&to=" + OffsetDateTime.now().minusDays(1)).status());
    }
}

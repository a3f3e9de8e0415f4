package nl.zorgbeeld.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import nl.zorgbeeld.status.StatusFixtures.Place;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad status reports: a 4xx JSON error naming the field, and nothing stored. */
class StatusBadInputTest {
    private static final String ID = "stbad:ziekenhuis";
    private static TestServer server;
    private static JsonClient coordinator;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        coordinator = new JsonClient(server, "Ilse", "Ziekenhuis");
        StatusFixtures.institutions("stbad:", "VRSTB", List.of(new Place(ID, "Ziekenhuis Fout", "ziekenhuis", 5.1, 52.1)));
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
        long closed = StatusFixtures.incident("Afgesloten", "gesloten", "VRSTB");
        Response r = coordinator.post(StatusApiTest.path(ID), "{\"incidentId\":" + closed + ",\"operationalStatus\":\"normaal\"}");
        assertEquals(409, r.status(), r.toString());
        assertEquals("incidentId", r.where());
        assertEquals(0, stored());
    }

    @Test
    void writesNeedToSayWho() {
        Response r = new JsonClient(server, null, null).post(StatusApiTest.path(ID), "{\"operationalStatus\":\"normaal\"}");
        assertEquals(400, r.status());
        assertEquals(0, stored());
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

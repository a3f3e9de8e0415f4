package nl.zorgbeeld.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

/**
 * Status reports: versions with who (the logged-in user) and when, unknown kept apart from zero, ?at=,
 * confirming unchanged, history. The coordinator reports for its own institution, the Hoofd
 * Informatie of the region for the others.
 */
class StatusApiTest {
    private static final String PREFIX = "stapi:";
    private static final String REGION = "VRSTA";
    private static TestServer server;
    private static JsonClient coordinator;
    private static JsonClient hin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        coordinator = JsonClient.as(server, TestUsers.user("Ilse Coördinator", "Ziekenhuis Rivierenland", REGION, PREFIX + "versies",
                Role.INFORMATIECOORDINATOR));
        hin = JsonClient.as(server, TestUsers.user("Anaïs Statusregio", "GHOR Statusregio A", REGION, null, Role.HOOFD_INFORMATIE));
        StatusFixtures.institutions(PREFIX, REGION, List.of(
                new Place(PREFIX + "versies", "Ziekenhuis Versies", "ziekenhuis", 5.1, 52.1),
                new Place(PREFIX + "bevestig", "Ziekenhuis Bevestig", "ziekenhuis", 5.2, 52.1),
                new Place(PREFIX + "tegelijk", "Ziekenhuis Tegelijk", "ziekenhuis", 5.25, 52.1),
                new Place(PREFIX + "leeg", "Ziekenhuis Zonder Melding", "ziekenhuis", 5.3, 52.1),
                new Place(PREFIX + "oud", "Ziekenhuis Oud", "ziekenhuis", 5.4, 52.1)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String path(String id) {
        return "/api/institutions/" + id + "/status";
    }

    @Test
    void everyReportIsANewVersionWithWhoAndWhenAndUnknownStaysNull() {
        String id = PREFIX + "versies";
        Response first = coordinator.post(path(id), "{\"operationalStatus\":\"normaal\",\"emergencyDepartment\":{\"status\":\"open\"},"
                + "\"beds\":{\"ic-volwassenen\":{\"available\":3,\"total\":12},\"seh\":{\"total\":20}},\"received\":{\"t1\":0}}");
        assertEquals(201, first.status(), first.toString());
        assertEquals("\"1\"", first.header("ETag"));
        JsonNode report = first.json().get("report");
        assertEquals(1, report.get("version").asInt());
        assertEquals("Ilse Coördinator", report.get("author").asText());
        assertEquals("Ziekenhuis Rivierenland", report.get("organisation").asText());
        assertEquals("api", report.get("source").asText());
        assertEquals(3, report.at("/beds/ic-volwassenen/available").asInt());
        assertTrue(report.at("/beds/seh").has("available") && report.at("/beds/seh/available").isNull(), "free SEH beds not reported: null");
        assertFalse(report.get("beds").has("nicu"), "a bed type not reported is absent, not 0");
        assertEquals(0, report.at("/received/t1").asInt(), "0 reported is 0");
        assertTrue(report.at("/received/t2").isNull(), "t2 not reported: null, never 0");
        assertTrue(report.get("staffing").isNull());
        assertTrue(report.at("/continuity/power").isNull());
        OffsetDateTime between = OffsetDateTime.now(ZoneOffset.UTC);

        Response second = coordinator.post(path(id), "{\"operationalStatus\":\"beperkt\",\"emergencyDepartment\":"
                + "{\"status\":\"omleiding\",\"reason\":\"CT-scanner defect\"},\"beds\":{\"ic-volwassenen\":{\"available\":0,\"total\":12}}}");
        assertEquals(201, second.status(), second.toString());
        assertEquals(2, second.json().at("/report/version").asInt());

        Response now = coordinator.get(path(id));
        assertEquals(200, now.status());
        assertEquals("\"2\"", now.header("ETag"));
        assertEquals("beperkt", now.json().at("/report/operationalStatus").asText());
        assertEquals("CT-scanner defect", now.json().at("/report/emergencyDepartment/reason").asText());

        Response earlier = coordinator.get(path(id) + "?at=" + between);
        assertEquals(1, earlier.json().at("/report/version").asInt(), earlier.toString());
        assertEquals("normaal", earlier.json().at("/report/operationalStatus").asText());

        Response history = coordinator.get(path(id) + "/history");
        assertEquals(200, history.status());
        assertEquals(List.of(1, 2), history.json().get("reports").findValues("version").stream().map(JsonNode::asInt).toList());
        assertEquals(2, Sql.count("SELECT count(*) FROM institution_status_report WHERE institution_id = ?", id));
    }

    @Test
    void ongewijzigdBevestigenMakesANewVersionWithTheSameContentAndANewTime() {
        String id = PREFIX + "bevestig";
        Response none = hin.send("POST", path(id) + "/confirm", null, "If-Match", "\"0\"");
        assertEquals(409, none.status(), "nothing to confirm before the first report: " + none);

        Response first = hin.post(path(id), "{\"reportedAt\":\"" + OffsetDateTime.now().minusMinutes(30)
                + "\",\"operationalStatus\":\"normaal\",\"beds\":{\"nicu\":{\"available\":2,\"total\":8}},\"needs\":\"O-negatief bloed\"}");
        assertEquals(201, first.status(), first.toString());
        assertEquals(428, hin.send("POST", path(id) + "/confirm", null).status(), "confirming needs If-Match");
        assertEquals(412, hin.send("POST", path(id) + "/confirm", null, "If-Match", "\"7\"").status());

        Response confirmed = hin.send("POST", path(id) + "/confirm", null, "If-Match", first.header("ETag"));
        assertEquals(201, confirmed.status(), confirmed.toString());
        JsonNode before = first.json().get("report");
        JsonNode after = confirmed.json().get("report");
        assertEquals(2, after.get("version").asInt());
        assertEquals(1, after.get("confirmsVersion").asInt());
        for (String field : List.of("operationalStatus", "emergencyDepartment", "beds", "received", "decontamination", "staffing",
                "continuity", "needs", "remarks")) {
            assertEquals(before.get(field), after.get(field), field + " is confirmed unchanged");
        }
        assertTrue(OffsetDateTime.parse(after.get("reportedAt").asText()).isAfter(OffsetDateTime.parse(before.get("reportedAt").asText())),
                "the confirmation carries a new time");
        assertTrue(confirmed.json().get("ageSeconds").asLong() < 60, "a confirmed report is fresh again");
    }

    @Test
    void aReportMadeMeanwhileIsNotOverwrittenWhenIfMatchIsSent() {
        String id = PREFIX + "tegelijk";
        assertEquals(201, hin.post(path(id), "{\"operationalStatus\":\"normaal\"}").status());
        Response current = hin.get(path(id));
        Response stale = hin.send("POST", path(id), "{\"operationalStatus\":\"gesloten\"}", "If-Match", "\"0\"");
        assertEquals(412, stale.status(), stale.toString());
        assertEquals(current.json().at("/report/version"), stale.json().at("/current/report/version"), "the 412 carries the current state");
        assertEquals("Anaïs Statusregio", stale.json().at("/current/report/author").asText(), "error bodies are UTF-8");
        assertNotEquals("gesloten", hin.get(path(id)).json().at("/report/operationalStatus").asText());
    }

    @Test
    void anInstitutionWithoutReportsHasVersionZeroAndNoReport() {
        Response none = hin.get(path(PREFIX + "leeg"));
        assertEquals(200, none.status(), none.toString());
        assertEquals("\"0\"", none.header("ETag"));
        assertFalse(none.json().has("report"));
        assertEquals("Ziekenhuis Zonder Melding", none.json().at("/institution/name").asText());
        assertEquals(404, hin.get(path(PREFIX + "bestaat-niet")).status());
    }

    @Test
    void aReportCannotBePlacedBeforeANewerOne() {
        String id = PREFIX + "oud";
        assertEquals(201, hin.post(path(id), "{\"operationalStatus\":\"normaal\"}").status());
        Response older = hin.post(path(id), "{\"reportedAt\":\"" + OffsetDateTime.now().minusHours(3) + "\",\"operationalStatus\":\"gesloten\"}");
        assertEquals(400, older.status(), older.toString());
        assertEquals("reportedAt", older.where());
        assertEquals(1, Sql.count("SELECT count(*) FROM institution_status_report WHERE institution_id = ?", id));
    }

    @Test
    void theVocabulariesListEveryCodeWithItsLabelAndHaveCounterpart() {
        Response vocabularies = coordinator.get("/api/vocabularies/institution-status");
        assertEquals(200, vocabularies.status());
        assertEquals(List.of("normaal", "beperkt", "evacuerend", "gesloten"),
                vocabularies.json().get("operationalStatuses").findValues("code").stream().map(JsonNode::asText).toList());
        assertEquals(List.of("open", "omleiding", "gesloten"),
                vocabularies.json().get("emergencyDepartmentStatuses").findValues("code").stream().map(JsonNode::asText).toList());
        assertEquals(List.of("ic-volwassenen", "ic-kinderen", "nicu", "seh", "mc", "brandwonden", "psychiatrie", "isolatie", "algemeen"),
                vocabularies.json().get("bedTypes").findValues("code").stream().map(JsonNode::asText).toList());
        assertEquals("Closed", vocabularies.json().at("/emergencyDepartmentStatuses/2/have").asText());
        assertEquals(60, vocabularies.json().get("staleMinutes").asInt());
    }
}

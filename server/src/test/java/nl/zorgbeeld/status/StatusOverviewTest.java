package nl.zorgbeeld.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.status.StatusFixtures.Place;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The regional overview: filters, bed totals over what was reported, report age against the norm, ?at=, CSV. */
class StatusOverviewTest {
    private static final String P = "stover:";
    private static final String REGION = "VRSTO";
    private static TestServer server;
    private static JsonClient client;
    private static JsonClient elsewhere;
    private static OffsetDateTime beforeReports;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = JsonClient.as(server, TestUsers.user("Hanna HIN", "GHOR Overzichtregio", REGION, null, Role.HOOFD_INFORMATIE));
        elsewhere = JsonClient.as(server, TestUsers.user("Piet HIN", "GHOR Overzichtregio elders", "VRSTP", null, Role.HOOFD_INFORMATIE));
        StatusFixtures.institutions(P, REGION, List.of(
                new Place(P + "a", "A-ziekenhuis", "ziekenhuis", 5.1, 52.1),
                new Place(P + "b", "B-ziekenhuis", "ziekenhuis", 5.2, 52.1),
                new Place(P + "c", "C-verpleeghuis", "vvt", 5.3, 52.1),
                new Place(P + "d", "D-ziekenhuis zonder melding", "ziekenhuis", 5.4, 52.1)));
        StatusFixtures.institutions(P + "elders:", "VRSTP", List.of(new Place(P + "elders:e", "E-ziekenhuis elders", "ziekenhuis", 6.1, 52.1)));
        beforeReports = OffsetDateTime.now();
        report(P + "a", "{\"operationalStatus\":\"normaal\",\"emergencyDepartment\":{\"status\":\"open\"},"
                + "\"beds\":{\"ic-volwassenen\":{\"available\":3,\"total\":10},\"seh\":{\"total\":20}}}");
        report(P + "b", "{\"reportedAt\":\"" + OffsetDateTime.now().minusHours(2) + "\",\"operationalStatus\":\"beperkt\","
                + "\"emergencyDepartment\":{\"status\":\"gesloten\",\"reason\":\"Stroomuitval\"},"
                + "\"beds\":{\"ic-volwassenen\":{\"available\":2,\"total\":8},\"nicu\":{\"available\":1,\"total\":4}}}");
        report(P + "c", "{\"operationalStatus\":\"normaal\"}");
        assertEquals(201, elsewhere.post(StatusApiTest.path(P + "elders:e"), "{\"operationalStatus\":\"gesloten\"}").status());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void report(String id, String body) {
        Response r = client.post(StatusApiTest.path(id), body);
        assertEquals(201, r.status(), r.toString());
    }

    private static List<String> names(Response r) {
        assertEquals(200, r.status(), r.toString());
        return StreamSupport.stream(r.json().get("institutions").spliterator(), false).map(i -> i.at("/institution/name").asText()).toList();
    }

    private static Map<String, JsonNode> byId(Response r) {
        return StreamSupport.stream(r.json().get("institutions").spliterator(), false)
                .collect(Collectors.toMap(i -> i.at("/institution/id").asText(), i -> i));
    }

    @Test
    void listsTheReportedInstitutionsOfTheRegionWithBedTotals() {
        Response r = client.get("/api/institutions/status?region=" + REGION);
        assertEquals(List.of("A-ziekenhuis", "B-ziekenhuis", "C-verpleeghuis"), names(r));
        JsonNode ic = r.json().at("/totals/ic-volwassenen");
        assertEquals(5, ic.get("available").asInt());
        assertEquals(18, ic.get("total").asInt());
        assertEquals(2, ic.get("institutions").asInt());
        JsonNode seh = r.json().at("/totals/seh");
        assertTrue(seh.get("available").isNull(), "nobody reported free SEH beds: the total is unknown, not 0");
        assertEquals(20, seh.get("total").asInt());
        assertEquals(0, seh.get("institutions").asInt());
        assertFalse(r.json().get("totals").has("brandwonden"), "a bed type nobody reported has no total");
        assertEquals(60, r.json().get("staleMinutes").asInt());
    }

    @Test
    void filtersByTypeStatusAndEmergencyDepartmentAndCanIncludeInstitutionsWithoutReport() {
        assertEquals(List.of("C-verpleeghuis"), names(client.get("/api/institutions/status?region=" + REGION + "&type=vvt")));
        assertEquals(List.of("B-ziekenhuis"), names(client.get("/api/institutions/status?region=" + REGION + "&status=beperkt")));
        assertEquals(List.of("B-ziekenhuis"), names(client.get("/api/institutions/status?region=" + REGION + "&emergencyDepartment=gesloten")));
        assertEquals(List.of("A-ziekenhuis", "B-ziekenhuis", "C-verpleeghuis", "D-ziekenhuis zonder melding"),
                names(client.get("/api/institutions/status?region=" + REGION + "&all=true")));
        assertEquals(List.of("D-ziekenhuis zonder melding"), names(client.get("/api/institutions/status?region=" + REGION
                + "&all=true&status=onbekend")));
        List<String> everyRegion = names(client.get("/api/institutions/status"));
        assertTrue(everyRegion.containsAll(List.of("A-ziekenhuis", "B-ziekenhuis", "C-verpleeghuis")), everyRegion.toString());
        assertFalse(everyRegion.contains("E-ziekenhuis elders"), "without region: every region the user may see, not another");
        JsonClient beheerder = JsonClient.as(server, TestUsers.user("Bea Beheer", "GHOR Overzichtregio", REGION, null, Role.BEHEERDER));
        assertTrue(names(beheerder.get("/api/institutions/status")).containsAll(List.of("A-ziekenhuis", "E-ziekenhuis elders")),
                "the beheerder sees every region");
    }

    @Test
    void aReportOlderThanTheNormIsStaleOnlyDuringAnActiveIncidentInItsRegion() {
        Map<String, JsonNode> quiet = byId(client.get("/api/institutions/status?region=" + REGION));
        JsonNode b = quiet.get(P + "b");
        assertTrue(b.get("ageSeconds").asLong() >= 2 * 3600 - 5, b.toString());
        assertFalse(b.get("normApplies").asBoolean());
        assertFalse(b.get("stale").asBoolean(), "no active incident: an old report is not stale");

        StatusFixtures.incident("Grote brand", "actief", REGION);
        Map<String, JsonNode> active = byId(client.get("/api/institutions/status?region=" + REGION));
        assertTrue(active.get(P + "b").get("normApplies").asBoolean());
        assertTrue(active.get(P + "b").get("stale").asBoolean(), "two hours old against a norm of 60 minutes");
        assertFalse(active.get(P + "a").get("stale").asBoolean(), "a fresh report is not stale");
        assertFalse(byId(elsewhere.get("/api/institutions/status?region=VRSTP")).get(P + "elders:e").get("normApplies").asBoolean(),
                "an incident in another region does not apply the norm");
    }

    @Test
    void atAnEarlierMomentShowsWhatWasKnownThen() {
        Response then = client.get("/api/institutions/status?region=" + REGION + "&all=true&at=" + beforeReports);
        assertEquals(4, then.json().get("institutions").size());
        for (JsonNode item : then.json().get("institutions")) assertFalse(item.has("report"), item.toString());
        assertEquals(0, then.json().get("totals").size());
        assertEquals(List.of(), names(client.get("/api/institutions/status?region=" + REGION + "&at=" + beforeReports)));
    }

    @Test
    void downloadsAsCsvWithEmptyCellsForUnknown() {
        Response csv = client.send("GET", "/api/institutions/status?region=" + REGION + "&all=true&format=csv", null);
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.header("Content-Disposition").contains("zorgbeeld-status-vrsto.csv"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].startsWith("\uFEFFinstelling_id;naam;type;veiligheidsregio;status;seh;seh_reden;gemeld_op;leeftijd_min;verouderd;"
                + "bedden_ic-volwassenen_vrij;bedden_ic-volwassenen_totaal"), lines[0]);
        assertEquals(5, lines.length, "a header and four institutions");
        String[] a = lines[1].split(";", -1);
        assertEquals("A-ziekenhuis", a[1]);
        assertEquals("normaal", a[4]);
        assertEquals("3", a[10]);
        assertEquals("10", a[11]);
        int sehFree = List.of(lines[0].split(";")).indexOf("bedden_seh_vrij");
        assertEquals("", a[sehFree], "free SEH beds unknown: an empty cell, not 0");
        assertEquals("20", a[sehFree + 1]);
        assertTrue(lines[4].contains("D-ziekenhuis zonder melding;ziekenhuis;VRSTO;geen melding"), lines[4]);
        assertEquals(200, client.send("GET", "/api/institutions/status?region=" + REGION, null, "Accept", "text/csv").status());
        assertTrue(client.send("GET", "/api/institutions/status?region=" + REGION, null, "Accept", "text/csv").header("Content-Type")
                .startsWith("text/csv"));
    }
}

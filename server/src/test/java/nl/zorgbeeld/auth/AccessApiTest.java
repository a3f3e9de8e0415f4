package nl.zorgbeeld.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each role may write, what another region sees, invitations and the audit trail, over HTTP
 * against the real app: the cases behind the rules of AccessRules, allowed and refused.
 */
class AccessApiTest {
    private static TestServer server;
    private static JsonClient hin;
    private static JsonClient gags;
    private static JsonClient ico;
    private static JsonClient lezer;
    private static JsonClient beheerder;
    private static JsonClient extern;
    private static TestUser externUser;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        for (String id : List.of("acc:own", "acc:other")) {
            TestDatabase.execute("INSERT INTO institution (id, type, name, connected, source, geom) VALUES ('" + id + "', 'vvt', 'Huis "
                    + id + "', false, 'acc', ST_SetSRID(ST_MakePoint(136000, 456000), 28992)) ON CONFLICT (id) DO NOTHING");
        }
        hin = JsonClient.as(server, TestUsers.standard());
        gags = JsonClient.as(server, TestUsers.user("Gijs Gevaar", "GHOR Utrecht", Role.GAGS));
        ico = JsonClient.as(server, TestUsers.user("Ilse Instelling", "Zorghuis Acc", TestUsers.REGION, "acc:own", Role.INFORMATIECOORDINATOR));
        lezer = JsonClient.as(server, TestUsers.user("Lieke Lezer", "GHOR Utrecht", Role.LEZER));
        beheerder = JsonClient.as(server, TestUsers.user("Bea Beheer", "GHOR Utrecht", Role.BEHEERDER));
        externUser = TestUsers.user("Erik Extern", "GHOR Amsterdam-Amstelland", "VR13", null, Role.HOOFD_INFORMATIE);
        extern = JsonClient.as(server, externUser);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long incident(String title) {
        Response r = hin.post("/api/incidents", "{\"title\":" + JsonClient.quote(title) + ",\"type\":\"gevaarlijke_stoffen\"}");
        assertEquals(201, r.status(), r.toString());
        assertEquals(TestUsers.REGION, r.json().get("regionCode").asText(), "a new incident is of its creator's region");
        return r.json().get("id").asLong();
    }

    private static long picture(long incident, String kind) {
        return ((Number) Sql.one("SELECT id FROM picture WHERE incident_id = ? AND kind = ? ORDER BY id LIMIT 1", incident, kind)).longValue();
    }

    private static long theme(String templateKind, String name) {
        return ((Number) Sql.one("SELECT t.id FROM template_theme t JOIN template tp ON tp.id = t.template_id JOIN template_theme_version v"
                + " ON v.theme_id = t.id AND v.version = t.version WHERE tp.default_for = ? AND v.name = ?", templateKind, name)).longValue();
    }

    private static String bullet(long picture, long theme, String text) {
        return "{\"pictureId\":" + picture + ",\"themeId\":" + theme + ",\"text\":" + JsonClient.quote(text) + ",\"source\":\"Test\"}";
    }

    private static String feature(String kind) {
        return "{\"type\":\"Feature\",\"properties\":{\"kind\":\"" + kind + "\",\"source\":\"Meetploeg\",\"certainty\":\"aanname\""
                + (kind.equals("effectgebied") ? ",\"zone\":\"VRW\"" : "") + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[5.1,52.0],[5.2,52.0],[5.2,52.1],[5.1,52.0]]]}}";
    }

    @Test
    void headersTryingToSetTheAuthorAreIgnored() {
        long incident = incident("Kopregels");
        Response r = hin.send("POST", "/api/incidents/" + incident + "/bullets",
                bullet(picture(incident, "geneeskundig"), theme("geneeskundig", "Situatie"), "Wie schreef dit?"),
                "X-Zorgbeeld-Author", "Iemand%20Anders", "X-Zorgbeeld-Organisation", "Nep");
        assertEquals(201, r.status(), r.toString());
        assertEquals("Hanna Informatie", r.json().get("author").asText());
        assertEquals("GHOR Utrecht", r.json().get("organisation").asText());
        assertEquals(TestUsers.standard().login(), Sql.one("SELECT login FROM audit_entry WHERE action = 'bullet.added' AND incident_id = ?",
                incident));
    }

    @Test
    void anInformationCoordinatorWritesOnlyForItsOwnInstitution() {
        long incident = incident("Eigen beeld");
        long medical = picture(incident, "geneeskundig");
        long before = Sql.count("SELECT count(*) FROM audit_entry");
        Response intoMedical = ico.post("/api/incidents/" + incident + "/bullets", bullet(medical, theme("geneeskundig", "Situatie"), "Nee"));
        assertEquals(403, intoMedical.status(), intoMedical.toString());
        assertTrue(intoMedical.json().get("detail").asText().contains("only the own institution's picture"), intoMedical.toString());
        assertEquals(403, ico.post("/api/incidents/" + incident + "/pictures", "{\"institutionId\":\"acc:other\"}").status());
        assertEquals(403, ico.post("/api/incidents/" + incident + "/elements", feature("incidentgebied")).status());
        assertEquals(403, ico.send("PUT", "/api/incidents/" + incident + "/stakeholders/acc:other", "{\"status\":\"betrokken\"}").status());
        assertEquals(before, Sql.count("SELECT count(*) FROM audit_entry"), "refusals change nothing");

        Response own = ico.post("/api/incidents/" + incident + "/pictures", "{\"institutionId\":\"acc:own\"}");
        assertEquals(201, own.status(), own.toString());
        long ownPicture = own.json().get("id").asLong();
        assertEquals(201, ico.post("/api/incidents/" + incident + "/bullets", bullet(ownPicture, theme("eigen", "Status"), "Open")).status());
        assertEquals(201, ico.post("/api/incidents/" + incident + "/casualties", "{\"pictureId\":" + ownPicture
                + ",\"t2\":3,\"source\":\"SEH\"}").status());
        assertEquals(200, ico.send("PUT", "/api/incidents/" + incident + "/stakeholders/acc:own", "{\"status\":\"betrokken\"}").status());

        long otherPicture = hin.post("/api/incidents/" + incident + "/pictures", "{\"institutionId\":\"acc:other\"}").json().get("id").asLong();
        Response other = ico.post("/api/incidents/" + incident + "/bullets", bullet(otherPicture, theme("eigen", "Status"), "Niet van mij"));
        assertEquals(403, other.status(), "another institution's picture: " + other);
        assertEquals(201, hin.post("/api/incidents/" + incident + "/bullets", bullet(otherPicture, theme("eigen", "Status"), "HIN mag")).status());
    }

    @Test
    void theGagsWritesTheHazardousSubstancesThemeAndEffectZones() {
        long incident = incident("Gaswolk");
        String base = "/api/incidents/" + incident;
        long medical = picture(incident, "geneeskundig");
        assertEquals(403, gags.post(base + "/bullets", bullet(medical, theme("geneeskundig", "Situatie"), "Niet mijn thema")).status());
        Response hazard = gags.post(base + "/bullets", bullet(medical, theme("geneeskundig", "Gevaarlijke stoffen"), "Chloor, 3 ppm"));
        assertEquals(201, hazard.status(), hazard.toString());
        String path = base + "/bullets/" + hazard.json().get("id").asLong();
        assertEquals(403, gags.patch(path, "{\"themeId\":" + theme("geneeskundig", "Situatie") + "}", "\"1\"").status(),
                "a bullet does not leave the theme through the GAGS");
        assertEquals(200, gags.patch(path, "{\"text\":\"Chloor, 5 ppm\"}", "\"1\"").status());

        assertEquals(403, gags.post(base + "/elements", feature("incidentgebied")).status());
        Response zone = gags.post(base + "/elements", feature("effectgebied"));
        assertEquals(201, zone.status(), zone.toString());
        String area = hin.post(base + "/elements", feature("incidentgebied")).json().get("id").asText();
        assertEquals(403, gags.send("DELETE", base + "/elements/" + area, null, "If-Match", "\"1\"").status());
        assertEquals(204, gags.send("DELETE", base + "/elements/" + zone.json().get("id").asText(), null, "If-Match", "\"1\"").status());
        assertEquals(403, gags.patch(base, "{\"grip\":\"2\"}", "\"1\"").status(), "the incident itself is the Hoofd Informatie's");
        assertEquals(403, lezer.post(base + "/elements", feature("effectgebied")).status(), "a lezer only reads");
        assertEquals(200, lezer.get(base + "/elements").status());
    }

    @Test
    void anotherRegionSeesNothingOfAnIncidentUntilInvited() throws Exception {
        long incident = incident("Regionaal");
        String base = "/api/incidents/" + incident;
        assertEquals(404, extern.get(base).status());
        assertEquals(404, extern.get(base + "/picture").status());
        assertEquals(404, extern.post(base + "/bullets", "{}").status());
        assertEquals(404, extern.get("/ogc/collections/incident-" + incident + "/items").status());
        assertFalse(ids(extern.get("/api/incidents?limit=500")).contains(incident), "lists leave it out");
        assertFalse(collections(extern).contains("incident-" + incident), "so do the OGC collections");
        assertEquals(404, live(externUser, incident));
        assertEquals(403, extern.post("/api/incidents", "{\"title\":\"Voor Utrecht\",\"type\":\"brand\",\"regionCode\":\"VR09\"}").status(),
                "a Hoofd Informatie starts incidents of the own region only");
        assertEquals(200, beheerder.get(base).status(), "the beheerder sees every incident");

        long events = Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ?", incident);
        assertEquals(403, lezer.post(base + "/invitations", "{\"organisationId\":" + externUser.organisationId() + "}").status());
        Response invite = hin.post(base + "/invitations", "{\"organisationId\":" + externUser.organisationId() + "}");
        assertEquals(201, invite.status(), invite.toString());
        assertEquals(events + 1, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ?", incident), "on the timeline");
        assertEquals(TestUsers.standard().login(), Sql.one("SELECT login FROM audit_entry WHERE incident_id = ? AND action = 'invitation.added'",
                incident));
        assertEquals(200, extern.get(base).status());
        assertTrue(ids(extern.get("/api/incidents?limit=500")).contains(incident));
        assertTrue(collections(extern).contains("incident-" + incident));
        assertEquals(200, live(externUser, incident));
        assertEquals(201, extern.post(base + "/bullets", bullet(picture(incident, "geneeskundig"), theme("geneeskundig", "Meteo"),
                "Wind uit het westen")).status(), "an invited Hoofd Informatie helps with the picture");
        assertEquals(403, extern.patch(base, "{\"grip\":\"2\"}", "\"1\"").status(), "but runs only the own region's incidents");
        assertEquals(403, extern.send("DELETE", base + "/invitations/" + externUser.organisationId(), null).status());
        assertEquals(409, hin.post(base + "/invitations", "{\"organisationId\":" + TestUsers.standard().organisationId() + "}").status(),
                "the own region sees it already");

        assertEquals(204, hin.send("DELETE", base + "/invitations/" + externUser.organisationId(), null).status());
        assertEquals(404, extern.get(base).status());
        assertEquals(1, Sql.count("SELECT count(*) FROM audit_entry WHERE incident_id = ? AND action = 'invitation.removed'", incident));
    }

    @Test
    void everyWriteIsAuditedInItsTransactionNamingTheLogin() {
        long incident = incident("Audit");
        String base = "/api/incidents/" + incident;
        long bullets = Sql.count("SELECT count(*) FROM audit_entry WHERE incident_id = ? AND action = 'bullet.added'", incident);
        Response added = hin.post(base + "/bullets", bullet(picture(incident, "geneeskundig"), theme("geneeskundig", "Meteo"), "Wind Z"));
        assertEquals(bullets + 1, Sql.count("SELECT count(*) FROM audit_entry WHERE incident_id = ? AND action = 'bullet.added'", incident));
        long all = Sql.count("SELECT count(*) FROM audit_entry");
        String path = base + "/bullets/" + added.json().get("id").asLong();
        assertEquals(412, hin.patch(path, "{\"text\":\"Te laat\"}", "\"7\"").status());
        assertEquals(400, hin.post(base + "/bullets", "{\"pictureId\":1}").status());
        assertEquals(all, Sql.count("SELECT count(*) FROM audit_entry"), "a write that is rolled back leaves no entry");
        assertEquals(200, hin.patch(base, "{\"grip\":\"2\"}", "\"1\"").status());
        JsonNode update = Sql.rows("SELECT before::text AS b, after::text AS a, roles::text AS r, organisation FROM audit_entry"
                + " WHERE incident_id = ? AND action = 'incident.updated'", incident).stream().findFirst()
                .map(row -> nl.zorgbeeld.common.Json.tree("{\"before\":" + row.get("b") + ",\"after\":" + row.get("a") + ",\"roles\":\""
                        + row.get("r") + "\",\"organisation\":\"" + row.get("organisation") + "\"}")).orElseThrow();
        assertEquals("geen", update.at("/before/grip").asText());
        assertEquals("2", update.at("/after/grip").asText());
        assertEquals("{hoofd-informatie}", update.get("roles").asText());
        assertEquals("GHOR Utrecht", update.get("organisation").asText());

        Response trail = hin.get(base + "/audit");
        assertEquals(200, trail.status(), trail.toString());
        JsonNode entries = trail.json().get("entries");
        assertTrue(entries.size() >= 4, trail.toString());
        for (JsonNode e : entries) assertEquals(TestUsers.standard().login(), e.get("login").asText(), e.toString());
        assertEquals("incident.created", entries.get(0).get("action").asText());

        HttpResponse<String> csv = server.send(HttpRequest.newBuilder(URI.create(server.url(base + "/audit?format=csv"))).build());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("id,occurredAt,login,organisation,roles,action"), csv.body());
        assertTrue(csv.body().contains("incident.updated"));
        assertEquals(403, lezer.get(base + "/audit").status(), "Hoofd Informatie and beheerder only");
        assertEquals(403, gags.get(base + "/audit").status());
        assertEquals(200, beheerder.get(base + "/audit").status());

        assertThrows(IllegalStateException.class, () -> TestDatabase.execute("UPDATE audit_entry SET login = 'iemand' WHERE incident_id = " + incident));
        assertThrows(IllegalStateException.class, () -> TestDatabase.execute("DELETE FROM audit_entry WHERE incident_id = " + incident));
        assertEquals(TestUsers.standard().login(), Sql.one("SELECT DISTINCT login FROM audit_entry WHERE incident_id = ?", incident));
    }

    private static List<Long> ids(Response r) {
        assertEquals(200, r.status(), r.toString());
        return r.json().get("incidents").findValuesAsText("id").stream().map(Long::valueOf).toList();
    }

    private static List<String> collections(JsonClient as) {
        return as.get("/ogc/collections").json().get("collections").findValuesAsText("id");
    }

    /** The status of opening the live stream (the stream is closed again at once). */
    private static int live(TestUser user, long incident) throws Exception {
        HttpResponse<java.io.InputStream> r = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        server.url("/api/incidents/" + incident + "/live")))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + user.token()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        r.body().close();
        return r.statusCode();
    }
}

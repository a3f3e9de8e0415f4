package nl.zorgbeeld.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.auth.AuditLog;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may take and restore a snapshot (auth/AccessRules): every role that sees the incident gets
 * the same ZIP (another region 404, nobody 401); only the beheerder restores freely, a Hoofd
 * Informatie only a hand-over into its own region, a lezer never. The restored incident lies in the
 * region asked for (or the snapshot's) and is seen by that region only; its bullets keep their
 * authors; the restore is in the audit trail under who did it; an archive refuses writes from every
 * role that could otherwise make them.
 */
class SnapshotAccessTest {
    private static final String PREFIX = "snapaccess:";
    private static final String OTHER = "VR13";
    private static TestServer server;
    private static long incident;
    private static byte[] zip;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        SnapshotFixtures.institutions(PREFIX);
        incident = SnapshotFixtures.incident(server, "Chloorwolk toegang", PREFIX);
        zip = SnapshotRestoreTest.snapshot(server, incident);
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private static String path(long id) {
        return "/api/incidents/" + id + "/snapshot";
    }

    @Test
    void anotherRegionGets404AndNobody401() {
        TestUser elsewhere = TestUsers.user("Erik Elders", "GHOR Noord- en Oost-Gelderland", OTHER, null, Role.HOOFD_INFORMATIE);
        HttpResponse<byte[]> refused = SnapshotFixtures.download(server, path(incident), elsewhere);
        assertEquals(404, refused.statusCode());
        JsonNode error = Json.tree(new String(refused.body(), StandardCharsets.UTF_8));
        assertEquals("NotFound", error.path("code").asText(), error.toString());
        assertEquals(404, SnapshotFixtures.download(server, path(99_999_999L), elsewhere).statusCode(), "the same as an unknown incident");

        assertEquals(401, server.getAnonymous(path(incident)).statusCode());
    }

    @Test
    void everyRoleThatSeesTheIncidentGetsTheSameSnapshot() {
        JsonNode full = SnapshotRestoreTest.comparable(SnapshotRestoreTest.pictureJson(zip));
        TestUser coordinator = TestUsers.user("Carla Coördinator", "Verpleeghuis De Duinen", TestUsers.REGION, PREFIX + "vvt",
                Role.INFORMATIECOORDINATOR);
        for (TestUser user : List.of(coordinator, TestUsers.user("Lotte Lezer", "GHOR Utrecht", Role.LEZER))) {
            HttpResponse<byte[]> r = SnapshotFixtures.download(server, path(incident), user);
            assertEquals(200, r.statusCode(), user.displayName());
            assertEquals(full, SnapshotRestoreTest.comparable(SnapshotRestoreTest.pictureJson(r.body())),
                    user.displayName() + " may read the whole picture, so the snapshot holds it");
        }
    }

    @Test
    void anInvitedOrganisationGetsTheSnapshot() {
        TestUser guest = TestUsers.user("Gerda Gast", "GGD Gast " + OTHER, OTHER, null, Role.LEZER);
        long id = SnapshotFixtures.incident(server, "Chloorwolk uitgenodigd", PREFIX);
        assertEquals(404, SnapshotFixtures.download(server, path(id), guest).statusCode());
        Response invite = SnapshotFixtures.client(server).post("/api/incidents/" + id + "/invitations",
                "{\"organisationId\":" + guest.organisationId() + "}");
        assertEquals(201, invite.status(), invite.body());
        assertEquals(200, SnapshotFixtures.download(server, path(id), guest).statusCode());
    }

    @Test
    void aLezerMayNotRestore() {
        TestUser lezer = TestUsers.user("Lotte Lezer", "GHOR Utrecht", Role.LEZER);
        Map<String, Long> before = SnapshotRestoreTest.counts();
        for (String query : List.of("", "?as=handover", "?as=archive")) {
            Response r = SnapshotRestoreTest.send(server, "/api/snapshots/restore" + query, zip, "application/zip", lezer);
            assertEquals(403, r.status(), query + ": " + r.body());
            assertEquals("Forbidden", r.code());
        }
        assertEquals(before, SnapshotRestoreTest.counts(), "nothing stored");
    }

    @Test
    void aHoofdInformatieRestoresOnlyAHandOverIntoItsOwnRegion() {
        TestUser hin = TestUsers.standard();
        Map<String, Long> before = SnapshotRestoreTest.counts();
        for (String query : List.of("", "?as=archive", "?as=handover&region=" + OTHER)) {
            Response r = SnapshotRestoreTest.send(server, "/api/snapshots/restore" + query, zip, "application/zip", hin);
            assertEquals(403, r.status(), query + ": " + r.body());
            assertTrue(r.body().contains("only as a hand-over into the own region"), r.body());
        }
        assertEquals(before, SnapshotRestoreTest.counts(), "nothing stored");

        // A snapshot from another region, handed over: it lands in the Hoofd Informatie's region, which then runs it.
        byte[] fromElsewhere = withRegion(zip, OTHER);
        Response r = SnapshotRestoreTest.send(server, "/api/snapshots/restore?as=handover", fromElsewhere, "application/zip", hin);
        assertEquals(201, r.status(), r.body());
        assertEquals(TestUsers.REGION, r.json().get("regionCode").asText());
        long id = r.json().get("id").asLong();
        Response patch = JsonClient.as(server, hin).patch("/api/incidents/" + id, "{\"grip\":\"3\"}",
                JsonClient.as(server, hin).get("/api/incidents/" + id).header("ETag"));
        assertEquals(200, patch.status(), patch.body());
    }

    @Test
    void aBeheerderRestoresIntoTheRegionAskedForAndIsAudited() {
        TestUser beheerder = SnapshotRestoreTest.administrator();
        Response r = SnapshotRestoreTest.send(server, "/api/snapshots/restore?as=handover&region=" + OTHER.toLowerCase(), zip,
                "application/zip", beheerder);
        assertEquals(201, r.status(), r.body());
        long id = r.json().get("id").asLong();
        assertEquals(OTHER, r.json().get("regionCode").asText());

        // Visibility follows the new region: the original region no longer sees it, the other one does.
        assertEquals(404, JsonClient.as(server, TestUsers.standard()).get("/api/incidents/" + id).status());
        TestUser there = TestUsers.user("Erik Elders", "GHOR Noord- en Oost-Gelderland", OTHER, null, Role.HOOFD_INFORMATIE);
        JsonNode picture = JsonClient.as(server, there).get("/api/incidents/" + id + "/picture").json();
        JsonNode medical = SnapshotFixtures.picture(picture, "geneeskundig");
        for (JsonNode theme : medical.get("themes")) {
            for (JsonNode bullet : theme.get("bullets")) {
                assertEquals("Hanna Informatie", bullet.path("author").asText(), "a restored bullet keeps its author");
                assertEquals("GHOR Momentopname", bullet.path("organisation").asText());
            }
        }

        List<Map<String, Object>> audit = Sql.rows("SELECT login, action, after::text AS after FROM audit_entry WHERE incident_id = ?"
                + " ORDER BY id", id);
        // The restore itself under the beheerder's login, then the analysis it starts (computed afresh here), which like
        // every recomputation is the system's: it runs apart from the request that changed the picture.
        assertEquals(List.of("incident.restored", "analysis.changed"), audit.stream().map(a -> a.get("action")).toList());
        assertEquals(beheerder.login(), audit.get(0).get("login"));
        assertEquals(AuditLog.SYSTEM, audit.get(1).get("login"));
        assertTrue(String.valueOf(audit.get(0).get("after")).contains("\"sourceRegionCode\": \"" + TestUsers.REGION + "\""),
                String.valueOf(audit.get(0).get("after")));

        // Without a region the restored incident keeps the snapshot's.
        Response same = SnapshotRestoreTest.send(server, "/api/snapshots/restore", zip, "application/zip", beheerder);
        assertEquals(201, same.status(), same.body());
        assertEquals(TestUsers.REGION, same.json().get("regionCode").asText());
    }

    @Test
    void aRegionIsNeededAndChecked() throws Exception {
        TestUser beheerder = SnapshotRestoreTest.administrator();
        Map<String, Long> before = SnapshotRestoreTest.counts();
        Response none = SnapshotRestoreTest.send(server, "/api/snapshots/restore", withRegion(zip, null), "application/zip", beheerder);
        assertEquals(400, none.status(), none.body());
        assertEquals("region", none.where());
        Response bad = SnapshotRestoreTest.send(server, "/api/snapshots/restore?region=VR%2709", zip, "application/zip", beheerder);
        assertEquals(400, bad.status(), bad.body());
        assertEquals("region", bad.where());
        assertEquals(before, SnapshotRestoreTest.counts(), "nothing stored");
        Response given = SnapshotRestoreTest.send(server, "/api/snapshots/restore?region=VR09", withRegion(zip, null), "application/zip",
                beheerder);
        assertEquals(201, given.status(), given.body());
        assertEquals("VR09", given.json().get("regionCode").asText());
    }

    @Test
    void anArchiveRefusesWritesFromEveryRole() {
        Response restored = SnapshotRestoreTest.send(server, "/api/snapshots/restore?as=archive", zip, "application/zip",
                SnapshotRestoreTest.administrator());
        assertEquals(201, restored.status(), restored.body());
        long id = restored.json().get("id").asLong();
        String base = "/api/incidents/" + id;
        TestUser gags = TestUsers.user("Gijs Gags", "GHOR Utrecht", Role.GAGS);
        TestUser coordinator = TestUsers.user("Carla Coördinator", "Verpleeghuis De Duinen", TestUsers.REGION, PREFIX + "vvt",
                Role.INFORMATIECOORDINATOR);
        long changes = Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ?", id);
        // Each role's own kind of write, which its rules let through to the archive's check.
        Response zone = JsonClient.as(server, gags).send("POST", base + "/elements", "{\"type\":\"Feature\",\"properties\":{\"kind\":"
                + "\"effectgebied\",\"zone\":\"AGW\",\"source\":\"GAGS\",\"certainty\":\"aanname\"},\"geometry\":" + SnapshotFixtures.square(
                SnapshotFixtures.OX, SnapshotFixtures.OY, 300) + "}", "Content-Crs", SnapshotFixtures.RD);
        Response status = JsonClient.as(server, coordinator).send("PUT", base + "/stakeholders/" + PREFIX + "vvt",
                "{\"status\":\"geinformeerd\"}");
        Response incidentChange = JsonClient.as(server, TestUsers.standard()).patch(base, "{\"grip\":\"4\"}",
                JsonClient.as(server, TestUsers.standard()).get(base).header("ETag"));
        for (Response w : List.of(zone, status, incidentChange)) {
            assertEquals(409, w.status(), w.body());
            assertTrue(w.body().contains("read-only archive"), w.body());
        }
        // The beheerder writes no incident content at all.
        assertEquals(403, JsonClient.as(server, SnapshotRestoreTest.administrator()).patch(base, "{\"grip\":\"4\"}", "\"1\"").status());
        assertEquals(changes, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ?", id));
    }

    /** The snapshot with its incident's region replaced (null: none). */
    private static byte[] withRegion(byte[] snapshot, String region) {
        try {
            ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(SnapshotRestoreTest.entry(snapshot, "picture.json"));
            ((ObjectNode) doc.path("picture").path("incident")).put("regionCode", region);
            return SnapshotRestoreTest.zipOf(Map.of("picture.json", Json.MAPPER.writeValueAsBytes(doc)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

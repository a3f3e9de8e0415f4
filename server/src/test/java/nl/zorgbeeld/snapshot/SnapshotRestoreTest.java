package nl.zorgbeeld.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restoring a snapshot: a hand-over round-trips every bullet, element, count, question, decision
 * and status (the restored incident's own snapshot equals the original's, ids aside); an archive
 * refuses every write with 409; restoring twice makes two incidents and changes nothing existing;
 * corrupt, truncated, oversized, path-traversing and bomb ZIPs and bad content are refused with a
 * 4xx JSON error and store nothing.
 */
class SnapshotRestoreTest {
    private static final String PREFIX = "snaprestore:";
    /** What a restore changes about an incident, or recomputes: left out of the comparison. */
    private static final Set<String> UNCOMPARED = Set.of("id", "incidentId", "pictureId", "themeId", "templateId", "freshness",
            "firstDescription", "evaluatedAt", "at", "shows", "exportedAt", "computedAt", "origin", "newlyAffected", "newlyAffectedAt",
            "regieHistory", "norms");
    private static TestServer server;
    private static long original;
    private static byte[] zip;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        SnapshotFixtures.institutions(PREFIX);
        original = SnapshotFixtures.incident(server, "Chloorwolk overdracht", PREFIX);
        zip = snapshot(original);
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void aHandOverRoundTripsThePicture() throws IOException {
        JsonClient.Response restored = upload("/api/snapshots/restore?as=handover", zip, "application/zip");
        assertEquals(201, restored.status(), restored.body());
        long id = restored.json().get("id").asLong();
        assertNotEquals(original, id);
        assertEquals("/api/incidents/" + id, restored.header("Location"));
        assertEquals("handover", restored.json().path("origin").path("mode").asText());
        assertFalse(restored.json().path("origin").path("readOnly").asBoolean());
        assertEquals(original, restored.json().path("origin").path("sourceIncidentId").asLong());

        JsonNode before = comparable(pictureJson(zip));
        JsonNode after = comparable(pictureJson(snapshot(id)));
        assertEquals(6, bullets(after));
        assertEquals(6, after.path("elements").path("features").size());
        assertEquals(before, after);

        // A hand-over carries on: it takes new bullets.
        JsonClient api = SnapshotFixtures.client(server);
        JsonNode medical = SnapshotFixtures.picture(api.get("/api/incidents/" + id + "/picture").json(), "geneeskundig");
        SnapshotFixtures.bullet(api, id, medical.get("id").asLong(), SnapshotFixtures.theme(medical, "Meteo"), "Wind draait naar oost.",
                "KNMI", "gevalideerd");
        JsonNode events = api.get("/api/incidents/" + id + "/timeline").json().get("events");
        assertTrue(events.toString().contains("incident.restored"), events.toString());
    }

    @Test
    void anArchiveIsReadOnly() {
        JsonClient.Response restored = uploadMultipart("/api/snapshots/restore", zip);
        assertEquals(201, restored.status(), restored.body());
        long id = restored.json().get("id").asLong();
        assertTrue(restored.json().path("origin").path("readOnly").asBoolean());
        assertEquals("archive", restored.json().path("origin").path("mode").asText());

        JsonClient api = SnapshotFixtures.client(server);
        JsonNode view = api.get("/api/incidents/" + id + "/picture").json();
        JsonNode medical = SnapshotFixtures.picture(view, "geneeskundig");
        int medicalBullets = 0;
        for (JsonNode theme : medical.get("themes")) medicalBullets += theme.get("bullets").size();
        assertEquals(5, medicalBullets, "the archive reads like the original");
        String etag = api.get("/api/incidents/" + id).header("ETag");
        List<JsonClient.Response> writes = List.of(
                api.post("/api/incidents/" + id + "/bullets", "{\"pictureId\":" + medical.get("id") + ",\"themeId\":"
                        + SnapshotFixtures.theme(medical, "Meteo") + ",\"text\":\"x\",\"source\":\"y\"}"),
                api.patch("/api/incidents/" + id, "{\"grip\":\"3\"}", etag),
                api.post("/api/incidents/" + id + "/casualties", "{\"t1\":1,\"source\":\"x\"}"),
                api.post("/api/incidents/" + id + "/questions", "{\"question\":\"x\",\"addressee\":\"y\"}"),
                api.post("/api/incidents/" + id + "/decisions", "{\"kind\":\"actie\",\"description\":\"x\",\"owner\":\"y\"}"),
                api.post("/api/incidents/" + id + "/pictures", "{\"organisation\":\"Huisartsenpost Kust\"}"),
                api.send("POST", "/api/incidents/" + id + "/elements", "{\"type\":\"Feature\",\"properties\":{\"kind\":\"meetpunt\","
                        + "\"source\":\"x\",\"certainty\":\"gevalideerd\",\"substance\":\"chloor\",\"value\":1,\"unit\":\"ppm\",\"measuredAt\":\"2026-01-10T09:00:00+01:00\"},"
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[4.8,52.9]}}"),
                api.send("PUT", "/api/incidents/" + id + "/stakeholders/" + PREFIX + "ggz", "{\"status\":\"geinformeerd\"}"));
        for (JsonClient.Response w : writes) {
            assertEquals(409, w.status(), w.body());
            assertEquals("incident", w.where());
            assertTrue(w.body().contains("read-only archive"), w.body());
        }
        assertEquals(6, bullets(comparable(pictureJson(snapshot(id)))), "nothing was added");

        // An institution's status report that names the archive as its incident is refused too (the institution
        // is of the region, so the Hoofd Informatie may report for it otherwise), and nothing is stored.
        String institution = PREFIX + "statusarchief";
        Sql.rows("INSERT INTO institution (id, type, name, connected, source, region_code, geom) VALUES (?, 'ziekenhuis',"
                + " 'Ziekenhuis Archiefstatus', false, 'momentopnametest', 'VR09', ST_SetSRID(ST_MakePoint(?, ?), 28992))"
                + " RETURNING id", institution, SnapshotFixtures.OX + 80_000, SnapshotFixtures.OY);
        JsonClient.Response report = api.post("/api/institutions/" + institution + "/status",
                "{\"operationalStatus\":\"normaal\",\"incidentId\":" + id + "}");
        assertEquals(409, report.status(), report.body());
        assertTrue(report.body().contains("read-only archive"), report.body());
        assertEquals(0, Sql.count("SELECT count(*) FROM institution_status_report WHERE incident_id = ?", id));
        JsonClient.Response unlinked = api.post("/api/institutions/" + institution + "/status", "{\"operationalStatus\":\"normaal\"}");
        assertEquals(201, unlinked.status(), "without the archive the same report is taken: " + unlinked.body());
    }

    @Test
    void restoringTwiceMakesTwoIncidentsAndLeavesTheOriginal() {
        long bulletsBefore = Sql.count("SELECT count(*) FROM bullet WHERE incident_id = ?", original);
        long first = upload("/api/snapshots/restore?as=handover", zip, "application/zip").json().get("id").asLong();
        long second = upload("/api/snapshots/restore?as=handover", zip, "application/zip").json().get("id").asLong();
        assertNotEquals(first, second);
        assertEquals(bulletsBefore, Sql.count("SELECT count(*) FROM bullet WHERE incident_id = ?", original));
        assertEquals(0, Sql.count("SELECT count(*) FROM picture_element a JOIN picture_element b ON a.element_id = b.element_id"
                + " WHERE a.incident_id = ? AND b.incident_id = ?", first, second), "element ids are remapped");
    }

    @Test
    void badZipsAreRefusedAndNothingIsStored() throws IOException {
        byte[] picture = entry(zip, "picture.json");
        byte[] random = new byte[4096];
        new Random(16).nextBytes(random);
        byte[] bomb = zipOf(Map.of("picture.json", picture, "lagen/extra.geojson", " ".repeat(5_000_000).getBytes(StandardCharsets.UTF_8)));
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("random bytes", random);
        cases.put("truncated", Arrays.copyOf(zip, zip.length / 2));
        cases.put("empty", new byte[0]);
        cases.put("parent path", zipOf(Map.of("picture.json", picture, "../evil.txt", new byte[] {1})));
        cases.put("nested parent path", zipOf(Map.of("picture.json", picture, "lagen/../../evil.txt", new byte[] {1})));
        cases.put("absolute path", zipOf(Map.of("picture.json", picture, "/etc/evil.txt", new byte[] {1})));
        cases.put("backslash path", zipOf(Map.of("picture.json", picture, "..\\evil.txt", new byte[] {1})));
        cases.put("zip bomb", bomb);
        cases.put("no picture.json", zipOf(Map.of("index.html", "<p>".getBytes(StandardCharsets.UTF_8))));
        cases.put("picture.json not JSON", zipOf(Map.of("picture.json", "{{".getBytes(StandardCharsets.UTF_8))));
        cases.put("another format", zipOf(Map.of("picture.json", "{\"format\":\"iets\"}".getBytes(StandardCharsets.UTF_8))));
        cases.put("bad certainty in the last bullet", zipOf(Map.of("picture.json", lastBulletCertainty(picture, "zeker"))));
        cases.put("bad element kind", zipOf(Map.of("picture.json", elementKind(picture, "raket"))));
        Map<String, Long> before = counts();
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            JsonClient.Response r = upload("/api/snapshots/restore", c.getValue(), "application/zip");
            assertTrue(r.status() == 400 || r.status() == 413, c.getKey() + ": " + r);
            assertTrue(r.json() != null && r.where() != null, c.getKey() + " names what is wrong: " + r);
            assertEquals(before, counts(), c.getKey() + " stored something");
        }
        JsonClient.Response bad = upload("/api/snapshots/restore", cases.get("bad certainty in the last bullet"), "application/zip");
        assertTrue(bad.where().startsWith("picture.json:picture.pictures["), bad.where());
        assertTrue(bad.where().endsWith(".certainty"), bad.where());
        assertEquals(413, upload("/api/snapshots/restore", bomb, "application/zip").status());
        assertEquals("snapshot", upload("/api/snapshots/restore", cases.get("parent path"), "application/zip").where());

        JsonClient.Response type = upload("/api/snapshots/restore", zip, "text/plain");
        assertEquals(415, type.status(), type.body());
        JsonClient.Response mode = upload("/api/snapshots/restore?as=kopie", zip, "application/zip");
        assertEquals(400, mode.status());
        assertEquals("as", mode.where());
        assertEquals(before, counts());
    }

    @Test
    void anOversizedSnapshotIsRefused() {
        try (TestServer small = TestServer.start(Map.of("ZORGBEELD_SNAPSHOT_MAX_BYTES", "4096"))) {
            Map<String, Long> before = counts();
            JsonClient.Response r = send(small, "/api/snapshots/restore", zip, "application/zip");
            assertEquals(413, r.status(), r.body());
            assertEquals("snapshot", r.where());
            JsonClient.Response multipart = send(small, "/api/snapshots/restore", multipartBody(zip), "multipart/form-data; boundary=" + BOUNDARY);
            assertEquals(413, multipart.status(), multipart.body());
            assertEquals(before, counts());
        }
    }

    // ---- helpers

    static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("incident", "incident_version", "incident_origin", "picture", "bullet", "bullet_version",
                "picture_element", "template", "template_theme", "casualty_count", "decision", "information_question", "stakeholder",
                "change_event", "audit_entry")) {
            counts.put(table, Sql.count("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    private static int bullets(JsonNode doc) {
        int n = 0;
        for (JsonNode p : doc.path("picture").path("pictures")) for (JsonNode t : p.get("themes")) n += t.get("bullets").size();
        return n;
    }

    /** picture.json without what a restore renumbers or recomputes; elements in a stable order. */
    static JsonNode comparable(JsonNode doc) {
        JsonNode copy = doc.deepCopy();
        strip(copy);
        ArrayNode features = (ArrayNode) copy.path("elements").path("features");
        List<JsonNode> sorted = new java.util.ArrayList<>();
        features.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing(f -> f.path("properties").path("kind").asText()));
        features.removeAll();
        features.addAll(sorted);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                if (UNCOMPARED.contains(names.next())) names.remove();
            }
            object.forEach(SnapshotRestoreTest::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(SnapshotRestoreTest::strip);
        }
    }

    static byte[] snapshot(long incident) {
        return snapshot(server, incident);
    }

    static byte[] snapshot(TestServer from, long incident) {
        HttpResponse<byte[]> r = SnapshotFixtures.download(from, "/api/incidents/" + incident + "/snapshot");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return r.body();
    }

    static JsonNode pictureJson(byte[] zip) {
        return Json.tree(new String(entry(zip, "picture.json"), StandardCharsets.UTF_8));
    }

    static byte[] entry(byte[] zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) if (e.getName().equals(name)) return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError(name + " is not in the ZIP");
    }

    static byte[] zipOf(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] lastBulletCertainty(byte[] picture, String certainty) throws IOException {
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(picture);
        ObjectNode last = null;
        for (JsonNode p : doc.path("picture").path("pictures")) for (JsonNode t : p.get("themes")) for (JsonNode b : t.get("bullets")) last = (ObjectNode) b;
        last.put("certainty", certainty);
        return Json.MAPPER.writeValueAsBytes(doc);
    }

    private static byte[] elementKind(byte[] picture, String kind) throws IOException {
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(picture);
        ArrayNode features = (ArrayNode) doc.path("elements").path("features");
        ((ObjectNode) features.get(features.size() - 1).get("properties")).put("kind", kind);
        return Json.MAPPER.writeValueAsBytes(doc);
    }

    private static JsonClient.Response upload(String path, byte[] body, String type) {
        return send(server, path, body, type);
    }

    private static final String BOUNDARY = "zorgbeeld-test-boundary";

    private static JsonClient.Response uploadMultipart(String path, byte[] zip) {
        return send(server, path, multipartBody(zip), "multipart/form-data; boundary=" + BOUNDARY);
    }

    private static byte[] multipartBody(byte[] zip) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"snapshot\"; filename=\"momentopname.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** The system administrator who restores in these tests (a Hoofd Informatie may only hand over into its own region). */
    static TestUser administrator() {
        return TestUsers.user("Beheer Test", "Zorgbeeld Beheer", Role.BEHEERDER);
    }

    private static JsonClient.Response send(TestServer target, String path, byte[] body, String type) {
        return send(target, path, body, type, administrator());
    }

    /** Posts {@code body} as {@code user} (its API token). */
    static JsonClient.Response send(TestServer target, String path, byte[] body, String type, TestUser user) {
        HttpResponse<String> r = target.send(HttpRequest.newBuilder(URI.create(target.url(path)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", type)
                .header("Authorization", "Bearer " + user.token()).build());
        JsonNode json = null;
        try {
            json = r.body().isBlank() ? null : Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            // not JSON: left null, which the assertions report
        }
        return new JsonClient.Response(r.statusCode(), json, r.body(), r);
    }
}

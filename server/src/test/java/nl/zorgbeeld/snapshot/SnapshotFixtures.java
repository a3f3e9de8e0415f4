package nl.zorgbeeld.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;

/**
 * A whole incident for the snapshot tests, made through the API as a Hoofd Informatie would: an
 * exercise with bullets in several themes (one not validated), casualties, a decision, a question,
 * a map with an incident location, area, effect zone, cordon, reception location and measurement
 * point, and care institutions around it (in the North Sea, where no real one is), one of them
 * with a recorded status.
 */
final class SnapshotFixtures {
    static final String RD = "<http://www.opengis.net/def/crs/EPSG/0/28992>";
    static final double OX = 20_000;
    static final double OY = 610_000;

    private SnapshotFixtures() {}

    static JsonClient client(TestServer server) {
        return new JsonClient(server, "Hanna Informatie", "GHOR Momentopname");
    }

    /**
     * The institutions of {@code prefix}: two inside the area (one connected), one in a ring, one far away. Those of the
     * other snapshot test classes go: they stand on the same spots, and each class counts what its incident affects.
     */
    static void institutions(String prefix) {
        Sql.rows("DELETE FROM institution WHERE source = 'momentopnametest' RETURNING id");
        String sql = "INSERT INTO institution (id, type, name, organisation, phone, email, street, house_number, postcode, city,"
                + " connected, source, geom) VALUES (?, ?, ?, NULL, '0223 123 456', 'zorg@example.nl', 'Dijk', '1', '1781 AA',"
                + " 'Zee', ?, 'momentopnametest', ST_SetSRID(ST_MakePoint(?, ?), 28992)) RETURNING id";
        Sql.rows(sql, prefix + "vvt", "vvt", "Verpleeghuis De Duinen", false, OX + 100, OY + 100);
        Sql.rows(sql, prefix + "zkh", "ziekenhuis", "Ziekenhuis Noordkop", true, OX - 200, OY - 100);
        Sql.rows(sql, prefix + "ggz", "ggz", "GGZ Kustlijn", false, OX + 1500, OY);
        Sql.rows(sql, prefix + "far", "apotheek", "Apotheek Verweg", false, OX + 40_000, OY);
    }

    /** Creates the incident; returns its id. */
    static long incident(TestServer server, String title, String prefix) {
        JsonClient api = client(server);
        Response created = api.post("/api/incidents", "{\"title\":" + JsonClient.quote(title) + ",\"type\":\"gevaarlijke_stoffen\","
                + "\"grip\":\"2\",\"carePhase\":\"aangepast\",\"exercise\":true,\"locationText\":\"Haven, kade 3\","
                + "\"startedAt\":\"2026-01-10T08:00:00+01:00\",\"scaledUpAt\":\"2026-01-10T08:05:00+01:00\"}");
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        JsonNode view = api.get("/api/incidents/" + id + "/picture").json();
        JsonNode medical = picture(view, "geneeskundig");
        long pictureId = medical.get("id").asLong();
        bullet(api, id, pictureId, theme(medical, "Situatie"), "Brand in opslagloods met chloorgas; rookpluim richting noordoost.",
                "Meldkamer", "gevalideerd");
        bullet(api, id, pictureId, theme(medical, "Situatie"), "Verwachte duur minstens zes uur.", "OvD-G", "gevalideerd");
        bullet(api, id, pictureId, theme(medical, "Slachtofferbeeld"), "Vier mensen met ademhalingsklachten, één kind.",
                "Ambulancedienst", "gevalideerd");
        bullet(api, id, pictureId, theme(medical, "Gevaarlijke stoffen"), "Mogelijk ook zoutzuurdamp.", "GAGS", "vermoeden");
        bullet(api, id, pictureId, theme(medical, "Communicatie"), "NL-Alert verstuurd: ramen en deuren sluiten.", "Veiligheidsregio",
                "gevalideerd");
        Response summary = api.send("PUT", "/api/incidents/" + id + "/pictures/" + pictureId + "/summary",
                "{\"text\":\"Chloorwolk boven de haven; vier gewonden, ziekenhuizen op scherp.\"}");
        assertTrue(summary.status() == 200 || summary.status() == 201, summary.body());
        long multi = picture(view, "multidisciplinair").get("id").asLong();
        bullet(api, id, multi, theme(picture(view, "multidisciplinair"), "Brandweerzorg"), "Twee blusgroepen ter plaatse.",
                "Brandweer", "gevalideerd");
        ok(api.post("/api/incidents/" + id + "/casualties", "{\"t1\":1,\"t2\":3,\"t3\":4,\"source\":\"Gewondennest\"}"));
        ok(api.post("/api/incidents/" + id + "/decisions", "{\"kind\":\"besluit\",\"description\":\"Ziekenhuizen in de regio op"
                + " scherp\",\"owner\":\"DPG\"}"));
        ok(api.post("/api/incidents/" + id + "/questions", "{\"question\":\"Hoeveel bewoners in de VVT-locatie?\","
                + "\"addressee\":\"Verpleeghuis De Duinen\"}"));
        draw(api, id, "incidentlocatie", "{\"type\":\"Point\",\"coordinates\":[" + OX + "," + OY + "]}", Map.of("label", "Brandhaard"));
        draw(api, id, "incidentgebied", square(OX, OY, 600), Map.of("label", "Haventerrein"));
        draw(api, id, "effectgebied", square(OX + 300, OY + 200, 400), Map.of("zone", "AGW", "substance", "chloor"));
        draw(api, id, "afzetting", "{\"type\":\"LineString\",\"coordinates\":[[" + (OX - 700) + "," + (OY - 700) + "],[" + (OX + 700)
                + "," + (OY - 700) + "]]}", Map.of("certainty", "aanname"));
        draw(api, id, "opvanglocatie", "{\"type\":\"Point\",\"coordinates\":[" + (OX - 3000) + "," + OY + "]}",
                Map.of("label", "Sporthal", "capacity", 200));
        draw(api, id, "meetpunt", "{\"type\":\"Point\",\"coordinates\":[" + (OX + 800) + "," + (OY + 800) + "]}",
                Map.of("substance", "chloor", "value", 2.5, "unit", "ppm", "measuredAt", "2026-01-10T09:00:00+01:00"));
        Response status = api.send("PUT", "/api/incidents/" + id + "/stakeholders/" + prefix + "vvt",
                "{\"status\":\"geinformeerd\",\"note\":\"Gebeld, ramen dicht\"}");
        assertEquals(200, status.status(), status.body());
        return id;
    }

    static JsonNode picture(JsonNode view, String kind) {
        for (JsonNode p : view.get("pictures")) if (p.get("kind").asText().equals(kind)) return p;
        throw new AssertionError("no " + kind + " picture");
    }

    static long theme(JsonNode picture, String name) {
        for (JsonNode t : picture.get("themes")) if (t.get("name").asText().equals(name)) return t.get("id").asLong();
        throw new AssertionError("no theme " + name);
    }

    static void bullet(JsonClient api, long incident, long picture, long theme, String text, String source, String certainty) {
        ok(api.post("/api/incidents/" + incident + "/bullets", "{\"pictureId\":" + picture + ",\"themeId\":" + theme + ",\"text\":"
                + JsonClient.quote(text) + ",\"source\":" + JsonClient.quote(source) + ",\"certainty\":\"" + certainty + "\"}"));
    }

    static void draw(JsonClient api, long incident, String kind, String geometry, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("kind", kind);
        properties.put("source", "HIN");
        properties.put("certainty", "gevalideerd");
        properties.putAll(extra);
        String body;
        try {
            body = "{\"type\":\"Feature\",\"properties\":" + nl.zorgbeeld.common.Json.MAPPER.writeValueAsString(properties)
                    + ",\"geometry\":" + geometry + "}";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Response r = api.send("POST", "/api/incidents/" + incident + "/elements", body, "Content-Crs", RD);
        assertEquals(201, r.status(), r.body());
    }

    static String square(double x, double y, double half) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + (x - half) + "," + (y - half) + "],[" + (x + half) + "," + (y - half) + "],["
                + (x + half) + "," + (y + half) + "],[" + (x - half) + "," + (y + half) + "],[" + (x - half) + "," + (y - half) + "]]]}";
    }

    static void ok(Response r) {
        assertEquals(201, r.status(), r.body());
    }

    /** The snapshot ZIP of an incident, as bytes, downloaded as the standard test user. */
    static HttpResponse<byte[]> download(TestServer server, String path) {
        return download(server, path, TestUsers.standard());
    }

    /** The snapshot ZIP as {@code user} (its API token). */
    static HttpResponse<byte[]> download(TestServer server, String path, TestUser user) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                    .header("Authorization", "Bearer " + user.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks a ZIP into a new folder; returns the folder. */
    static Path unzip(byte[] zip) throws IOException {
        Path dir = Files.createTempDirectory("zorgbeeld-snapshot-test-");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) throw new IOException("entry outside the folder: " + e.getName());
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
        return dir;
    }
}

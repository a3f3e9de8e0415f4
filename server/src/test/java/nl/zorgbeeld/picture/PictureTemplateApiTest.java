package nl.zorgbeeld.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Managing templates over HTTP: create, add, rename and reorder themes, with If-Match and history. */
class PictureTemplateApiTest {
    private static TestServer server;
    private static JsonClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = JsonClient.as(server, TestUsers.user("Beheerder", "GHOR Utrecht", Role.BEHEERDER, Role.HOOFD_INFORMATIE));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response createTemplate(String... themes) {
        StringBuilder json = new StringBuilder("{\"name\": \"Sjabloon " + UUID.randomUUID().toString().substring(0, 8) + "\", \"themes\": [");
        for (int i = 0; i < themes.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(themes[i]).append("\", \"required\": ").append(i == 0).append("}");
        }
        Response r = client.post("/api/templates", json.append("]}").toString());
        assertEquals(201, r.status(), r.body());
        return r;
    }

    private static List<String> names(JsonNode template) {
        List<String> names = new ArrayList<>();
        template.get("themes").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    private static long themeId(JsonNode template, String name) {
        for (JsonNode t : template.get("themes")) if (t.get("name").asText().equals(name)) return t.get("id").asLong();
        throw new IllegalStateException(name);
    }

    @Test
    void theDefaultTemplatesAreListed() {
        JsonNode templates = client.get("/api/templates").json().get("templates");
        JsonNode medical = null;
        for (JsonNode t : templates) if ("geneeskundig".equals(t.path("defaultFor").asText())) medical = t;
        assertEquals(9, medical.get("themes").size());
        assertEquals("Situatie", medical.get("themes").get(0).get("name").asText());
    }

    @Test
    void aTemplateIsCreatedAndItsThemesAddedRenamedAndReordered() {
        Response created = createTemplate("Status", "Capaciteit");
        long id = created.json().get("id").asLong();
        String base = "/api/templates/" + id;
        assertEquals(base, created.header("Location"));
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals(List.of("Status", "Capaciteit"), names(created.json()));
        assertTrue(created.json().get("themes").get(0).get("required").asBoolean());

        Response added = client.post(base + "/themes", "{\"name\": \"Evacuatie\"}");
        assertEquals(201, added.status(), added.body());
        assertEquals("\"2\"", added.header("ETag"));
        assertEquals(List.of("Status", "Capaciteit", "Evacuatie"), names(added.json()));

        Response renamed = client.patch(base + "/themes/" + themeId(added.json(), "Capaciteit"), "{\"name\": \"Beddencapaciteit\"}", "\"2\"");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("\"3\"", renamed.header("ETag"));
        JsonNode t = renamed.json();
        String order = "[" + themeId(t, "Evacuatie") + ", " + themeId(t, "Status") + ", " + themeId(t, "Beddencapaciteit") + "]";
        Response reordered = client.send("PUT", base + "/theme-order", "{\"themeIds\": " + order + "}", "If-Match", "\"3\"");
        assertEquals(200, reordered.status(), reordered.body());
        assertEquals(List.of("Evacuatie", "Status", "Beddencapaciteit"), names(reordered.json()));
        assertEquals(List.of("Evacuatie", "Status", "Beddencapaciteit"), names(client.get(base).json()));
        assertEquals(1, Sql.count("SELECT count(*) FROM change_event WHERE template_id = ? AND action = 'template.themes-reordered'", id));
    }

    @Test
    void aPictureOfThePastKeepsTheThemeNamesAndOrderItHadThen() {
        Response template = createTemplate("Status", "Capaciteit");
        long templateId = template.json().get("id").asLong();
        Scenario s = Scenario.start(client, "Sjabloon historie");
        Response own = client.post(s.path("/pictures"), "{\"organisation\": \"Huisartsenpost\", \"templateId\": " + templateId + "}");
        assertEquals(201, own.status(), own.body());
        String before = client.get(s.path("/picture")).json().get("evaluatedAt").asText();

        String base = "/api/templates/" + templateId;
        client.patch(base + "/themes/" + themeId(template.json(), "Status"), "{\"name\": \"Bereikbaarheid\"}", "\"1\"");
        String order = "[" + themeId(template.json(), "Capaciteit") + ", " + themeId(template.json(), "Status") + "]";
        assertEquals(200, client.send("PUT", base + "/theme-order", "{\"themeIds\": " + order + "}", "If-Match", "\"2\"").status());
        client.post(base + "/themes", "{\"name\": \"Personeel\"}");

        assertEquals(List.of("Capaciteit", "Bereikbaarheid", "Personeel"), names(s.pictureOfKind("eigen")));
        JsonNode then = client.get(s.path("/picture?at=" + URLEncoder.encode(before, StandardCharsets.UTF_8))).json();
        JsonNode ownThen = null;
        for (JsonNode p : then.get("pictures")) if (p.get("kind").asText().equals("eigen")) ownThen = p;
        assertEquals(List.of("Status", "Capaciteit"), names(ownThen));
    }

    @Test
    void changesNeedTheCurrentVersion() {
        Response template = createTemplate("Status", "Capaciteit");
        String base = "/api/templates/" + template.json().get("id").asLong();
        long status = themeId(template.json(), "Status");
        assertEquals(201, client.post(base + "/themes", "{\"name\": \"Evacuatie\"}").status());

        Response stale = client.patch(base + "/themes/" + status, "{\"name\": \"Bereikbaarheid\"}", "\"1\"");
        assertEquals(412, stale.status(), stale.body());
        assertEquals(3, stale.json().path("current").path("themes").size(), "the current template, with the added theme");
        Response missing = client.send("PATCH", base + "/themes/" + status, "{\"name\": \"Bereikbaarheid\"}");
        assertEquals(428, missing.status(), missing.body());
        assertEquals(List.of("Status", "Capaciteit", "Evacuatie"), names(client.get(base).json()));
    }

    @Test
    void badTemplateInputIsRefused() {
        Response template = createTemplate("Status", "Capaciteit");
        long id = template.json().get("id").asLong();
        String base = "/api/templates/" + id;
        long status = themeId(template.json(), "Status");

        Response incomplete = client.send("PUT", base + "/theme-order", "{\"themeIds\": [" + status + "]}", "If-Match", "\"1\"");
        assertEquals(400, incomplete.status(), incomplete.body());
        assertEquals("themeIds", incomplete.where());
        Response duplicate = client.post(base + "/themes", "{\"name\": \"status\"}");
        assertEquals(400, duplicate.status(), duplicate.body());
        assertEquals("name", duplicate.where());
        Response noThemes = client.post("/api/templates", "{\"name\": \"Leeg " + UUID.randomUUID() + "\", \"themes\": []}");
        assertEquals(400, noThemes.status(), noThemes.body());
        assertEquals("themes", noThemes.where());
        Response badTheme = client.post("/api/templates", "{\"name\": \"Fout " + UUID.randomUUID() + "\", \"themes\": [{\"naam\": \"x\"}]}");
        assertEquals(400, badTheme.status(), badTheme.body());
        assertEquals("themes[0].naam", badTheme.where());
        Response sameName = client.post("/api/templates", "{\"name\": " + JsonClient.quote(template.json().get("name").asText())
                + ", \"themes\": [{\"name\": \"x\"}]}");
        assertEquals(409, sameName.status(), sameName.body());
        assertEquals(404, client.patch(base + "/themes/999999999", "{\"name\": \"x\"}", "\"1\"").status());
        assertEquals(404, client.get("/api/templates/999999999").status());
        assertEquals(1, client.get(base).json().get("version").asInt(), "nothing changed the template");
    }
}

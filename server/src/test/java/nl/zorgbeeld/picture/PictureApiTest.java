package nl.zorgbeeld.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared text picture over HTTP: the picture view, bullets with versions, lost updates, own pictures, history. */
class PictureApiTest {
    private static final List<String> MEDICAL_THEMES = List.of("Situatie", "Slachtofferbeeld", "Gevaarlijke stoffen", "Communicatie",
            "Meteo", "Maatregelen", "Besluiten en acties", "Knelpunten zorgcontinuïteit", "Prognose");
    private static TestServer server;
    private static JsonClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = new JsonClient(server, "Hanna Informatie", "GHOR Utrecht");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aNewIncidentHasAMedicalPictureWithTheNineStandardThemesAndAMultidisciplinaryOne() {
        Scenario s = Scenario.start(client, "Beeld");
        JsonNode view = s.picture();
        assertEquals(s.incidentId, view.path("incident").path("id").asLong());
        assertFalse(view.has("at"), "no moment asked: the picture as it is now");
        assertNotNull(view.get("evaluatedAt"));
        JsonNode pictures = view.get("pictures");
        assertEquals(2, pictures.size());
        assertEquals("geneeskundig", pictures.get(0).get("kind").asText(), "the medical picture comes first");
        assertEquals("GHOR", pictures.get(0).get("organisation").asText());
        assertEquals("multidisciplinair", pictures.get(1).get("kind").asText());
        List<String> names = new ArrayList<>();
        pictures.get(0).get("themes").forEach(t -> names.add(t.get("name").asText()));
        assertEquals(MEDICAL_THEMES, names);
        JsonNode situatie = pictures.get(0).get("themes").get(0);
        assertTrue(situatie.get("required").asBoolean());
        assertTrue(situatie.path("freshness").path("empty").asBoolean());
        assertFalse(situatie.path("freshness").path("stale").asBoolean());
        assertEquals(0, situatie.get("bullets").size());
        assertEquals(5, view.path("norms").path("firstDescriptionMinutes").asInt());
        assertEquals(10, view.path("norms").path("staleMinutes").asInt());
        assertFalse(view.path("firstDescription").path("complete").asBoolean());
    }

    @Test
    void aBulletIsStoredWithSourceCertaintyAuthorAndShowsInItsTheme() {
        Scenario s = Scenario.start(client, "Bericht");
        Response r = s.addBullet("Situatie", "Brand in opslagloods, rookpluim richting noordoost.", "Meldkamer brandweer", "vermoeden");
        assertEquals(201, r.status(), r.body());
        long id = r.json().get("id").asLong();
        assertEquals(s.path("/bullets/" + id), r.header("Location"));
        assertEquals("\"1\"", r.header("ETag"));
        assertEquals("vermoeden", r.json().get("certainty").asText());
        assertEquals("Hanna Informatie", r.json().get("author").asText());
        assertEquals("GHOR Utrecht", r.json().get("organisation").asText());
        assertEquals(1, Sql.count("SELECT count(*) FROM bullet_version WHERE bullet_id = ?", id));

        JsonNode theme = Scenario.medicalTheme(s.picture(), "Situatie");
        assertEquals(1, theme.get("bullets").size());
        assertEquals("Meldkamer brandweer", theme.get("bullets").get(0).get("source").asText());
        assertFalse(theme.path("freshness").path("empty").asBoolean());
        assertFalse(theme.path("freshness").path("stale").asBoolean());
        assertTrue(theme.path("freshness").path("ageSeconds").asLong() < 60);
    }

    @Test
    void certaintyDefaultsToValidated() {
        Scenario s = Scenario.start(client, "Standaard zekerheid");
        Response r = client.post(s.path("/bullets"), "{\"pictureId\": " + s.medicalPictureId() + ", \"themeId\": "
                + s.themeId("geneeskundig", "Meteo") + ", \"text\": \"Wind ZW 4 Bft\", \"source\": \"KNMI\"}");
        assertEquals(201, r.status(), r.body());
        assertEquals("gevalideerd", r.json().get("certainty").asText());
    }

    @Test
    void editingMakesANewVersionAndKeepsTheOld() {
        Scenario s = Scenario.start(client, "Bewerken");
        long id = s.bullet("Slachtofferbeeld", "Ongeveer 10 gewonden");
        Response edited = client.patch(s.path("/bullets/" + id), "{\"text\": \"12 gewonden, 3 T1\", \"certainty\": \"gevalideerd\"}", "\"1\"");
        assertEquals(200, edited.status(), edited.body());
        assertEquals("\"2\"", edited.header("ETag"));
        assertEquals("12 gewonden, 3 T1", edited.json().get("text").asText());

        JsonNode versions = client.get(s.path("/bullets/" + id + "/versions")).json().get("versions");
        assertEquals(2, versions.size());
        assertEquals("Ongeveer 10 gewonden", versions.get(0).get("text").asText());
        assertEquals("12 gewonden, 3 T1", versions.get(1).get("text").asText());
        JsonNode theme = Scenario.medicalTheme(s.picture(), "Slachtofferbeeld");
        assertEquals(1, theme.get("bullets").size(), "the edit replaces the bullet in the current picture");
        assertEquals("12 gewonden, 3 T1", theme.get("bullets").get(0).get("text").asText());
    }

    @Test
    void aBulletCanMoveToAnotherThemeOfItsPicture() {
        Scenario s = Scenario.start(client, "Verplaatsen");
        long id = s.bullet("Situatie", "Evacuatie van de wijk gestart");
        long maatregelen = s.themeId("geneeskundig", "Maatregelen");
        Response moved = client.patch(s.path("/bullets/" + id), "{\"themeId\": " + maatregelen + "}", "\"1\"");
        assertEquals(200, moved.status(), moved.body());
        JsonNode view = s.picture();
        assertEquals(0, Scenario.medicalTheme(view, "Situatie").get("bullets").size());
        assertEquals(1, Scenario.medicalTheme(view, "Maatregelen").get("bullets").size());
    }

    @Test
    void retractingRemovesFromTheCurrentPictureButKeepsTheBulletInHistory() {
        Scenario s = Scenario.start(client, "Intrekken");
        long id = s.bullet("Communicatie", "NL-Alert verstuurd");
        Response retracted = client.send("POST", s.path("/bullets/" + id + "/retract"), "{\"reason\": \"Bericht was voorbarig\"}",
                "If-Match", "\"1\"");
        assertEquals(200, retracted.status(), retracted.body());
        assertTrue(retracted.json().get("retracted").asBoolean());
        assertEquals(2, retracted.json().get("version").asInt());

        assertEquals(0, Scenario.medicalTheme(s.picture(), "Communicatie").get("bullets").size());
        Response still = client.get(s.path("/bullets/" + id));
        assertEquals(200, still.status());
        assertTrue(still.json().get("retracted").asBoolean());
        assertEquals("NL-Alert verstuurd", still.json().get("text").asText());
        JsonNode event = client.get(s.path("/timeline")).json().get("events").get(0);
        assertEquals("bullet.retracted", event.get("action").asText());
        assertEquals("Bericht was voorbarig", event.path("details").path("reason").asText());

        Response again = client.send("POST", s.path("/bullets/" + id + "/retract"), null, "If-Match", "\"2\"");
        assertEquals(409, again.status(), again.body());
        Response edit = client.patch(s.path("/bullets/" + id), "{\"text\": \"Toch wel\"}", "\"2\"");
        assertEquals(409, edit.status(), edit.body());
        assertEquals(2, Sql.count("SELECT count(*) FROM bullet_version WHERE bullet_id = ?", id));
    }

    @Test
    void aLostUpdateIsRefusedWith412AndTheCurrentVersion() {
        Scenario s = Scenario.start(client, "Verloren update");
        long id = s.bullet("Situatie", "Eerste versie");
        JsonClient colleague = new JsonClient(server, "Jan Collega", "GHOR Utrecht");
        assertEquals(200, colleague.patch(s.path("/bullets/" + id), "{\"text\": \"Versie van collega\"}", "\"1\"").status());

        Response mine = client.patch(s.path("/bullets/" + id), "{\"text\": \"Mijn versie\"}", "\"1\"");
        assertEquals(412, mine.status(), mine.body());
        assertEquals("PreconditionFailed", mine.code());
        assertEquals("Versie van collega", mine.json().path("current").path("text").asText());
        assertEquals(2, mine.json().path("current").path("version").asInt());
        assertEquals("Jan Collega", mine.json().path("current").path("author").asText());
        Response retract = client.send("POST", s.path("/bullets/" + id + "/retract"), null, "If-Match", "\"1\"");
        assertEquals(412, retract.status(), retract.body());
        assertEquals(2, Sql.count("SELECT count(*) FROM bullet_version WHERE bullet_id = ?", id));
        assertEquals("Versie van collega", client.get(s.path("/bullets/" + id)).json().get("text").asText());
    }

    @Test
    void editsAndRetractionsWithoutIfMatchGet428() {
        Scenario s = Scenario.start(client, "Zonder If-Match");
        long id = s.bullet("Situatie", "Iets");
        Response edit = client.send("PATCH", s.path("/bullets/" + id), "{\"text\": \"Anders\"}");
        assertEquals(428, edit.status(), edit.body());
        assertEquals("PreconditionRequired", edit.code());
        Response retract = client.send("POST", s.path("/bullets/" + id + "/retract"), null);
        assertEquals(428, retract.status(), retract.body());
        assertEquals(1, Sql.count("SELECT count(*) FROM bullet_version WHERE bullet_id = ?", id));
    }

    @Test
    void thePictureAtAnEarlierMomentIsThePictureAsItWasThen() {
        Scenario s = Scenario.start(client, "Geschiedenis");
        long kept = s.bullet("Situatie", "Brand uitgebroken");
        Response edited = s.addBullet("Slachtofferbeeld", "5 gewonden", "Ambulancedienst", "aanname");
        long changed = edited.json().get("id").asLong();
        String afterFirst = edited.json().get("updatedAt").asText();

        assertEquals(200, client.patch(s.path("/bullets/" + changed), "{\"text\": \"8 gewonden\", \"certainty\": \"gevalideerd\"}", "\"1\"").status());
        assertEquals(200, client.send("POST", s.path("/bullets/" + kept + "/retract"), null, "If-Match", "\"1\"").status());
        s.bullet("Meteo", "Later toegevoegd");

        JsonNode then = client.get(s.path("/picture?at=" + URLEncoder.encode(afterFirst, StandardCharsets.UTF_8))).json();
        assertEquals(afterFirst, then.get("at").asText());
        assertEquals("Brand uitgebroken", Scenario.medicalTheme(then, "Situatie").get("bullets").get(0).get("text").asText(),
                "retracted later, so still there then");
        JsonNode victims = Scenario.medicalTheme(then, "Slachtofferbeeld").get("bullets").get(0);
        assertEquals("5 gewonden", victims.get("text").asText());
        assertEquals("aanname", victims.get("certainty").asText());
        assertEquals(1, victims.get("version").asInt());
        assertEquals(0, Scenario.medicalTheme(then, "Meteo").get("bullets").size(), "not yet written then");

        JsonNode now = s.picture();
        assertEquals(0, Scenario.medicalTheme(now, "Situatie").get("bullets").size());
        assertEquals("8 gewonden", Scenario.medicalTheme(now, "Slachtofferbeeld").get("bullets").get(0).get("text").asText());
        assertEquals(1, Scenario.medicalTheme(now, "Meteo").get("bullets").size());
    }

    @Test
    void theIncidentInAnEarlierPictureIsTheIncidentAsItWasThen() {
        Scenario s = Scenario.start(client, "Incident toen");
        Response before = client.get(s.path(""));
        String createdAt = before.json().get("updatedAt").asText();
        assertEquals(200, client.patch(s.path(""), "{\"grip\": \"2\"}", before.header("ETag")).status());
        JsonNode then = client.get(s.path("/picture?at=" + URLEncoder.encode(createdAt, StandardCharsets.UTF_8))).json();
        assertEquals("geen", then.path("incident").path("grip").asText());
        assertEquals("2", s.picture().path("incident").path("grip").asText());
    }

    @Test
    void anUnencodedPlusInTheOffsetIsUnderstood() {
        Scenario s = Scenario.start(client, "Plus");
        Response r = client.get(s.path("/picture?at=2099-01-01T10:00:00+01:00"));
        assertEquals(400, r.status(), r.body());
        assertTrue(r.json().get("detail").asText().contains("future"), "parsed as a time, refused only for being in the future: " + r.body());
    }

    @Test
    void beforeTheIncidentExistedThereIsNoPicture() {
        Scenario s = Scenario.start(client, "Voor het begin");
        Response r = client.get(s.path("/picture?at=2001-01-01T00:00:00Z"));
        assertEquals(404, r.status(), r.body());
    }

    @Test
    void theTimelineListsEveryChangeNewestFirst() {
        Scenario s = Scenario.start(client, "Tijdlijn");
        long id = s.bullet("Situatie", "Eerste bericht");
        client.patch(s.path("/bullets/" + id), "{\"source\": \"Officier van dienst\"}", "\"1\"");
        JsonNode events = client.get(s.path("/timeline")).json().get("events");
        List<String> actions = new ArrayList<>();
        events.forEach(e -> actions.add(e.get("action").asText()));
        assertEquals(List.of("bullet.edited", "bullet.added", "picture.added", "picture.added", "incident.created"), actions);
        assertEquals(s.path("/bullets/" + id), events.get(0).get("subject").asText());
        assertEquals("Officier van dienst", events.get(0).path("details").path("source").path("to").asText());
        assertEquals("Eerste bericht", events.get(1).get("summary").asText());
        assertEquals(2, client.get(s.path("/timeline?limit=2")).json().get("events").size());
    }

    @Test
    void anInstitutionAddsItsOwnPicture() {
        Scenario s = Scenario.start(client, "Eigen beeld");
        String name = "Verpleeghuis De Linde " + UUID.randomUUID().toString().substring(0, 4);
        Response r = client.post(s.path("/pictures"), "{\"organisation\": " + JsonClient.quote(name) + "}");
        assertEquals(201, r.status(), r.body());
        assertEquals("eigen", r.json().get("kind").asText());
        long pictureId = r.json().get("id").asLong();
        assertEquals(s.path("/pictures/" + pictureId), r.header("Location"));
        assertEquals(200, client.get(s.path("/pictures/" + pictureId)).status());
        assertEquals(3, client.get(s.path("/pictures")).json().get("pictures").size());

        JsonNode own = s.pictureOfKind("eigen");
        assertEquals(name, own.get("organisation").asText());
        assertEquals("Status", own.get("themes").get(0).get("name").asText());
        Response bullet = client.post(s.path("/bullets"), "{\"pictureId\": " + pictureId + ", \"themeId\": "
                + own.get("themes").get(0).get("id").asLong() + ", \"text\": \"Opnamestop\", \"source\": \"Locatiemanager\"}");
        assertEquals(201, bullet.status(), bullet.body());

        Response twice = client.post(s.path("/pictures"), "{\"organisation\": " + JsonClient.quote(name) + "}");
        assertEquals(409, twice.status(), twice.body());
    }

    @Test
    void anOwnPictureNeedsAKnownInstitutionOrAName() {
        Scenario s = Scenario.start(client, "Eigen beeld fout");
        Response unknown = client.post(s.path("/pictures"), "{\"institutionId\": \"geen-instelling-" + UUID.randomUUID() + "\"}");
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals("institutionId", unknown.where());
        Response nothing = client.post(s.path("/pictures"), "{}");
        assertEquals(400, nothing.status(), nothing.body());
        assertEquals("organisation", nothing.where());
        Response template = client.post(s.path("/pictures"), "{\"organisation\": \"RAV\", \"templateId\": 999999}");
        assertEquals(400, template.status(), template.body());
        assertEquals("templateId", template.where());
        assertEquals(2, Sql.count("SELECT count(*) FROM picture WHERE incident_id = ?", s.incidentId));
    }

    @Test
    void theFirstCompleteDescriptionIsMeasuredFromTheScaleUp() {
        Scenario s = Scenario.start(client, "Eerste beeld");
        for (String theme : List.of("Situatie", "Slachtofferbeeld", "Gevaarlijke stoffen", "Communicatie")) {
            s.bullet(theme, "Eerste informatie over " + theme);
        }
        JsonNode incomplete = client.get(s.path("/freshness")).json();
        assertFalse(incomplete.path("firstDescription").path("complete").asBoolean(), "Meteo is still empty");
        assertNull(incomplete.path("firstDescription").get("completedAt"));

        s.bullet("Meteo", "Wind west, 3 Bft");
        JsonNode complete = client.get(s.path("/freshness")).json();
        JsonNode first = complete.get("firstDescription");
        assertTrue(first.get("complete").asBoolean(), complete.toString());
        assertNotNull(first.get("completedAt"));
        assertFalse(first.get("overdue").asBoolean(), "written within seconds of the start");
        assertEquals(5, first.get("normMinutes").asInt());
        assertEquals(0, complete.get("staleThemes").asInt());
        assertEquals(2, complete.get("pictures").size());
    }

    @Test
    void pictureVocabulariesListTheCertainties() {
        JsonNode v = client.get("/api/vocabularies/picture").json();
        List<String> codes = new ArrayList<>();
        v.get("certainties").forEach(c -> codes.add(c.get("code").asText()));
        assertEquals(List.of("gevalideerd", "aanname", "vermoeden", "gerucht", "mening"), codes);
        assertEquals(1000, v.path("limits").path("text").asInt());
    }
}

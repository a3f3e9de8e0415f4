package nl.zorgbeeld.picture;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The text picture in headless Chromium against the real app and database: a Hoofd Informatie
 * starts an incident through the UI and writes a bullet; the API then has both, with who wrote it.
 */
class PictureBrowserTest {
    private static TestServer server;
    private static Browser browser;
    private Browser.Screen screen;
    private Page page;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        try (Browser b = browser; TestServer s = server) {
            // closes both, even when one fails
        }
    }

    @BeforeEach
    void openPage() {
        screen = browser.screen(1400, 900);
        server.logIn(screen.context());
        page = screen.open(server.url("/"));
    }

    @AfterEach
    void closePage() {
        screen.close();
        assertEquals(List.of(), screen.problems());
        assertEquals(List.of(), screen.refused());
    }

    @Test
    void anIncidentStartedInTheUiGetsABulletThatTheApiHas() {
        String title = "Brand Chemiepark " + UUID.randomUUID().toString().substring(0, 8);
        server.logIn(screen.context(), TestUsers.user("Zoë Informatie", "GHOR Zuid-Limburg", Role.HOOFD_INFORMATIE));
        screen.open(server.url("/"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Incident kiezen of starten")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nieuw incident starten")).click();
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Nieuw incident"));
        form.getByLabel("Titel").fill(title);
        form.getByLabel("Type incident").selectOption("gevaarlijke_stoffen");
        form.getByLabel("Locatie").fill("Chemiestraat 4, Geleen");
        form.getByLabel("Dit is een oefening").check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Incident starten")).click();

        assertThat(page.locator("#incident-summary")).containsText(title);
        assertThat(page.locator("#incident-summary")).containsText("Gevaarlijke stoffen (CBRN)");
        assertThat(page.locator("#zb-exercise-banner")).containsText("OEFENING");
        long incidentId = incidentIdFromAddress();

        Locator situatie = page.locator(".zb-theme[data-theme='Situatie']");
        assertThat(situatie.locator(".zb-fresh")).hasText("leeg");
        situatie.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bericht toevoegen aan Situatie")).click();
        Locator bulletForm = situatie.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Nieuw bericht"));
        bulletForm.getByLabel("Bron").fill("OvD-G ter plaatse");
        bulletForm.getByLabel("Zekerheid").selectOption("vermoeden");
        bulletForm.getByLabel("Bericht").fill("Lekkage van chloorgas uit opslagtank");
        bulletForm.getByLabel("Bericht").press("Enter");

        Locator bullet = situatie.locator(".zb-bullet");
        assertThat(bullet).hasCount(1);
        assertThat(bullet).containsText("Lekkage van chloorgas uit opslagtank");
        assertThat(bullet.locator(".zb-certainty")).hasText("Vermoeden");
        assertThat(bullet).containsText("Bron: OvD-G ter plaatse");
        assertThat(bullet).containsText("Zoë Informatie (GHOR Zuid-Limburg)");
        assertThat(situatie.locator(".zb-fresh")).containsText("actueel");
        screen.waitForAnnouncement("Lekkage van chloorgas");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Tijdlijn")).click();
        assertThat(page.locator(".zb-changes")).containsText("Bericht geplaatst: Lekkage van chloorgas uit opslagtank");
        assertThat(page.locator(".zb-changes")).containsText("Incident gestart");

        JsonClient api = JsonClient.as(server, TestUsers.standard());
        JsonNode incident = api.get("/api/incidents/" + incidentId).json();
        assertEquals(title, incident.get("title").asText());
        assertEquals("gevaarlijke_stoffen", incident.get("type").asText());
        assertTrue(incident.get("exercise").asBoolean());
        assertEquals("Zoë Informatie", incident.path("regie").path("person").asText());
        JsonNode stored = Scenario.medicalTheme(api.get("/api/incidents/" + incidentId + "/picture").json(), "Situatie").get("bullets");
        assertEquals(1, stored.size());
        assertEquals("Lekkage van chloorgas uit opslagtank", stored.get(0).get("text").asText());
        assertEquals("OvD-G ter plaatse", stored.get(0).get("source").asText());
        assertEquals("vermoeden", stored.get(0).get("certainty").asText());
        assertEquals("GHOR Zuid-Limburg", stored.get(0).get("organisation").asText());
    }

    @Test
    void aBulletIsEditedAndTheEarlierMomentShowsTheOldText() {
        JsonClient api = new JsonClient(server, "Hanna Informatie", "GHOR Utrecht");
        Scenario s = Scenario.start(api, "Tijdkiezer");
        s.bullet("Meteo", "Wind zuidwest, 3 Bft");
        screen.open(server.url("/#incident=" + s.incidentId));

        Locator meteo = page.locator(".zb-theme[data-theme='Meteo']");
        assertThat(meteo.locator(".zb-bullet")).containsText("Wind zuidwest, 3 Bft");
        meteo.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bericht wijzigen: Wind zuidwest, 3 Bft")).click();
        Locator edit = meteo.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Bericht wijzigen"));
        edit.getByLabel("Bericht").fill("Wind west, 5 Bft, draait naar noordwest");
        edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Wijziging opslaan")).click();
        assertThat(meteo.locator(".zb-bullet")).containsText("versie 2");
        assertEquals("Wind west, 5 Bft, draait naar noordwest",
                Scenario.medicalTheme(s.picture(), "Meteo").get("bullets").get(0).get("text").asText());

        // The time selector's first moment is the incident's start: before the edit.
        page.locator(".zb-timebar__range").evaluate("r => { r.value = r.min; r.dispatchEvent(new Event('change')); }");
        assertThat(page.locator(".zb-history-banner")).isVisible();
        assertThat(meteo.locator(".zb-bullet")).hasCount(0);
        assertThat(meteo.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bericht toevoegen aan Meteo"))).hasCount(0);
        assertFalse(page.locator("#zb-picture").innerText().contains("null"), "a part left out when read-only leaves no trace");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terug naar nu")).click();
        assertThat(page.locator(".zb-history-banner")).isHidden();
        assertThat(meteo.locator(".zb-bullet")).containsText("draait naar noordwest");
    }

    private long incidentIdFromAddress() {
        page.waitForURL(Pattern.compile(".*#incident=\\d+"));
        Matcher m = Pattern.compile("#incident=(\\d+)").matcher(page.url());
        assertTrue(m.find(), page.url());
        return Long.parseLong(m.group(1));
    }
}

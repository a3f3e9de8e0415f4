package nl.zorgbeeld.regie;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The regie's tools in headless Chromium: the regie holder writes the management summary and marks
 * a GAGS's bullet tegenstrijdig; the GAGS's own page shows the mark at once and resolves it; the
 * quality panel follows a stale theme being updated.
 */
class RegieBrowserTest {
    private static TestServer server;
    private static Browser browser;
    private static JsonClient hanna;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = Browser.launch();
        hanna = JsonClient.as(server, TestUsers.standard());
    }

    @AfterAll
    static void stop() {
        try (Browser b = browser; TestServer s = server) {
            // closes both, even when one fails
        }
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
    }

    @Test
    void theRegieHolderMarksABulletTegenstrijdigAndItsAuthorResolvesIt() {
        TestUser gagsUser = TestUsers.user("Gijs Gevaar", "GHOR Utrecht", Role.GAGS);
        JsonClient gags = JsonClient.as(server, gagsUser);
        RegieFixture s = RegieFixture.start(hanna, "Regie in beeld");
        long gagsBullet = s.bullet(gags, "Gevaarlijke stoffen", "Geen stoffen vrijgekomen");
        s.bullet(hanna, "Situatie", "Ammoniak gemeten bij de loods");

        try (Browser.Screen regieScreen = browser.screen(1400, 900); Browser.Screen authorScreen = browser.screen(1400, 900)) {
            server.logIn(regieScreen.context());
            Page regie = regieScreen.open(server.url("/#incident=" + s.incidentId));
            server.logIn(authorScreen.context(), gagsUser);
            Page author = authorScreen.open(server.url("/#incident=" + s.incidentId));

            // The summary first, written by who holds the regie; the GAGS reads it live and has no write button.
            Locator management = regie.locator(".zb-management");
            button(management, "Samenvatting schrijven").click();
            management.locator("textarea[name=text]").fill("Brand in loods onder controle; ammoniak gemeten.");
            button(management, "Samenvatting opslaan").click();
            assertThat(management.locator(".zb-management__text")).hasText("Brand in loods onder controle; ammoniak gemeten.");
            assertThat(author.locator(".zb-management__text")).hasText("Brand in loods onder controle; ammoniak gemeten.");
            assertThat(author.locator(".zb-management button")).hasCount(0);

            Locator bullet = regie.locator(".zb-bullet[data-bullet-id='" + gagsBullet + "']");
            button(bullet, "Bericht markeren: Geen stoffen vrijgekomen").click();
            Locator markForm = bullet.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Regiecheck"));
            markForm.getByLabel("Soort").selectOption("tegenstrijdig");
            markForm.getByLabel("Tegenstrijdig met").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Situatie: Ammoniak gemeten bij de loods"));
            markForm.getByLabel("Toelichting").fill("Meting zegt ammoniak");
            button(markForm, "Markeren").click();
            assertThat(bullet.locator(".zb-mark")).containsText("Tegenstrijdig");
            assertThat(regie.locator("#zb-checklist")).containsText("Gevaarlijke stoffen: 1 open");

            // The author's page shows the mark on their bullet at once (live) and resolves it.
            Locator own = author.locator(".zb-bullet[data-bullet-id='" + gagsBullet + "']");
            assertThat(own.locator(".zb-mark")).containsText("Meting zegt ammoniak");
            assertThat(own.locator(".zb-mark__conflict")).containsText("Ammoniak gemeten bij de loods");
            assertThat(own).hasClass(java.util.regex.Pattern.compile("zb-bullet--marked"));
            authorScreen.waitForAnnouncement("Regiecheck op uw bericht");
            button(own, "Regiecheck oplossen: Meting zegt ammoniak").click();
            Locator resolveForm = own.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Regiecheck oplossen"));
            resolveForm.getByLabel("Oplossing").selectOption("beantwoord");
            resolveForm.getByLabel("Toelichting").fill("Meting lag buiten de zone");
            button(resolveForm, "Oplossen").click();
            assertThat(own.locator(".zb-mark--resolved")).containsText("Meting lag buiten de zone");
            assertThat(bullet.locator(".zb-mark--resolved")).containsText("Meting lag buiten de zone");
            assertThat(regie.locator("#zb-checklist")).hasCount(0);

            JsonNode checks = hanna.get(s.path("/checks")).json().get("checks");
            assertEquals(1, checks.size());
            assertFalse(checks.get(0).get("open").asBoolean());
            assertEquals("Gijs Gevaar", checks.get(0).get("resolution").get("resolvedBy").get("author").asText());
            assertEquals("Brand in loods onder controle; ammoniak gemeten.", hanna.get(s.path("/pictures/" + s.medical().get("id").asLong()
                    + "/summary")).json().get("text").asText());
            assertEquals(List.of(), regieScreen.problems());
            assertEquals(List.of(), authorScreen.problems());
            assertEquals(List.of(), authorScreen.refused());
        }
    }

    @Test
    void aMarkOnADecisionShowsInTheTimeline() {
        RegieFixture s = RegieFixture.start(hanna, "Regie tijdlijn");
        long decision = hanna.post(s.path("/decisions"), "{\"kind\": \"actie\", \"description\": \"Bel UMC Utrecht\", \"owner\": \"HIN\"}")
                .json().get("id").asLong();
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            server.logIn(screen.context());
            Page page = screen.open(server.url("/#incident=" + s.incidentId));
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Tijdlijn")).click();
            Locator entry = page.locator(".zb-decisions .zb-entry");
            button(entry, "Markeren: Bel UMC Utrecht").click();
            Locator markForm = entry.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Regiecheck"));
            markForm.getByLabel("Soort").selectOption("onvolledig");
            markForm.getByLabel("Toelichting").fill("Voor wanneer?");
            button(markForm, "Markeren").click();
            assertThat(entry.locator(".zb-mark")).containsText("Voor wanneer?");
            JsonNode checks = hanna.get(s.path("/checks")).json().get("checks");
            assertEquals("decisions/" + decision, checks.get(0).get("target").get("id").asText());
            assertEquals(List.of(), screen.problems());
            assertEquals(List.of(), screen.refused());
        }
    }

    @Test
    void theQualityPanelChangesWhenAStaleThemeIsUpdated() {
        RegieFixture s = RegieFixture.start(hanna, "Kwaliteit in beeld");
        long old = s.bullet(hanna, "Meteo", "Wind zuidwest 4 Bft");
        // Written 25 minutes ago: the theme is stale (no waiting, the time is in the data).
        TestDatabase.execute("UPDATE bullet_version SET recorded_at = now() - interval '25 minutes' WHERE bullet_id = " + old);
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            server.logIn(screen.context());
            Page page = screen.open(server.url("/#incident=" + s.incidentId));
            page.locator("#quality-button").click();
            Locator upToDate = page.locator("#zb-quality tr[data-key='actuele-themas']");
            assertThat(upToDate).containsText("voldoet niet");
            assertThat(upToDate).containsText("Meteo");
            assertThat(upToDate.locator(".zb-quality__value")).hasText("0%");

            s.bullet(hanna, "Meteo", "Wind draait naar west");
            assertThat(upToDate.locator(".zb-quality__value")).hasText("100%");
            assertThat(upToDate).containsText("voldoet");
            assertThat(upToDate).not().containsText("voldoet niet");
            assertEquals(List.of(), screen.problems());
            assertEquals(List.of(), screen.refused());
        }
    }

    @Test
    void theRegionsHoofdInformatieWritesTheSummaryWhileTheRegieNamesNobodyWithAnAccount() {
        TestUser standIn = TestUsers.user("Otto Tweede", "GHOR Utrecht", Role.HOOFD_INFORMATIE);
        long incidentId = hanna.post("/api/incidents", "{\"title\": \"Regie zonder account " + UUID.randomUUID()
                + "\", \"type\": \"brand\", \"regie\": {\"person\": \"Piet Papier\", \"organisation\": \"Veiligheidsregio Utrecht\"}}")
                .json().get("id").asLong();
        String path = "/api/incidents/" + incidentId;
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            server.logIn(screen.context(), standIn);
            Page page = screen.open(server.url("/#incident=" + incidentId));
            Locator management = page.locator(".zb-management").first();
            button(management, "Samenvatting schrijven").click();
            management.locator("textarea[name=text]").fill("Waarnemend: brand meester.");
            button(management, "Samenvatting opslaan").click();
            assertThat(management.locator(".zb-management__text")).hasText("Waarnemend: brand meester.");

            // Once the regie names a user, only that user writes: the stand-in's button goes.
            Response incident = hanna.get(path);
            assertEquals(200, hanna.patch(path, "{\"regie\": {\"person\": \"Hanna Informatie\", \"organisation\": \"GHOR Utrecht\"}}",
                    incident.header("ETag")).status());
            assertThat(management.locator("button")).hasCount(0);
            assertEquals(List.of(), screen.problems());
            assertEquals(List.of(), screen.refused());
        }
    }
}

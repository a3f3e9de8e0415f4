package nl.zorgbeeld.risk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Veiligheidsbeeld page in headless Chromium: the region's Hoofd Informatie assesses a theme; a reader and the print view show it. */
class RiskBrowserTest {
    private static TestServer server;
    private static Browser browser;

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

    private static Page open(Browser.Screen screen, String path) {
        Page page = screen.page();
        page.navigate(server.url(path));
        page.waitForFunction("() => document.body.dataset.ready === 'true'");
        return page;
    }

    @Test
    void theHoofdInformatieAssessesAThemeAndTheRegionSeesItInTilesAndPrint() {
        String region = "RB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        TestUser hin = TestUsers.user("Ria Regio", "GHOR " + region, region, null, Role.HOOFD_INFORMATIE);
        TestUser reader = TestUsers.user("Lars Lezer", "GHOR " + region, region, null, Role.LEZER);
        try (Browser.Screen screen = browser.screen(1300, 900)) {
            server.logIn(screen.context(), hin);
            Page page = open(screen, "/veiligheidsbeeld.html");
            assertThat(page.locator(".zb-tile")).hasCount(6);
            assertThat(page.locator("#zb-risk-highest")).hasText("Hoogste niveau nu: Niet beoordeeld");

            Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Dreiging beoordelen"));
            form.getByLabel("Thema", new Locator.GetByLabelOptions().setExact(true)).selectOption("extreem-weer");
            form.getByLabel("Dreigingsniveau").selectOption("crisis");
            form.getByLabel("Toelichting").fill("Code rood: zware storm verwacht");
            form.getByLabel("Bron").fill("KNMI");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Beoordeling opslaan")).click();
            Locator weather = page.locator(".zb-tile[data-theme='extreem-weer']");
            assertThat(weather.locator(".zb-tile__level")).hasText("Crisis");
            assertThat(weather).containsText("Bron: KNMI");
            assertThat(page.locator("#zb-risk-highest")).hasText("Hoogste niveau nu: Crisis");
            assertThat(page.locator("#zb-risk-map")).hasAttribute("aria-label", java.util.regex.Pattern.compile("Crisis"));

            // A valid-until in the past is refused with the reason, nothing stored.
            Locator again = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Dreiging beoordelen"));
            again.getByLabel("Toelichting").fill("Te laat");
            again.getByLabel("Bron").fill("KNMI");
            again.getByLabel("Geldig vanaf").fill("2020-01-01T10:00");
            again.getByLabel("Geldig tot").fill("2020-01-02T10:00");
            again.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Beoordeling opslaan")).click();
            assertThat(again.locator(".zb-form__error")).isVisible();
            assertEquals(1, JsonClient.as(server, hin).get("/api/regions/" + region + "/risk/history").json().get("assessments").size());
            assertEquals(List.of(), screen.problems());
        }
        try (Browser.Screen screen = browser.screen(1300, 900)) {
            server.logIn(screen.context(), reader);
            Page page = open(screen, "/veiligheidsbeeld.html");
            assertThat(page.locator(".zb-tile[data-theme='extreem-weer'] .zb-tile__level")).hasText("Crisis");
            assertThat(page.locator("form")).hasCount(0);
            Page print = open(screen, "/veiligheidsbeeld.html?afdruk=1");
            assertThat(print.locator("body")).hasClass(java.util.regex.Pattern.compile("zb-print"));
            assertThat(print.locator(".zb-tile[data-theme='extreem-weer']")).containsText("Code rood: zware storm verwacht");
            assertThat(print.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afdrukken"))).isVisible();
            assertEquals(List.of(), screen.problems());
            assertEquals(List.of(), screen.refused());
        }
    }
}

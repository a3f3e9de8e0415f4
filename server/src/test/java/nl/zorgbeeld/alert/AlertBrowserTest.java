package nl.zorgbeeld.alert;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.alert.AlertFixtures.Place;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * Alerting in headless Chromium, two screens at once: the Hoofd Informatie alerts the affected
 * institutions from the analysis panel (audience preselected, message previewed, recipients listed);
 * the information coordinator of one of them, on its own page, gets the banner at once, reads and
 * acknowledges it; the first page's board turns that institution green. The coordinator sets its
 * warning distance and a hazard drawn near gives its page a warning banner.
 */
class AlertBrowserTest {
    private static final String PREFIX = AlertApiTest.PREFIX + "ui:";
    private static final String HOME = PREFIX + "huis";
    private static final String OTHER = PREFIX + "ander";
    private static final Coordinate ORIGIN = new Coordinate(20_000, 600_000);
    private static TestServer server;
    private static Browser browser;
    private static TestUser coordinator;

    @BeforeAll
    static void start() {
        AlertFixtures.institutions(PREFIX, List.of(new Place(HOME, "Zorghuis Zeewering", "vvt", ORIGIN.x, ORIGIN.y),
                new Place(OTHER, "Woonzorg Strandpaal", "vvt", ORIGIN.x + 700, ORIGIN.y)), "VR09");
        coordinator = TestUsers.withPassword("correct horse battery staple", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", HOME,
                Role.INFORMATIECOORDINATOR);
        server = TestServer.start();
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        try (Browser b = browser; TestServer s = server) {
            // closes both, even when one fails
        }
    }

    @Test
    void theHoofdInformatieAlertsAndTheCoordinatorsAcknowledgementTurnsTheBoardGreen() {
        JsonClient hanna = JsonClient.as(server, TestUsers.standard());
        long incident = TestIncidents.create("Ammoniak Zeewering", "actief");
        AlertFixtures.draw(hanna, incident, "effectgebied", Map.of("zone", "AGW", "substance", "ammoniak"), AlertFixtures.square(ORIGIN, 1000));

        try (Browser.Screen hin = browser.screen(1400, 900); Browser.Screen ico = browser.screen(1200, 800)) {
            server.logIn(hin.context());
            server.logIn(ico.context(), coordinator);
            Page coordinatorPage = ico.open(server.url("/"));
            coordinatorPage.waitForFunction("() => window.zorgbeeld.inbox && window.zorgbeeld.inbox.ready");
            assertEquals(HOME, coordinatorPage.evaluate("() => window.zorgbeeld.inbox.institutionId"));

            Page page = hin.open(server.url("/#incident=" + incident));
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Netwerkanalyse")).click();
            assertThat(page.locator("tr.zb-affected__row[data-institution^='" + PREFIX + "']")).hasCount(2);
            page.locator("#zb-alert-button").click();
            Locator dialog = page.locator("#alert-dialog");
            assertThat(dialog.locator("input[name='audience'][value='affected']")).isChecked();
            assertThat(dialog.locator("#alert-recipients li")).hasCount(2);
            assertThat(dialog.locator("#alert-recipients")).containsText("Zorghuis Zeewering");
            assertThat(dialog.locator("#alert-recipients")).containsText("niet aangesloten");
            assertThat(dialog.locator("#alert-headline")).hasValue("Ammoniak Zeewering");
            assertTrue(dialog.locator("#alert-description").inputValue().contains("Stof: ammoniak"), "the message from the picture");
            dialog.locator("#alert-headline").fill("Ammoniakwolk: ramen en deuren dicht");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("alert-dialog.png")));
            dialog.locator("#alert-send").click();
            hin.waitForToast("Alarm verzonden aan 2 instellingen");

            Locator home = page.locator(".zb-board__row[data-institution='" + HOME + "']");
            Locator other = page.locator(".zb-board__row[data-institution='" + OTHER + "']");
            assertThat(other).hasAttribute("data-colour", "rood");
            assertThat(home).hasAttribute("data-colour", "oranje");

            Locator banner = coordinatorPage.locator(".zb-alert-banner[data-incident='" + incident + "']");
            assertThat(banner).containsText("Ammoniakwolk: ramen en deuren dicht");
            assertThat(banner).containsText("OEFENING");
            assertTrue(((Number) coordinatorPage.evaluate("() => window.zorgbeeld.inbox.beeps")).intValue() >= 1, "a sound");
            assertThat(home).hasAttribute("data-state", "afgeleverd");

            banner.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Gelezen")).click();
            assertThat(home).hasAttribute("data-state", "gelezen");
            coordinatorPage.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("alert-banner.png")));
            banner.locator(".zb-alert-banner__note").fill("Ramen dicht, ventilatie uit");
            banner.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bevestigen")).click();
            assertThat(banner).hasCount(0);

            assertThat(home).hasAttribute("data-colour", "groen");
            assertThat(home).containsText("Ramen dicht, ventilatie uit");
            assertThat(page.locator("#zb-board-counts")).containsText("1 bevestigd");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("alert-board.png")));

            assertEquals(List.of(), hin.problems());
            assertEquals(List.of(), ico.problems());
            assertEquals(List.of(), hin.refused());
            assertEquals(List.of(), ico.refused());
        }
    }

    @Test
    void theCoordinatorSetsAWarningDistanceAndANearHazardWarnsItsPage() {
        JsonClient hanna = JsonClient.as(server, TestUsers.standard());
        long incident = TestIncidents.create("Brand Strandpaal", "actief");
        try (Browser.Screen ico = browser.screen(1200, 800)) {
            server.logIn(ico.context(), coordinator);
            Page page = ico.open(server.url("/"));
            page.waitForFunction("() => window.zorgbeeld.inbox && window.zorgbeeld.inbox.ready");
            page.locator("#identity-button").click();
            page.locator("#warning-setting-button").click();
            page.locator("#warning-distance").fill("3000");
            // Only incident areas: the effect zone of the other test's incident lies around this institution.
            page.locator("input[name='hazardKinds'][value='effectgebied']").uncheck();
            page.locator("#warning-save").click();
            ico.waitForToast("Waarschuwingsafstand opgeslagen: 3000 m");
            assertEquals(3000.0, ((Number) Sql.one("SELECT distance_m FROM warning_setting WHERE institution_id = ?", HOME)).doubleValue());

            AlertFixtures.draw(hanna, incident, "incidentgebied", Map.of(), AlertFixtures.square(new Coordinate(ORIGIN.x - 2500, ORIGIN.y), 500));
            Locator warning = page.locator(".zb-alert-banner--warning", new Page.LocatorOptions().setHasText("Brand Strandpaal"));
            assertThat(warning).containsText("2 km ten oosten van het incidentgebied");
            warning.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Gelezen")).click();
            assertThat(warning).hasCount(0);
            assertEquals(List.of(), ico.problems());
            assertEquals(List.of(), ico.refused());
        }
    }
}

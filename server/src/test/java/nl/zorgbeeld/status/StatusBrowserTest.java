package nl.zorgbeeld.status;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.status.StatusFixtures.Place;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An information coordinator, logged in, reports its emergency department closed on one page; the
 * Hoofd Informatie of the region, logged in on another, sees it in the Capaciteit table and on the
 * map without a reload. The fallback poll takes a minute, so within five seconds only the live stream
 * can bring it. The coordinator is offered the form for its own institution only.
 */
class StatusBrowserTest {
    private static final String REGION = "VRSTBR";
    private static final String ID = "stbrowser:zkh";
    private static final String OTHER = "stbrowser:ander";
    private static TestServer server;
    private static Browser browser;
    private static TestUser hinUser;
    private static TestUser icoUser;

    @BeforeAll
    static void start() {
        StatusFixtures.institutions("stbrowser:", REGION, List.of(new Place(ID, "Ziekenhuis Rivierenland", "ziekenhuis", 5.12, 52.09),
                new Place(OTHER, "Ziekenhuis Anders", "ziekenhuis", 5.3, 52.2)));
        hinUser = TestUsers.user("Hanna HIN", "GHOR Browserregio", REGION, null, Role.HOOFD_INFORMATIE);
        icoUser = TestUsers.user("Ilse ICo", "Ziekenhuis Rivierenland Tiel", REGION, ID, Role.INFORMATIECOORDINATOR);
        server = TestServer.start();
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        try (Browser b = browser; TestServer s = server) {
            // closes both, even when one fails
        }
    }

    private static Page open(Browser.Screen screen, TestUser user, String hash) {
        server.logIn(screen.context(), user);
        Page page = screen.page();
        page.navigate(server.url("/" + hash));
        page.waitForFunction("() => window.zorgbeeld && window.zorgbeeld.ready && window.zorgbeeld.status && window.zorgbeeld.status.ready");
        return page;
    }

    @Test
    void aClosedEmergencyDepartmentReachesTheHoofdInformatieAtOnce() {
        try (Browser.Screen hinScreen = browser.screen(1400, 900); Browser.Screen icoScreen = browser.screen(1400, 900)) {
            Page hin = open(hinScreen, hinUser, "");
            hin.click("#tab-capaciteit");
            assertThat(hin.locator("#tabpanel-capaciteit")).isVisible();
            assertThat(hin.locator("#status-legend")).containsText("Evacuerend");
            assertEquals(null, hin.evaluate("id => zorgbeeld.status.markerStatus(id)", ID), "no report yet: no ring");
            int version = (int) hin.evaluate("() => zorgbeeld.status.version");

            // The other institution's report, by the Hoofd Informatie of the region, puts it in the coordinator's table too.
            assertEquals(201, JsonClient.as(server, hinUser).post(StatusApiTest.path(OTHER), "{\"operationalStatus\":\"normaal\"}").status());
            hin.waitForFunction("v => zorgbeeld.status.version > v && zorgbeeld.status.count === 1", version);
            version = (int) hin.evaluate("() => zorgbeeld.status.version");
            assertThat(hin.locator("#status-table tr[data-institution='" + OTHER + "'] [data-status-report]")).hasCount(1);

            Page ico = open(icoScreen, icoUser, "#status=" + OTHER);
            assertThat(ico.locator("#toast")).containsText("U mag de status van Ziekenhuis Anders niet melden");
            assertThat(ico.locator("#status-form")).hasCount(0);
            ico.click("#tab-capaciteit");
            assertThat(ico.locator("#status-table tr[data-institution='" + OTHER + "']")).isVisible();
            assertThat(ico.locator("#status-table tr[data-institution='" + OTHER + "'] [data-status-report]")).hasCount(0);
            ico.navigate(server.url("/#status=" + ID));
            ico.waitForFunction("() => window.zorgbeeld && window.zorgbeeld.status && window.zorgbeeld.status.ready");
            Locator form = ico.locator("#status-form");
            assertThat(form).isVisible();
            form.locator(".zb-choice[data-field='operationalStatus'] label", new Locator.LocatorOptions().setHasText("Beperkt")).click();
            form.locator(".zb-choice[data-field='emergencyDepartment.status'] label", new Locator.LocatorOptions().setHasText("Gesloten")).click();
            form.locator("[name='emergencyDepartment.reason']").fill("Stroomuitval");
            form.locator("[name='beds.ic-volwassenen.available']").fill("0");
            form.locator("[name='beds.ic-volwassenen.total']").fill("12");
            form.locator("button[type='submit']").click();
            assertThat(form).hasCount(0);

            hin.waitForFunction("v => zorgbeeld.status.version > v", version, new Page.WaitForFunctionOptions().setTimeout(5_000));
            Locator row = hin.locator("#status-table tr[data-institution='" + ID + "']");
            assertThat(row).containsText("SEH gesloten");
            assertThat(row).containsText("Stroomuitval");
            assertThat(row).containsText("Beperkt");
            assertThat(row).containsText("0/12");
            assertEquals("beperkt", hin.evaluate("id => zorgbeeld.status.markerStatus(id)", ID), "the map shows the status ring");
            assertThat(hin.locator("#live-status")).containsText("Ilse ICo (Ziekenhuis Rivierenland Tiel): Ziekenhuis Rivierenland: SEH gesloten");
            // The table: the most severe first, filtered by status, with the free beds in total.
            assertThat(hin.locator("#status-table tbody tr").first()).hasAttribute("data-institution", ID);
            assertThat(hin.locator(".zb-status-totals [data-bed-type='ic-volwassenen']")).containsText("0 van 12 vrij");
            hin.selectOption("#zb-status-filter-status", "normaal");
            assertThat(hin.locator("#status-table tbody tr")).hasCount(1);
            assertThat(hin.locator("#status-table tbody tr")).hasAttribute("data-institution", OTHER);
            hin.selectOption("#zb-status-filter-status", "");
            assertThat(hin.locator("#status-table tbody tr")).hasCount(2);
            hin.evaluate("id => zorgbeeld.status.openPopup(id)", ID);
            assertThat(hin.locator(".leaflet-popup .zb-popup__status")).containsText("SEH gesloten");
            assertThat(hin.locator(".leaflet-popup .zb-popup__status")).containsText("IC volwassenen: 0 van 12 vrij");
            hin.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("status-hin.png")));

            hin.locator(".leaflet-popup [data-status-history]").click();
            Locator chart = hin.locator("#bed-chart");
            assertThat(chart.locator(".zb-bed-chart[data-series='1'] canvas")).hasCount(1);
            assertThat(chart.locator(".u-legend")).containsText("IC volwassenen");
            chart.locator("button", new Locator.LocatorOptions().setHasText("Sluiten")).click();
            assertThat(chart).hasCount(0);

            // The next round: the form comes prefilled and one click confirms it unchanged.
            ico.navigate(server.url("/#status=" + ID + "&x=1"));
            ico.waitForFunction("() => window.zorgbeeld && window.zorgbeeld.status && window.zorgbeeld.status.ready");
            assertThat(form).isVisible();
            assertThat(form.locator("[name='emergencyDepartment.reason']")).hasValue("Stroomuitval");
            assertThat(form.locator("[name='beds.ic-volwassenen.total']")).hasValue("12");
            ico.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("status-form.png")));
            form.locator("#status-confirm").click();
            assertThat(form).hasCount(0);
            assertEquals(1L, Sql.count("SELECT count(*) FROM institution_status_report WHERE institution_id = ? AND confirms_version = 1", ID));
            assertEquals(List.of(), hinScreen.problems());
            assertEquals(List.of(), icoScreen.problems());
        }
    }
}

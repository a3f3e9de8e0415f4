package nl.zorgbeeld.analysis;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static nl.zorgbeeld.analysis.AnalysisFixtures.draw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.zorgbeeld.analysis.AnalysisFixtures.Place;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The Netwerkanalyse tab in headless Chromium against the real app and database: an incident area
 * (drawn through the API) fills the panel and the map; the Hoofd Informatie works through the call
 * list; a plume added later, 6 km away, marks the institution it newly affects; an organisation looks
 * at the exposure of its locations; a recomputation that fails is announced in the panel until the
 * next change of the picture makes it good. Everything at sea, west of Zuid-Holland, so no other
 * institution is near.
 */
class AnalysisPanelBrowserTest {
    private static final String PREFIX = "anaui:";
    private static final double OX = 60_000;
    private static final double OY = 440_000;
    private static final String ORGANISATION = "Zorggroep Analysekust";
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static TestServer server;
    private static Browser browser;
    private Browser.Screen screen;
    private Page page;

    @BeforeAll
    static void start() {
        AnalysisFixtures.institutions(PREFIX, List.of(
                new Place(PREFIX + "binnen", "Verpleeghuis Duinzicht", "vvt", false, ORGANISATION, OX, OY),
                new Place(PREFIX + "dichtbij", "Ziekenhuis Strandweg", "ziekenhuis", true, null, OX + 1300, OY),
                new Place(PREFIX + "noord", "GGZ Noordpier", "ggz", false, null, OX, OY + 2500),
                new Place(PREFIX + "verder", "Woonzorg Zeereep", "ghz", false, ORGANISATION, OX - 6000, OY)));
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
    void newScreen() {
        screen = browser.screen(1400, 900);
        server.logIn(screen.context(), TestUsers.user("Hanna Informatie", "GHOR Haaglanden", Role.HOOFD_INFORMATIE));
        page = screen.page();
    }

    @AfterEach
    void closeScreen() {
        screen.close();
        assertEquals(List.of(), screen.problems());
        assertEquals(List.of(), screen.refused());
    }

    /** The incident's page once the picture, its elements and its analysis have loaded. */
    private void open(long incident) {
        open(server, incident);
    }

    private void open(TestServer on, long incident) {
        screen.open(on.url("/#incident=" + incident));
        page.evaluate("() => zorgbeeld.map.setView([51.946, 3.97], 12, { animate: false })");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Netwerkanalyse")).click();
    }

    private static Envelope around(double x1, double y1, double x2, double y2) {
        return new Envelope(OX + x1, OX + x2, OY + y1, OY + y2);
    }

    private Locator ours(String selector) {
        return page.locator(selector + "[data-institution^='" + PREFIX + "']");
    }

    private void shoot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve(name)));
    }

    @Test
    void anIncidentAreaFillsThePanelAndTheMapAndTheCallListIsWorkedThrough() {
        long incident = TestIncidents.create("Gaswolk Kust", "actief");
        draw(server, incident, "incidentgebied", null, "Brandhaard", GEOMETRY.toGeometry(around(-500, -500, 500, 500)));
        open(incident);

        Locator rows = ours("tr.zb-affected__row");
        assertThat(rows).hasCount(3);
        assertThat(rows.nth(0)).containsText("Incidentgebied");
        assertThat(rows.nth(0)).containsText("Verpleeghuis Duinzicht");
        assertThat(rows.nth(0)).containsText("NIEUW");
        assertThat(rows.nth(1)).containsText("Binnen 1 km");
        assertThat(rows.nth(1)).containsText("800 m");
        assertThat(rows.nth(2)).containsText("Binnen 2 km");
        assertThat(page.locator(".zb-analysis__totals")).containsText("3 geraakt");
        page.waitForFunction("() => document.querySelectorAll('.zb-analysis-halo').length >= 3"
                + " && document.querySelectorAll('.leaflet-zb-analysis-pane path:not(.zb-analysis-halo)').length >= 4");
        shoot("analysis-panel.png");

        rows.nth(0).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verpleeghuis Duinzicht")).click();
        assertThat(page.locator(".zb-affected__details")).containsText("030 123 45 67");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Belronde")).click();
        Locator calls = ours("li.zb-call");
        assertThat(calls).hasCount(2);
        assertThat(calls.nth(0)).containsText("Verpleeghuis Duinzicht");
        shoot("analysis-belronde.png");
        calls.nth(0).locator(".zb-status__note").fill("Locatiemanager gebeld, ramen dicht");
        calls.nth(0).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("geïnformeerd")).click();
        assertThat(calls).hasCount(1);
        assertThat(calls.nth(0)).containsText("GGZ Noordpier");
        assertEquals("geinformeerd", Sql.one("SELECT v.status FROM stakeholder s JOIN stakeholder_version v USING (incident_id, institution_id)"
                + " WHERE s.incident_id = ? AND s.institution_id = ? AND v.version = s.version", incident, PREFIX + "binnen"));
        assertEquals("Hanna Informatie", Sql.one("SELECT author FROM stakeholder_version WHERE incident_id = ? AND institution_id = ?",
                incident, PREFIX + "binnen"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Geraakte instellingen")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afstand")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afstand")).click();
        assertThat(page.locator("th[aria-sort='descending']")).containsText("Afstand");
        assertThat(rows.nth(0)).containsText("GGZ Noordpier");
        page.selectOption("#zb-filter-status", "geinformeerd");
        assertThat(rows).hasCount(1);
        assertThat(rows.nth(0)).containsText("geïnformeerd");
    }

    @Test
    void aPlumeAddedLaterMarksTheNewlyAffectedAndAnInstitutionSeesItsExposure() {
        long incident = TestIncidents.create("Pluim Kust", "actief");
        draw(server, incident, "incidentgebied", null, "Brandhaard", GEOMETRY.toGeometry(around(-500, -500, 500, 500)));
        // Read once, as a screen would have: changes that come before the recomputation are recorded together.
        assertEquals(200, server.get("/api/incidents/" + incident + "/affected").statusCode());
        draw(server, incident, "effectgebied", "AGW", "Pluim", GEOMETRY.toGeometry(around(-6500, -300, -5500, 300)));
        open(incident);

        Locator rows = ours("tr.zb-affected__row");
        assertThat(rows).hasCount(4);
        assertThat(rows.nth(0)).containsText("Effectgebied AGW");
        assertThat(rows.nth(0)).containsText("Woonzorg Zeereep");
        assertThat(rows.nth(0)).containsText("NIEUW");
        assertThat(rows.nth(1)).containsText("Verpleeghuis Duinzicht");
        assertThat(rows.nth(1)).not().containsText("NIEUW");
        assertThat(page.locator("tr.zb-affected__row--new[data-institution='" + PREFIX + "verder']")).hasCount(1);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mijn blootstelling")).click();
        page.fill("#zb-exposure-search", "Analysekust");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ORGANISATION + " (organisatie, 2 locaties)")).click();
        Locator locations = ours("li.zb-exposure__location");
        assertThat(locations).hasCount(2);
        assertThat(page.locator(".zb-exposure")).containsText("Binnen het incidentgebied");
        assertThat(page.locator(".zb-exposure")).containsText("Binnen het effectgebied AGW");
        assertThat(page.locator(".zb-exposure")).containsText("nieuw geraakt");
        shoot("analysis-exposure.png");
    }

    @Test
    void aFailedRecomputationIsAnnouncedUntilTheNextChangeMakesItGood() {
        long incident = TestIncidents.create("Herberekening mislukt", "actief");
        Set<Long> failing = ConcurrentHashMap.newKeySet();
        failing.add(incident);
        try (TestServer own = TestServer.start(new AnalysisModule(TestDatabase.dataSource(), Clock.systemUTC(), null, id -> {
            if (failing.contains(id)) throw new IllegalStateException("injected for the browser test");
        }))) {
            JsonNode area = draw(own, incident, "incidentgebied", null, "Brandhaard", GEOMETRY.toGeometry(around(-500, -500, 500, 500)));
            open(own, incident);

            Locator notice = page.locator(".zb-analysis__stale");
            assertThat(notice).containsText("De netwerkanalyse is niet actueel");
            assertThat(notice).containsText("herberekenen na de laatste wijziging van het beeld is mislukt");
            assertThat(notice).hasAttribute("role", "alert");
            assertThat(ours("tr.zb-affected__row")).hasCount(3);
            assertThat(ours("tr.zb-affected__row").nth(0)).not().containsText("NIEUW");
            assertEquals(false, page.evaluate("() => zorgbeeld.analysis.current"));
            shoot("analysis-not-current.png");

            failing.remove(incident);
            HttpResponse<String> redrawn = AnalysisFixtures.send(own, "PUT", "/api/incidents/" + incident + "/elements/" + area.path("id").asText(),
                    AnalysisFixtures.feature("incidentgebied", null, "Brandhaard", GEOMETRY.toGeometry(around(-600, -500, 500, 500))),
                    "Content-Crs", AnalysisFixtures.RD, "If-Match", "\"1\"");
            assertEquals(200, redrawn.statusCode(), redrawn.body());
            assertThat(notice).hasCount(0);
            assertThat(ours("tr.zb-affected__row").nth(0)).containsText("NIEUW");
            page.waitForFunction("() => zorgbeeld.analysis.current === true");
        }
    }
}

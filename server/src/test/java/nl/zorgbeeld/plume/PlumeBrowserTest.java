package nl.zorgbeeld.plume;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.geo.RdNew;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * The GAGS's plume form in headless Chromium against the real app and database, logged in as a GAGS
 * of the incident's region: a wind sector and then a Gaussian plume made through the form, with the source clicked on the map and a preview
 * before publishing; the zones on the map, the plume's popup, the analysis panel listing the
 * affected institutions by zone, and the forecast's hour slider; the Hoofd Informatie sees the plume
 * but is offered no form. At sea west of Zeeland, wind from the east, so no other institution is near.
 */
class PlumeBrowserTest {
    private static final String PREFIX = "pluimui:";
    private static final double SX = 20_000;
    private static final double SY = 430_000;
    private static final RdNew RD = new RdNew();
    private static final TestUser GAGS = TestUsers.user("Gerrit GAGS", "GHOR Utrecht", Role.GAGS);
    private static TestServer server;
    private static Browser browser;
    private Browser.Screen screen;
    private Page page;

    @BeforeAll
    static void start() {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM institution WHERE id LIKE ?")) {
                ps.setString(1, PREFIX + "%");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO institution (id, type, name, city, connected, source, geom)"
                    + " VALUES (?, ?, ?, 'Zee', false, 'pluimtest', ST_SetSRID(ST_MakePoint(?, ?), 28992))")) {
                for (Map.Entry<String, double[]> p : Map.of("dichtbij", new double[] {SX - 300, SY}, "verder", new double[] {SX - 1000, SY},
                        "ver", new double[] {SX - 3000, SY}).entrySet()) {
                    ps.setString(1, PREFIX + p.getKey());
                    ps.setString(2, "vvt");
                    ps.setString(3, "Verpleeghuis " + p.getKey());
                    ps.setDouble(4, p.getValue()[0]);
                    ps.setDouble(5, p.getValue()[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
        page = screen.page();
    }

    @AfterEach
    void closeScreen() {
        screen.close();
        assertEquals(List.of(), screen.problems());
        assertEquals(List.of(), screen.refused());
    }

    private static Coordinate wgs84(double x, double y) {
        return RD.toWgs84(x, y);
    }

    /** Clicks the map at an RD New place (it must be in view). */
    private void clickMapAt(double x, double y) {
        Coordinate c = wgs84(x, y);
        @SuppressWarnings("unchecked")
        Map<String, Object> point = (Map<String, Object>) page.evaluate(String.format(Locale.ROOT,
                "() => { const p = zorgbeeld.map.latLngToContainerPoint([%f, %f]); const r = zorgbeeld.map.getContainer()"
                        + ".getBoundingClientRect(); return { x: r.left + p.x, y: r.top + p.y }; }", c.y, c.x));
        page.mouse().click(((Number) point.get("x")).doubleValue(), ((Number) point.get("y")).doubleValue());
    }

    private void shoot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve(name)));
    }

    private Locator row(String id) {
        return page.locator("tr.zb-affected__row[data-institution='" + PREFIX + id + "']");
    }

    @Test
    void theGagsMakesASectorAndThenAGaussianPlumeThroughTheForm() {
        long incident = TestIncidents.create("Chloorwolk Kust", "actief");
        server.logIn(screen.context(), GAGS);
        screen.open(server.url("/#incident=" + incident));
        // The source in the upper right of the map, clear of the form (upper left) and the legends (lower left).
        Coordinate centre = wgs84(SX - 2500, SY - 1500);
        String view = String.format(Locale.ROOT, "() => zorgbeeld.map.setView([%f, %f], 13, { animate: false })", centre.y, centre.x);
        page.evaluate(view);

        // A wind sector: source clicked on the map, a preview before publishing.
        page.locator("#plume-button").click();
        page.locator("#plume-method-sector").check();
        page.locator("#plume-pick").click();
        clickMapAt(SX, SY);
        page.selectOption("#plume-substance-choice", "chloor");
        page.fill("#plume-wind-direction", "90");
        page.fill("#plume-wind-speed", "3");
        page.fill("#plume-half-angle", "30");
        page.fill("#plume-length-LBW", "500");
        page.fill("#plume-length-AGW", "1500");
        page.fill("#plume-length-VRW", "4000");
        assertThat(page.locator("#plume-preview-status")).containsText("LBW 500 m");
        assertThat(page.locator("path.zb-plume-preview")).hasCount(3);
        assertEquals(0, Sql.count("SELECT count(*) FROM plume WHERE incident_id = ?", incident), "a preview stores nothing");
        shoot("plume-sector-preview.png");
        page.locator("#plume-publish").click();
        screen.waitForToast("Pluim gepubliceerd");
        assertThat(page.locator("#plume-form")).hasCount(0);
        assertThat(page.locator("path.zb-plume-preview")).hasCount(0);
        page.waitForFunction("() => (zorgbeeld.elements || []).filter(f => f.properties.kind === 'effectgebied').length === 3");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Netwerkanalyse")).click();
        assertThat(row("dichtbij").locator(".zb-zone[data-zone='LBW']")).hasCount(1);
        assertThat(row("verder").locator(".zb-zone[data-zone='AGW']")).hasCount(1);
        assertThat(row("ver").locator(".zb-zone[data-zone='VRW']")).hasCount(1);
        shoot("plume-sector.png");

        // The Gaussian model: the substance fills in its intervention values; the new plume replaces the sector.
        page.evaluate(view);
        page.locator("#plume-button").click();
        page.locator("#plume-method-gaussian").check();
        page.locator("#plume-pick").click();
        clickMapAt(SX, SY);
        page.selectOption("#plume-substance-choice", "ammoniak");
        assertThat(page.locator("#plume-threshold-AGW")).hasValue("110");
        page.fill("#plume-rate", "1000");
        page.fill("#plume-duration", "60");
        page.fill("#plume-wind-direction", "90");
        page.fill("#plume-wind-speed", "3");
        page.selectOption("#plume-stability", "D");
        assertThat(page.locator("#plume-preview-status")).containsText("VRW");
        assertThat(page.locator("#plume-notices")).containsText("zwaarder dan lucht");
        page.locator("#plume-publish").click();
        screen.waitForToast("vervangt pluim van");
        page.waitForFunction("() => zorgbeeld.plume && zorgbeeld.plume.method === 'gaussian' && zorgbeeld.plumeZones.size === 3");
        page.waitForFunction("() => (zorgbeeld.elements || []).filter(f => f.properties.kind === 'effectgebied').length === 3"
                + " && zorgbeeld.elements.every(f => f.properties.kind !== 'effectgebied' || zorgbeeld.plumeZones.has(String(f.id)))");
        assertThat(page.locator("path.zb-plume-confidence")).hasCount(3);
        assertThat(row("dichtbij").locator(".zb-zone[data-zone='AGW']")).hasCount(1);
        assertThat(row("verder").locator(".zb-zone[data-zone='VRW']")).hasCount(1);
        // The analysis panel has the plume's column: how bad it gets at the institution, and when.
        assertThat(row("dichtbij").locator(".zb-affected__plume")).containsText("Zone AGW");
        assertThat(row("dichtbij").locator(".zb-affected__plume")).containsText("mg/m³ · na ca. 2 min");
        assertThat(page.locator("#zb-analysis-plume")).containsText("Pluim ammoniak");
        assertThat(page.locator("#zb-analysis-plume [data-code='HEAVY_GAS']")).hasCount(1);
        assertNotEquals(0, Sql.count("SELECT count(*) FROM plume WHERE incident_id = ? AND replaced_by IS NOT NULL", incident));

        // The zone's popup says how it was made, with the model's limits.
        clickMapAt(SX - 700, SY);
        Locator popup = page.locator(".leaflet-popup .zb-plume-popup");
        assertThat(popup).containsText("Gaussisch pluimmodel");
        assertThat(popup).containsText("Beperkingen");
        assertThat(popup.locator("[data-code='HEAVY_GAS']")).hasCount(1);
        assertThat(popup).containsText("vervangt pluim van");
        shoot("plume-gaussian.png");

        // The forecast for the coming hours: the wind turns from north to east; the slider shows each hour.
        page.keyboard().press("Escape");
        page.locator("#plume-button").click();
        page.locator("#plume-forecast summary").click();
        page.fill("#plume-forecast-csv", "time;windDirection;windSpeed;stabilityClass\n2026-11-23T10:00:00+01:00;0;3;D\n"
                + "2026-11-23T11:00:00+01:00;90;3;D\n");
        page.locator("#plume-forecast-run").click();
        assertThat(page.locator("#plume-forecast-bar")).isVisible();
        assertThat(page.locator("#plume-forecast-label")).containsText("10:00");
        assertThat(page.locator("#plume-forecast-institutions li[data-institution='" + PREFIX + "dichtbij']")).containsText("vanaf 11:00");
        page.locator("#plume-forecast-hour").fill("1");
        assertThat(page.locator("#plume-forecast-label")).containsText("11:00");
        assertThat(page.locator("path.zb-plume-forecast")).hasCount(3);
        shoot("plume-forecast.png");
        // The forecast's first hour as a column of the analysis, which follows it from the live stream.
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Netwerkanalyse")).click();
        assertThat(row("dichtbij").locator(".zb-affected__forecast")).containsText("vanaf 11:00 in");
        assertThat(page.locator("#zb-analysis-forecast")).containsText("vanaf 11:00");
    }

    @Test
    void theHoofdInformatieSeesThePlumeButIsOfferedNoForm() {
        long incident = TestIncidents.create("Chloorwolk Haven", "actief");
        String source = String.format(Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]}", wgs84(SX, SY).x, wgs84(SX, SY).y);
        JsonClient.Response published = JsonClient.as(server, GAGS).post("/api/incidents/" + incident + "/plumes",
                "{\"method\":\"gaussian\",\"source\":" + source + ",\"releaseRate\":1000,\"duration\":3600,\"windSpeed\":3,"
                        + "\"windDirection\":90,\"stabilityClass\":\"D\",\"substance\":\"ammoniak\","
                        + "\"thresholds\":{\"LBW\":1000,\"AGW\":200,\"VRW\":14}}");
        assertEquals(201, published.status(), published.body());
        server.logIn(screen.context());
        screen.open(server.url("/#incident=" + incident));
        page.waitForFunction("() => zorgbeeld.plume && zorgbeeld.plume.method === 'gaussian'");
        assertThat(page.locator("path.zb-plume-confidence")).hasCount(3);
        assertThat(page.locator("#plume-control")).isHidden();
        assertThat(page.locator("#plume-form")).hasCount(0);
    }
}

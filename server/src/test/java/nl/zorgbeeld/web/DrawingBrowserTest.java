package nl.zorgbeeld.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drawing the geographic picture in headless Chromium against the real app and database: the Hoofd
 * Informatie draws an incident area with Leaflet-Geoman and saves it with source and certainty; the
 * API then has it with that geometry. Server refusals appear in Dutch next to the field; an edit
 * makes a new version while the time selector still shows the earlier one; a change by someone
 * else in the meantime is not overwritten; a delete asks once and keeps the history.
 */
class DrawingBrowserTest {
    /** The incident area, clockwise from the south-west, inside the Utrecht test region and clear of institutions. */
    private static final double[][] AREA = {{51.94, 5.42}, {51.94, 5.48}, {51.965, 5.48}, {51.965, 5.42}};
    private static final String AREA_FEATURE = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"incidentgebied\",\"label\":\"Brandhaard\","
            + "\"source\":\"OvD-G\",\"certainty\":\"gevalideerd\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[5.42,51.94],[5.48,51.94],[5.48,51.965],[5.42,51.965],[5.42,51.94]]]}}";

    private static TestServer server;
    private static Browser browser;
    private static JsonClient api;
    /** Each test says which refusals ("POST 400") it provokes: see {@link Browser.Screen#refused}. */
    private Browser.Screen screen;
    private Page page;

    @BeforeAll
    static void start() {
        TestDatabase.clearReferenceData();
        ReferenceFixtures.load();
        server = TestServer.start();
        browser = Browser.launch();
        api = new JsonClient(server, "Piet Collega", "GGD Utrecht");
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
        server.logIn(screen.context());
        page = screen.page();
    }

    @AfterEach
    void closeScreen() {
        screen.close();
        assertEquals(List.of(), screen.problems());
    }

    @Test
    void theHoofdInformatieDrawsAnIncidentAreaThatIsStoredWithItsGeometry() {
        long incident = incident("Brand Chemiepark");
        open(incident);

        page.click("#draw-incidentgebied");
        assertThat(page.locator("#draw-incidentgebied")).hasAttribute("aria-pressed", "true");

        drawPolygon(AREA);
        Locator form = page.locator("#element-form");
        assertThat(form).isVisible();
        assertThat(page.locator("#element-form-title")).hasText("Incidentgebied vastleggen");
        assertThat(page.locator("#element-geometry")).hasText("Vlak met 4 hoekpunten");
        page.fill("#element-label", "Brandhaard Chemiepark");
        page.selectOption("#element-certainty", "vermoeden");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("drawing-form.png")));

        // Without a source the server refuses; the reason appears in Dutch next to the source field.
        page.press("#element-label", "Enter");
        assertThat(page.locator("#element-source-error")).hasText("Vul de bron in: van wie of waar komt deze informatie?");
        assertThat(page.locator("#element-source")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#element-source")).isFocused();
        assertEquals(0, Sql.count("SELECT count(*) FROM picture_element WHERE incident_id = ?", incident));
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("drawing-error.png")));

        page.fill("#element-source", "OvD-G ter plaatse");
        page.press("#element-source", "Enter");
        assertThat(form).hasCount(0);
        screen.waitForToast("Incidentgebied opgeslagen.");
        page.waitForFunction("() => zorgbeeld.elements.length === 1");
        assertThat(page.locator("#element-legend")).containsText("Incidentgebied");
        assertThat(page.locator("#element-legend")).containsText("niet gevalideerd");

        JsonNode features = api.get("/api/incidents/" + incident + "/elements").json().get("features");
        assertEquals(1, features.size());
        JsonNode stored = features.get(0);
        assertEquals("incidentgebied", stored.at("/properties/kind").asText());
        assertEquals("Brandhaard Chemiepark", stored.at("/properties/label").asText());
        assertEquals("OvD-G ter plaatse", stored.at("/properties/source").asText());
        assertEquals("vermoeden", stored.at("/properties/certainty").asText());
        assertEquals("Hanna Informatie", stored.at("/properties/author").asText());
        assertEquals("GHOR Utrecht", stored.at("/properties/organisation").asText());
        assertEquals("Polygon", stored.at("/geometry/type").asText());
        assertRing(AREA, stored.at("/geometry/coordinates/0"), 0.0005);
        // And in the database, in RD New: the area of the drawn rectangle (4.1 km by 2.8 km), within a percent.
        double area = ((Number) Sql.one("SELECT ST_Area(geom) FROM picture_element WHERE incident_id = ?", incident)).doubleValue();
        assertEquals(4.12e3 * 2.78e3, area, 0.01 * area);

        // Its popup says what it is, that it is not validated, who drew it and when.
        page.mouse().click(screen(51.95, 5.45)[0], screen(51.95, 5.45)[1]);
        Locator popup = page.locator(".zb-element-popup");
        assertThat(popup).containsText("Brandhaard Chemiepark");
        assertThat(popup.locator(".zb-certainty")).hasText("Vermoeden");
        assertThat(popup).containsText("OvD-G ter plaatse");
        assertThat(popup).containsText("Hanna Informatie (GHOR Utrecht)");
        // When it was recorded: the age first ("zojuist" on a quick machine, minutes on a busy one), then the time.
        assertThat(popup.locator("time")).hasAttribute("datetime", stored.at("/properties/validFrom").asText());
        assertThat(popup.locator("time")).hasText(Pattern.compile("^(zojuist|\\d+ min geleden) \\(\\d+ \\w+\\.? \\d{4},? \\d{2}:\\d{2}\\)$"));
        waitForPopup();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("drawing-saved.png")));
        assertEquals(List.of("POST 400"), screen.refused());
    }

    @Test
    void anInvalidShapeIsExplainedAndCanBeRepaired() {
        long incident = incident("Lekkage");
        open(incident);

        // Escape stops drawing.
        page.click("#draw-afzetting");
        assertThat(page.locator("#draw-afzetting")).hasAttribute("aria-pressed", "true");
        page.mouse().click(screen(51.95, 5.43)[0], screen(51.95, 5.43)[1]);
        page.keyboard().press("Escape");
        assertThat(page.locator("#draw-afzetting")).hasAttribute("aria-pressed", "false");
        assertThat(page.locator("#element-form")).hasCount(0);

        page.click("#draw-effectgebied");
        // A bow tie: its edges cross in the middle.
        drawPolygon(new double[][] {{51.94, 5.42}, {51.965, 5.48}, {51.94, 5.48}, {51.965, 5.42}});
        page.selectOption("#element-zone", "LBW");
        page.fill("#element-source", "GAGS");
        page.selectOption("#element-certainty", "aanname");
        page.click("#element-save");

        assertThat(page.locator("#element-geometry-error")).hasText(
                "De vorm snijdt zichzelf. Teken hem opnieuw, of laat hem automatisch herstellen.");
        assertThat(page.locator("#element-repair")).isFocused();
        assertEquals(0, Sql.count("SELECT count(*) FROM picture_element WHERE incident_id = ?", incident));

        page.click("#element-repair");
        assertThat(page.locator("#element-form")).hasCount(0);
        page.waitForFunction("() => zorgbeeld.elements.length === 1");
        JsonNode stored = api.get("/api/incidents/" + incident + "/elements").json().at("/features/0");
        assertEquals("LBW", stored.at("/properties/zone").asText());
        assertEquals("MultiPolygon", stored.at("/geometry/type").asText());
        assertThat(page.locator("#element-legend [data-zone='LBW']")).containsText("Effectgebied LBW");
        assertEquals(List.of("POST 400"), screen.refused());
    }

    @Test
    void aReceptionLocationIsPlacedWithItsOwnFields() {
        long incident = incident("Ontruiming");
        open(incident);

        page.click("#draw-opvanglocatie");
        double[] spot = screen(51.955, 5.46);
        page.mouse().move(spot[0], spot[1]);
        page.mouse().click(spot[0], spot[1]);
        assertThat(page.locator("#element-geometry")).hasText("Punt op 51,9550° NB, 5,4600° OL");
        page.fill("#element-label", "Sporthal De Pijl");
        page.fill("#element-capacity", "150");
        page.fill("#element-occupancy", "180");
        page.fill("#element-source", "Gemeente");
        page.selectOption("#element-certainty", "gevalideerd");
        page.press("#element-source", "Enter");
        assertThat(page.locator("#element-occupancy-error")).hasText("De bezetting is hoger dan de capaciteit.");
        assertThat(page.locator("#element-occupancy")).isFocused();

        page.fill("#element-occupancy", "45");
        page.press("#element-occupancy", "Enter");
        page.waitForFunction("() => zorgbeeld.elements.length === 1");
        JsonNode stored = api.get("/api/incidents/" + incident + "/elements").json().at("/features/0");
        assertEquals(150, stored.at("/properties/capacity").asInt());
        assertEquals(45, stored.at("/properties/occupancy").asInt());
        assertEquals(5.46, stored.at("/geometry/coordinates/0").asDouble(), 0.0005);
        assertEquals(51.955, stored.at("/geometry/coordinates/1").asDouble(), 0.0005);

        Locator marker = page.locator(".zb-element-marker");
        assertThat(marker).hasAttribute("title", "Opvanglocatie: Sporthal De Pijl");
        marker.click();
        assertThat(page.locator(".zb-element-popup")).containsText("45 van 150 personen");
        assertThat(page.locator(".zb-element-popup .zb-certainty")).hasCount(0);
        assertThat(page.locator("#element-legend [data-kind='opvanglocatie']")).containsText("Opvanglocatie");
        waitForPopup();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("drawing-point.png")));
        assertEquals(List.of("POST 400"), screen.refused());
    }

    @Test
    void theTimeSelectorShowsTheAreaAsItWasBeforeAnEdit() {
        long incident = incident("Brand Chemiepark");
        String id = api.post("/api/incidents/" + incident + "/elements", AREA_FEATURE).json().get("id").asText();
        // The first version was drawn two hours ago.
        TestDatabase.execute("UPDATE picture_element SET valid_from = valid_from - interval '2 hours' WHERE element_id = '" + id + "'");
        open(incident);
        assertEquals(1, ((Number) page.evaluate("() => zorgbeeld.elements.length")).intValue());

        // Edit: open the popup, "Wijzigen", drag the north-east corner further north-east, save.
        popupButtonAt(51.95, 5.45, "Wijzigen").click();
        assertThat(page.locator("#element-form-title")).hasText("Incidentgebied wijzigen");
        assertThat(page.locator("#element-source")).hasValue("OvD-G");
        // The popup fades out over the corner; wait until it has gone.
        assertThat(page.locator(".leaflet-popup")).hasCount(0);
        drag(screen(51.965, 5.48), screen(51.975, 5.50));
        page.fill("#element-label", "Brandhaard, uitgebreid");
        page.press("#element-label", "Enter");
        screen.waitForToast("Incidentgebied gewijzigd.");
        page.waitForFunction("() => zorgbeeld.elements[0]?.properties.version === 2");

        JsonNode now = api.get("/api/incidents/" + incident + "/elements/" + id).json();
        assertEquals(2, now.at("/properties/version").asInt());
        assertEquals("Brandhaard, uitgebreid", now.at("/properties/label").asText());
        JsonNode moved = now.at("/geometry/coordinates/0/2");
        assertEquals(5.50, moved.get(0).asDouble(), 0.0005);
        assertEquals(51.975, moved.get(1).asDouble(), 0.0005);

        // An hour ago the map showed the first version; drawing is off while looking back.
        String hourAgo = ZonedDateTime.now(ZoneId.of("Europe/Amsterdam")).minusHours(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        page.getByLabel("Kies een moment (datum en tijd)").fill(hourAgo);
        page.waitForFunction("() => zorgbeeld.elementsMoment !== 'nu' && zorgbeeld.elements[0]?.properties.version === 1");
        assertRing(AREA, json(page.evaluate("() => JSON.stringify(zorgbeeld.elements[0].geometry.coordinates[0])")), 0.0005);
        assertThat(page.locator(".zb-history-banner")).isVisible();
        assertThat(page.locator("#draw-reason")).hasText("U bekijkt een eerder moment. Tekenen kan alleen in het beeld van nu.");
        assertThat(page.locator("#draw-incidentgebied")).isDisabled();
        page.mouse().click(screen(51.95, 5.45)[0], screen(51.95, 5.45)[1]);
        Locator popup = page.locator(".zb-element-popup");
        assertThat(popup).containsText("Brandhaard");
        assertThat(popup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Wijzigen"))).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("drawing-history.png")));

        page.locator(".zb-history-banner").getByRole(AriaRole.BUTTON).click();
        page.waitForFunction("() => zorgbeeld.elementsMoment === 'nu' && zorgbeeld.elements[0]?.properties.version === 2");
        assertThat(page.locator("#draw-incidentgebied")).isEnabled();
        assertEquals(List.of(), screen.refused());
    }

    @Test
    void aChangeBySomeoneElseIsNotOverwrittenAndADeleteAsksOnce() {
        long incident = incident("Brand Chemiepark");
        String id = api.post("/api/incidents/" + incident + "/elements", AREA_FEATURE).json().get("id").asText();
        open(incident);
        assertEquals(1, ((Number) page.evaluate("() => zorgbeeld.elements.length")).intValue());

        popupButtonAt(51.95, 5.45, "Wijzigen").click();
        page.fill("#element-label", "Mijn naam");
        // Meanwhile a colleague saves a change to the same version.
        JsonClient.Response theirs = api.send("PUT", "/api/incidents/" + incident + "/elements/" + id,
                AREA_FEATURE.replace("Brandhaard", "Naam van collega"), "If-Match", "\"1\"");
        assertEquals(200, theirs.status(), theirs.toString());
        page.press("#element-label", "Enter");
        screen.waitForToast("Iemand anders (Piet Collega, GGD Utrecht) heeft het incidentgebied \"Brandhaard\" intussen gewijzigd");
        page.waitForFunction("() => zorgbeeld.elements[0]?.properties.label === 'Naam van collega'");
        assertEquals("Naam van collega", api.get("/api/incidents/" + incident + "/elements/" + id).json().at("/properties/label").asText());

        // Delete: asked once; cancelling keeps it, confirming ends it but keeps it in the history.
        List<String> questions = new CopyOnWriteArrayList<>();
        page.onceDialog(dialog -> {
            questions.add(dialog.message());
            dialog.dismiss();
        });
        popupButtonAt(51.95, 5.45, "Verwijderen").click();
        assertEquals(1, api.get("/api/incidents/" + incident + "/elements").json().get("features").size());
        page.onceDialog(dialog -> {
            questions.add(dialog.message());
            dialog.accept();
        });
        assertThat(page.locator(".zb-element-popup")).hasCount(0);
        popupButtonAt(51.95, 5.45, "Verwijderen").click();
        screen.waitForToast("Incidentgebied verwijderd.");
        page.waitForFunction("() => zorgbeeld.elements.length === 0");
        assertEquals(2, questions.size());
        assertTrue(questions.get(0).startsWith("Het incidentgebied \"Naam van collega\" verwijderen?"), questions.get(0));
        assertEquals(0, api.get("/api/incidents/" + incident + "/elements").json().get("features").size());
        assertEquals(2, api.get("/api/incidents/" + incident + "/elements/" + id + "/versions").json().get("features").size());
        assertThat(page.locator("#element-legend")).isHidden();
        assertEquals(List.of("PUT 412"), screen.refused());
    }

    /** An incident started through the API (so it has its pictures), backdated three hours. */
    private static long incident(String title) {
        JsonClient.Response created = api.post("/api/incidents", "{\"title\":" + JsonClient.quote(title) + ",\"type\":\"brand\"}");
        assertEquals(201, created.status(), created.toString());
        long id = created.json().get("id").asLong();
        TestDatabase.execute("UPDATE incident SET created_at = created_at - interval '3 hours' WHERE id = " + id);
        TestDatabase.execute("UPDATE incident_version SET recorded_at = recorded_at - interval '3 hours', started_at = started_at"
                + " - interval '3 hours', scaled_up_at = scaled_up_at - interval '3 hours' WHERE incident_id = " + id);
        TestDatabase.execute("UPDATE picture SET created_at = created_at - interval '3 hours' WHERE incident_id = " + id);
        return id;
    }

    /** The incident's page once it has loaded (and framed its elements), then a fixed view of the test area. */
    private void open(long incident) {
        screen.open(server.url("/#incident=" + incident));
        assertThat(page.locator("#draw-toolbar")).isVisible();
        page.evaluate("() => zorgbeeld.map.setView([51.9525, 5.45], 13, { animate: false })");
    }

    /** Clicks the corners with Geoman's polygon tool active, and the first corner again to close it. */
    private void drawPolygon(double[][] corners) {
        for (double[] corner : corners) {
            double[] p = screen(corner[0], corner[1]);
            page.mouse().move(p[0], p[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
            page.mouse().click(p[0], p[1]);
        }
        double[] first = screen(corners[0][0], corners[0][1]);
        page.mouse().move(first[0], first[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
        page.mouse().click(first[0], first[1]);
    }

    /** Popups fade in; a screenshot taken before that shows them half transparent. */
    private void waitForPopup() {
        page.waitForFunction("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'");
    }

    private void drag(double[] from, double[] to) {
        page.mouse().move(from[0], from[1]);
        page.mouse().down();
        page.mouse().move(to[0], to[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
    }

    /** Where a WGS84 position is on the screen (page coordinates). */
    @SuppressWarnings("unchecked")
    /**
     * Clicks the map and gives the named button of the one element popup there. Leaflet fades a
     * closing popup out before removing it, so wait until only the new one is left.
     */
    private Locator popupButtonAt(double lat, double lon, String name) {
        double[] point = screen(lat, lon);
        page.mouse().click(point[0], point[1]);
        Locator popup = page.locator(".zb-element-popup");
        assertThat(popup).hasCount(1);
        return popup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
    }

    private double[] screen(double lat, double lon) {
        List<Number> xy = (List<Number>) page.evaluate("([lat, lon]) => { const m = zorgbeeld.map; const p = m.latLngToContainerPoint([lat, lon]);"
                + " const r = m.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }", List.of(lat, lon));
        return new double[] {xy.get(0).doubleValue(), xy.get(1).doubleValue()};
    }

    private static JsonNode json(Object text) {
        return nl.zorgbeeld.common.Json.tree((String) text);
    }

    /** The ring holds the corners (lat, lon) in order, closed, each within `tolerance` degrees. */
    private static void assertRing(double[][] corners, JsonNode ring, double tolerance) {
        assertEquals(corners.length + 1, ring.size(), ring.toString());
        for (int i = 0; i <= corners.length; i++) {
            double[] corner = corners[i % corners.length];
            assertEquals(corner[1], ring.get(i).get(0).asDouble(), tolerance, "longitude of corner " + i + " in " + ring);
            assertEquals(corner[0], ring.get(i).get(1).asDouble(), tolerance, "latitude of corner " + i + " in " + ring);
        }
    }
}

package nl.zorgbeeld.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's index.html opened from the file system (file://) in headless Chromium with the
 * network off: the map is drawn (countries, the incident's elements, the affected institutions)
 * and the themes are there, and the page asks for nothing but its own files next to it.
 */
class SnapshotOfflinePageBrowserTest {
    private static final String PREFIX = "snapweb:";
    private static Browser browser;
    private static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        try (TestServer server = TestServer.start()) {
            SnapshotFixtures.institutions(PREFIX);
            long incident = SnapshotFixtures.incident(server, "Chloorwolk offline", PREFIX);
            HttpResponse<byte[]> r = SnapshotFixtures.download(server, "/api/incidents/" + incident + "/snapshot");
            assertEquals(200, r.statusCode());
            dir = SnapshotFixtures.unzip(r.body());
        }
        // The server is gone: nothing could answer the page even if it asked.
        browser = Browser.launch();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) browser.close();
    }

    @Test
    void thePageShowsTheMapAndThemesWithoutAnyNetworkRequest() {
        // A page from file:// has no host, so the screen's own check of other hosts does not apply: the lists here do.
        try (Browser.Screen screen = browser.screen(1400, 1000)) {
            BrowserContext context = screen.context();
            context.setOffline(true);
            List<String> requests = new CopyOnWriteArrayList<>();
            List<String> failed = new CopyOnWriteArrayList<>();
            context.onRequest(request -> requests.add(request.url()));
            context.onRequestFailed(request -> failed.add(request.url()));
            Page page = screen.page();
            List<String> errors = new CopyOnWriteArrayList<>();
            page.onPageError(errors::add);
            page.navigate(dir.resolve("index.html").toUri().toString());
            page.waitForSelector("body[data-map-ready=true]");

            assertTrue(errors.isEmpty(), "script errors: " + errors);
            List<String> network = requests.stream().filter(u -> !u.startsWith("file:")).toList();
            assertEquals(List.of(), network, "the page asked the network");
            assertTrue(failed.isEmpty(), "files the page could not load: " + failed);
            assertTrue(requests.stream().anyMatch(u -> u.endsWith("leaflet/leaflet.js")), "the bundled Leaflet was loaded: " + requests);

            // Leaflet drew vector paths: country outlines, the area, the zone, the cordon, and circle markers.
            int paths = page.locator("#map path.leaflet-interactive, #map path").count();
            assertTrue(paths >= 10, "paths on the map: " + paths);
            assertTrue(page.locator("#map .leaflet-overlay-pane svg").isVisible());
            assertTrue((Boolean) page.evaluate("() => window.snapshotMap.getZoom() > 10"), "the map is framed on the incident");

            String text = page.locator("body").innerText();
            // The management summary comes first, before the map and the themes.
            assertTrue(text.indexOf("Managementsamenvatting") >= 0 && text.indexOf("Managementsamenvatting") < text.indexOf("Situatie"), text);
            assertTrue(text.contains("Chloorwolk boven de haven; vier gewonden, ziekenhuizen op scherp."), "the summary's text");
            for (String expected : List.of("OEFENING", "Chloorwolk offline", "Situatie", "Slachtofferbeeld", "Gevaarlijke stoffen",
                    "Communicatie", "Meteo", "Brand in opslagloods met chloorgas", "Vermoeden", "Bron: Meldkamer", "Besluiten en acties",
                    "Informatievragen", "Netwerkanalyse", "Belronde", "GGZ Kustlijn", "Dit beeld toont de situatie van", "Legenda")) {
                assertTrue(text.contains(expected), "the page lacks '" + expected + "'");
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("snapshot-offline.png")).setFullPage(false));
        }
    }
}

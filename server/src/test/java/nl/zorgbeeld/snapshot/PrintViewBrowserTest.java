package nl.zorgbeeld.snapshot;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import java.nio.file.Files;
import java.util.List;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.TestServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The print view and the download button in the app: Afdrukken gives an A3 (or A4) landscape
 * page with the heading, the moment shown, the map and the picture (printed to PDF by Chromium
 * and read back with PDFBox), and Momentopname downloaden saves the snapshot ZIP.
 */
class PrintViewBrowserTest {
    private static final String PREFIX = "snapprint:";
    private static TestServer server;
    private static Browser browser;
    private static long incident;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        SnapshotFixtures.institutions(PREFIX);
        incident = SnapshotFixtures.incident(server, "Chloorwolk afdruk", PREFIX);
        browser = Browser.launch();
    }

    @AfterAll
    static void tearDown() {
        try (Browser b = browser; TestServer s = server) {
            // closed in this order
        }
    }

    /** The incident in the app, logged in as the standard user (a Hoofd Informatie of the incident's region). */
    private Page open(Browser.Screen screen) {
        server.logIn(screen.context());
        Page page = screen.open(server.url("/#incident=" + incident));
        page.waitForSelector("body[data-incident-ready='" + incident + "']");
        return page;
    }

    @Test
    void afdrukkenGivesALandscapePageWithTheMapAndThePicture() throws Exception {
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            Page page = open(screen);
            page.getByLabel("Papierformaat").selectOption("A3");
            // The browser's print dialog is replaced by a note that it was asked for; Chromium prints to PDF below.
            page.evaluate("() => { window.print = () => { window.printAsked = true; }; }");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afdrukken")).click();
            assertEquals(Boolean.TRUE, page.evaluate("() => window.printAsked === true"));
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            Locator header = page.locator("#zb-print-header");
            assertThat(header).isVisible();
            assertThat(header).containsText("Chloorwolk afdruk");
            assertThat(header).containsText("Beeld van ");
            assertThat(page.locator("#zb-exercise-banner")).isVisible();
            assertThat(page.locator("header.topbar")).isHidden();
            assertThat(page.locator("#tabpanel-netwerk")).isVisible();
            // The analysis loads after the picture: print once it is there, as a user would.
            assertThat(page.locator("#tabpanel-netwerk")).containsText("GGZ Kustlijn");
            assertThat(page.locator(".zb-legend").first()).isVisible();
            double mapHeight = ((Number) page.evaluate("() => document.getElementById('map').getBoundingClientRect().height")).doubleValue();
            assertTrue(mapHeight > 500, "an A3 map of 190 mm: " + mapHeight + " px");

            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("print-view.png")).setFullPage(true));
            byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true).setPrintBackground(true));
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                PDRectangle size = doc.getPage(0).getMediaBox();
                assertEquals(PDRectangle.A3.getHeight(), size.getWidth(), 2, "A3 landscape");
                assertEquals(PDRectangle.A3.getWidth(), size.getHeight(), 2, "A3 landscape");
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                for (String expected : List.of("Chloorwolk afdruk", "Beeld van", "Situatie", "Brand in opslagloods met chloorgas",
                        "Netwerkanalyse", "GGZ Kustlijn")) {
                    // Theme headings are set in capitals by the style sheet.
                    assertTrue(text.toLowerCase().contains(expected.toLowerCase()), "the printed page lacks '" + expected + "'");
                }
            }
            assertEquals(List.of(), screen.problems());
        }
    }

    @Test
    void momentopnameDownloadenSavesTheZip() throws Exception {
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            Page page = open(screen);
            Download download = page.waitForDownload(() ->
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Momentopname downloaden")).click());
            assertTrue(download.suggestedFilename().startsWith("momentopname-incident-" + incident + "-"), download.suggestedFilename());
            byte[] zip = Files.readAllBytes(download.path());
            assertEquals('P', zip[0]);
            assertEquals('K', zip[1]);
            assertEquals(6, SnapshotRestoreTest.pictureJson(zip).path("elements").path("features").size());
            assertEquals(List.of(), screen.problems());
        }
    }
}

package nl.zorgbeeld.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.util.List;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live updates in the browser: a screen watching an incident shows a change someone else makes. The
 * page's fallback polls (every 20 s and more) are switched off here, so only the live stream can
 * bring the change: the test fails without it, however slow or fast the machine is.
 */
class LiveBrowserTest {
    private static final String NO_FALLBACK_POLLS = "(() => { const every = window.setInterval;"
            + " window.setInterval = (f, ms, ...args) => (ms >= 20000 ? 0 : every(f, ms, ...args)); })()";
    private static final String AREA = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"incidentgebied\",\"label\":\"Brandhaard\","
            + "\"source\":\"OvD-G\",\"certainty\":\"gevalideerd\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[5.42,51.94],[5.48,51.94],[5.48,51.965],[5.42,51.965],[5.42,51.94]]]}}";
    private static TestServer server;
    private static Browser browser;
    private static JsonClient colleague;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = Browser.launch();
        colleague = new JsonClient(server, "Piet Collega", "GGD Utrecht");
    }

    @AfterAll
    static void stop() {
        try (Browser b = browser; TestServer s = server) {
            // closes both, even when one fails
        }
    }

    @Test
    void aChangeBySomeoneElseAppearsAtOnce() {
        JsonClient.Response created = colleague.post("/api/incidents", "{\"title\":\"Live bekeken\",\"type\":\"brand\"}");
        assertEquals(201, created.status(), created.toString());
        long incident = created.json().get("id").asLong();
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            server.logIn(screen.context());
            screen.context().addInitScript(NO_FALLBACK_POLLS);
            Page page = screen.open(server.url("/#incident=" + incident));
            assertEquals(0, ((Number) page.evaluate("() => zorgbeeld.elements.length")).intValue());
            assertThat(page.locator("#live-connection")).hasText("● Live");

            assertEquals(201, colleague.post("/api/incidents/" + incident + "/elements", AREA).status());

            screen.waitForAnnouncement("Piet Collega (GGD Utrecht): incidentgebied getekend: Brandhaard");
            page.waitForFunction("() => zorgbeeld.elements.length === 1");
            assertEquals(List.of(), screen.problems());
            assertEquals(List.of(), screen.refused());
        }
    }
}

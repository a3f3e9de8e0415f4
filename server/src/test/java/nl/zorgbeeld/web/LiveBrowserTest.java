package nl.zorgbeeld.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live updates in the browser: a screen watching an incident shows a change someone else makes
 * within seconds (the polling fallback takes 20 s, so this test fails without the live stream).
 */
class LiveBrowserTest {
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
        try (BrowserContext context = browser.newContext(1400, 900)) {
            Page page = context.newPage();
            page.navigate(server.url("/#incident=" + incident));
            page.waitForFunction("() => window.zorgbeeld && window.zorgbeeld.ready && Array.isArray(zorgbeeld.elements)");
            assertThat(page.locator("#live-connection")).hasText("● Live");

            assertEquals(201, colleague.post("/api/incidents/" + incident + "/elements", AREA).status());

            page.waitForFunction("() => zorgbeeld.elements.length === 1", null,
                    new Page.WaitForFunctionOptions().setTimeout(5_000));
            assertThat(page.locator("#live-status")).containsText("Piet Collega (GGD Utrecht): incidentgebied getekend: Brandhaard");
        }
    }
}

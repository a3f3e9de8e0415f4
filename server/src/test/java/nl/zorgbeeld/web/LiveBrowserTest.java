package nl.zorgbeeld.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live updates in the browser: what one screen (or a colleague elsewhere) changes appears on another
 * screen in place, from the event alone (the other screen asks the server for nothing), and a
 * screen carries on without loss when the server restarts under it.
 */
class LiveBrowserTest {
    private static final String AREA = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"incidentgebied\",\"label\":\"Brandhaard\","
            + "\"source\":\"OvD-G\",\"certainty\":\"gevalideerd\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[5.16,52.07],[5.20,52.07],[5.20,52.10],[5.16,52.10],[5.16,52.07]]]}}";
    private static final Pattern LIVE = Pattern.compile("● Live · laatst bijgewerkt \\d\\d:\\d\\d:\\d\\d");
    private static TestServer server;
    private static Browser browser;
    private static JsonClient colleague;

    @BeforeAll
    static void start() {
        TestDatabase.clearReferenceData();
        ReferenceFixtures.load();
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

    private static long incident(String name) {
        Response created = colleague.post("/api/incidents", "{\"title\":\"" + name + " " + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"type\":\"brand\"}");
        assertEquals(201, created.status(), created.toString());
        return created.json().get("id").asLong();
    }

    /** A page showing the incident, its stream live, logged in as {@code author}, a Hoofd Informatie of GHOR Utrecht. */
    private static Page open(Browser.Screen screen, String baseUrl, long incident, String author) {
        server.logIn(screen.context(), TestUsers.user(author, "GHOR Utrecht", Role.HOOFD_INFORMATIE));
        Page page = screen.page();
        page.navigate(baseUrl + "/#incident=" + incident);
        page.waitForFunction("id => document.body.dataset.incidentReady === id && window.zorgbeeld.live.state === 'live'"
                + " && Array.isArray(zorgbeeld.elements)", String.valueOf(incident));
        return page;
    }

    /** The API paths a page asks for from now on (its event streams aside). */
    private static List<String> requestsOf(Page page) {
        List<String> paths = new CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            String path = URI.create(r.url()).getPath();
            if (path.startsWith("/api/") && !path.endsWith("/live")) paths.add(r.method() + " " + path);
        });
        return paths;
    }

    @Test
    void aChangeMadeOnOnePageAppearsInPlaceOnTheOther() {
        long incident = incident("Twee schermen");
        try (Browser.Screen one = browser.screen(1400, 900); Browser.Screen two = browser.screen(1400, 900)) {
            Page writer = open(one, server.url(""), incident, "Anna Schrijver");
            Page reader = open(two, server.url(""), incident, "Bram Lezer");
            assertThat(reader.locator("#live-connection")).hasText(LIVE);
            List<String> asked = requestsOf(reader);

            // A bullet written through the other page's form appears in its theme.
            Locator meteo = writer.locator(".zb-theme[data-theme='Meteo']");
            meteo.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bericht toevoegen aan Meteo")).click();
            Locator form = meteo.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Nieuw bericht"));
            form.getByLabel("Bron").fill("KNMI");
            form.getByLabel("Bericht").fill("Wind zuidwest, 4 Bft");
            form.getByLabel("Bericht").press("Enter");
            assertThat(reader.locator(".zb-theme[data-theme='Meteo'] .zb-bullet")).containsText("Wind zuidwest, 4 Bft");
            assertThat(reader.locator(".zb-theme[data-theme='Meteo'] .zb-bullet")).containsText("Anna Schrijver (GHOR Utrecht)");
            assertThat(reader.locator(".zb-changes")).containsText("Wind zuidwest, 4 Bft");
            assertThat(reader.locator("#live-status")).containsText("Anna Schrijver (GHOR Utrecht): Wind zuidwest, 4 Bft");

            // An area drawn elsewhere: on the map, and the analysis rows follow from the event.
            assertEquals(201, colleague.post("/api/incidents/" + incident + "/elements", AREA).status());
            reader.waitForFunction("() => zorgbeeld.elements.some(f => f.properties.label === 'Brandhaard')");
            reader.waitForFunction("() => zorgbeeld.analysis.runId != null");
            assertThat(reader.locator("#zb-analysis")).containsText("Testziekenhuis Utrecht");

            // The incident's GRIP level changed elsewhere: the top bar follows.
            Response current = colleague.get("/api/incidents/" + incident);
            assertEquals(200, colleague.patch("/api/incidents/" + incident, "{\"grip\": \"2\"}", current.header("ETag")).status());
            assertThat(reader.locator("#incident-summary")).containsText("GRIP 2");

            assertTrue(asked.stream().noneMatch(p -> p.contains("/picture") || p.contains("/timeline") || p.equals("GET /api/incidents/" + incident)
                    || p.contains("/elements")), "the reading page asked for nothing but the analysis rings: " + asked);
            assertThat(reader.locator("#live-connection")).hasText(LIVE);
        }
    }

    @Test
    void theIncidentListFollowsNewIncidentsAndTheirChanges() {
        long incident = incident("Lijst");
        try (Browser.Screen context = browser.screen(1400, 900)) {
            Page page = open(context, server.url(""), incident, "Bram Lezer");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ander incident")).click();
            Locator list = page.locator(".zb-incident-list");
            assertThat(list.locator("[data-incident-id='" + incident + "']")).isVisible();
            List<String> asked = requestsOf(page);

            long fresh = incident("Nieuw elders");
            assertThat(list.locator("[data-incident-id='" + fresh + "']")).containsText("Nieuw elders");
            Response current = colleague.get("/api/incidents/" + fresh);
            assertEquals(200, colleague.patch("/api/incidents/" + fresh, "{\"grip\": \"3\"}", current.header("ETag")).status());
            assertThat(list.locator("[data-incident-id='" + fresh + "']")).containsText("GRIP 3");
            assertTrue(asked.isEmpty(), "the list changed without a request: " + asked);
        }
    }

    @Test
    void aPageCarriesOnWithoutLossWhenTheServerRestarts() {
        TestServer first = TestServer.start();
        int port = first.port();
        long incident = incident("Herstart");
        try (Browser.Screen context = browser.screen(1400, 900)) {
            Page page = open(context, "http://127.0.0.1:" + port, incident, "Bram Lezer");
            page.evaluate("() => { window.zorgbeeld.connectsBefore = zorgbeeld.live.connects; }");
            first.close();
            assertThat(page.locator("#live-connection")).containsText("Verbinding verbroken");

            // While this server is down, a colleague draws through another one on the same database.
            assertEquals(201, colleague.post("/api/incidents/" + incident + "/elements", AREA).status());
            try (TestServer again = TestServer.start(Map.of(), TestDatabase.dataSource(), port)) {
                List<String> asked = requestsOf(page);
                page.waitForFunction("() => zorgbeeld.elements.some(f => f.properties.label === 'Brandhaard')");
                assertThat(page.locator("#live-connection")).hasText(LIVE);
                assertTrue((boolean) page.evaluate("() => zorgbeeld.live.connects > zorgbeeld.connectsBefore"));
                assertTrue(asked.stream().noneMatch(p -> p.contains("/elements") || p.contains("/picture")),
                        "resumed from the last event, nothing read again: " + asked);
            }
        }
    }
}

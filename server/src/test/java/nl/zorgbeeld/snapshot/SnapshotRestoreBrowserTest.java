package nl.zorgbeeld.snapshot;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The beheerder's upload on the Beheer page: a snapshot ZIP restored as a hand-over into another
 * region, with a link to the new incident; a file that is no snapshot is refused in the form, in
 * the server's words, and stores nothing.
 */
class SnapshotRestoreBrowserTest {
    private static final String PREFIX = "snaprestoreweb:";
    private static TestServer server;
    private static Browser browser;
    private static byte[] zip;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        SnapshotFixtures.institutions(PREFIX);
        zip = SnapshotRestoreTest.snapshot(server, SnapshotFixtures.incident(server, "Chloorwolk terugzetten", PREFIX));
        browser = Browser.launch();
    }

    @AfterAll
    static void tearDown() {
        try (Browser b = browser; TestServer s = server) {
            // closed in this order
        }
    }

    @Test
    void theBeheerderRestoresASnapshotFromTheBeheerPage(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("momentopname.zip"), zip);
        Path junk = Files.writeString(folder.resolve("geen-zip.zip"), "dit is geen momentopname");
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            server.logIn(screen.context(), SnapshotRestoreTest.administrator());
            Page page = screen.page();
            page.navigate(server.url("/beheer.html"));
            assertThat(page.locator("body")).hasAttribute("data-ready", "true");
            Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Momentopname terugzetten"));

            Map<String, Long> before = SnapshotRestoreTest.counts();
            form.getByLabel("Momentopname (ZIP)").setInputFiles(junk);
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Terugzetten")).click();
            assertThat(form.getByRole(AriaRole.ALERT)).containsText("not a readable ZIP");
            assertEquals(before, SnapshotRestoreTest.counts(), "nothing stored");

            form.getByLabel("Momentopname (ZIP)").setInputFiles(file);
            form.getByLabel("Als").selectOption("handover");
            form.getByLabel("Veiligheidsregio").fill("VR13");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Terugzetten")).click();
            Locator result = page.locator("#restore-result");
            assertThat(result).containsText("Teruggezet als incident");
            assertThat(result).containsText("(VR13)");
            String href = result.getByRole(AriaRole.LINK).getAttribute("href");
            long id = Long.parseLong(href.replaceAll("\\D", ""));
            assertEquals("handover", Sql.one("SELECT mode FROM incident_origin WHERE incident_id = ?", id));
            assertEquals("Chloorwolk terugzetten", Sql.one("SELECT source_title FROM incident_origin WHERE incident_id = ?", id));
            assertEquals(List.of(), screen.problems());
        }
    }
}

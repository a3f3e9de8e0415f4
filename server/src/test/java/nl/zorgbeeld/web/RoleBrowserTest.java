package nl.zorgbeeld.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.auth.Totp;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logged in through the login page with password and authenticator code, each role sees only what
 * it may do: an information coordinator no drawing tools and no way to write the medical picture,
 * but its own institution's picture; a lezer no write button anywhere. The Hoofd Informatie, for
 * comparison, has them all (so the absent buttons are absent because of the role).
 */
class RoleBrowserTest {
    private static final String PASSWORD = "wachtwoord voor de rollen";
    private static TestServer server;
    private static Browser browser;
    private static long incident;

    @BeforeAll
    static void start() {
        TestDatabase.clearReferenceData();
        ReferenceFixtures.load();
        server = TestServer.start();
        browser = Browser.launch();
        JsonClient hin = JsonClient.as(server, TestUsers.standard());
        incident = hin.post("/api/incidents", "{\"title\":\"Rollen " + System.nanoTime() + "\",\"type\":\"brand\"}").json().get("id").asLong();
        // A bullet in the medical picture, whose change and retract buttons only the Hoofd Informatie gets.
        var medical = hin.get("/api/incidents/" + incident + "/picture").json().get("pictures").get(0);
        assertEquals("geneeskundig", medical.get("kind").asText());
        assertEquals(201, hin.post("/api/incidents/" + incident + "/bullets", "{\"pictureId\":" + medical.get("id").asLong() + ",\"themeId\":"
                + medical.get("themes").get(0).get("id").asLong() + ",\"text\":\"Twee gewonden\",\"source\":\"OvD-G\"}").status());
    }

    @AfterAll
    static void stop() {
        try (Browser b = browser; TestServer s = server) {
            // closes both, even when one fails
        }
    }

    /** Logs in on the login page (password, then the current TOTP code) and comes back to the incident. */
    private static Page logIn(Browser.Screen screen, TestUser user, String secret) {
        Page page = screen.page();
        page.navigate(server.url("/#incident=" + incident));
        page.waitForURL(Pattern.compile(".*/login\\.html\\?terug=.*"));
        assertThat(page.locator("body")).hasAttribute("data-ready", "true");
        page.getByLabel("Inlognaam").fill(user.login());
        page.getByLabel("Wachtwoord").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Volgende")).click();
        page.locator("#code").fill(new Totp().code(secret, Instant.now()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
        page.waitForURL(Pattern.compile(".*/#incident=" + incident + "$"));
        screen.settle();
        page.waitForFunction("id => document.body.dataset.incidentReady === id", String.valueOf(incident));
        return page;
    }

    private static String medicalPicture() {
        return String.valueOf(((Number) Sql.one("SELECT id FROM picture WHERE incident_id = ? AND kind = 'geneeskundig'", incident)).longValue());
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void theHoofdInformatieHasEveryTool() {
        String secret = Totp.newSecret();
        TestUser user = TestUsers.withPassword(PASSWORD, secret, Role.HOOFD_INFORMATIE);
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            Page page = logIn(screen, user, secret);
            assertThat(page.locator("#draw-toolbar")).isVisible();
            assertThat(page.locator("#draw-incidentgebied")).isVisible();
            assertThat(page.locator("#zb-picture-choice")).hasValue(medicalPicture());
            assertThat(page.locator(".zb-theme__add").first()).isVisible();
            assertThat(page.locator(".zb-bullet__actions").first()).isVisible();
            assertThat(button(page, "Wijzigen").first()).isVisible();
            assertThat(page.locator("#invite-button")).isVisible();
            assertThat(page.locator("#audit-button")).isVisible();
        }
    }

    @Test
    void anInformationCoordinatorWritesOnlyItsOwnInstitutionsPicture() {
        String secret = Totp.newSecret();
        TestUser user = TestUsers.withPassword(PASSWORD, secret, "test-2", Role.INFORMATIECOORDINATOR);
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            Page page = logIn(screen, user, secret);
            assertThat(page.locator("#identity-button")).containsText("Login Test (GHOR Utrecht)");
            assertThat(page.locator("#draw-toolbar")).isHidden();
            assertEquals(0, page.locator(".zb-draw__button").count(), "no drawing tools at all");
            assertThat(page.locator("#zb-picture-choice")).hasValue(medicalPicture());
            assertThat(page.locator(".zb-theme").first()).isVisible();
            assertThat(page.locator(".zb-bullet").first()).containsText("Twee gewonden");
            assertEquals(0, page.locator(".zb-theme__add, .zb-bullet__actions").count(), "the medical picture is not its to write");
            assertEquals(0, page.locator("#invite-button, #audit-button").count());

            // Its own institution's picture: added with one click, and then written.
            button(page, "Eigen beeld toevoegen").click();
            assertThat(page.locator("#zb-picture-choice option:checked")).containsText("Testziekenhuis Utrecht");
            Locator add = page.locator(".zb-theme__add").first();
            assertThat(add).isVisible();
            add.click();
            Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Nieuw bericht"));
            form.getByLabel("Bron").fill("Eigen waarneming");
            form.getByLabel("Bericht").fill("Spoedeisende hulp vol");
            form.getByLabel("Bericht").press("Enter");
            assertThat(page.locator(".zb-bullet")).containsText("Spoedeisende hulp vol");
            assertEquals(user.login(), Sql.one("SELECT login FROM audit_entry WHERE incident_id = ? AND action = 'bullet.added'"
                    + " ORDER BY id DESC LIMIT 1", incident));
            assertEquals(List.of(), screen.problems());
        }
    }

    @Test
    void aLezerHasNoWriteButtons() {
        String secret = Totp.newSecret();
        TestUser user = TestUsers.withPassword(PASSWORD, secret, Role.LEZER);
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            Page page = logIn(screen, user, secret);
            assertThat(page.locator(".zb-bullet").first()).containsText("Twee gewonden");
            assertThat(page.locator("#draw-toolbar")).isHidden();
            assertEquals(0, page.locator(".zb-draw__button").count());
            assertEquals(0, page.locator(".zb-theme__add, .zb-bullet__actions").count());
            assertEquals(0, button(page, "Eigen beeld toevoegen").count());
            assertEquals(0, button(page, "Wijzigen").count(), "not the incident either");
            assertEquals(0, page.locator("#invite-button, #audit-button").count());
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Tijdlijn")).click();
            assertThat(page.locator("#zb-timeline")).isVisible();
            assertEquals(0, page.locator("#zb-timeline button.zb-button").count(), "no decisions, actions or questions");
            button(page, "Ander incident").click();
            assertThat(page.locator(".zb-incident-list")).isVisible();
            assertEquals(0, button(page, "Nieuw incident starten").count());
            assertEquals(List.of(), screen.problems());
        }
    }
}

package nl.zorgbeeld.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.auth.Totp;
import nl.zorgbeeld.testing.Browser;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The management screens in Chromium, one happy path each: the user's own API tokens (made, used,
 * revoked), invitations to an incident and its audit trail (the Hoofd Informatie), organisations
 * and users with a one-time enrolment code (the beheerder, whose new user then enrols), and an
 * organisatiebeheerder who sees and manages only the own organisation's users.
 */
class ManagementBrowserTest {
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        try (Browser b = browser; TestServer s = server) {
            // closes both, even when one fails
        }
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static int statusWith(String token) {
        try {
            HttpResponse<String> r = server.sendAnonymous(HttpRequest.newBuilder(URI.create(server.url("/api/me")))
                    .header("Authorization", "Bearer " + token).build());
            return r.statusCode();
        } catch (RuntimeException e) {
            throw new AssertionError(e);
        }
    }

    private static long incident(TestUser user, String title) {
        JsonClient.Response r = JsonClient.as(server, user).post("/api/incidents",
                "{\"title\":" + JsonClient.quote(title + " " + System.nanoTime()) + ",\"type\":\"brand\"}");
        assertEquals(201, r.status(), r.toString());
        return r.json().get("id").asLong();
    }

    @Test
    void aUserMakesUsesAndRevokesOwnApiToken() {
        TestUser user = TestUsers.fresh("Tessa Token", "GHOR Utrecht", TestUsers.REGION, null, Role.LEZER);
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            server.logIn(screen.context(), user);
            Page page = screen.open(server.url("/"));
            page.locator("#identity-button").click();
            assertThat(page.locator("#identity-dialog")).containsText("Lezer");
            page.locator("#tokens-button").click();
            Locator dialog = page.locator("#tokens-dialog");
            // The fixture's own token ("test") is listed; this one comes next to it.
            assertThat(dialog.locator("tbody tr")).hasCount(1);
            dialog.getByLabel("Naam").fill("QGIS werkplek");
            dialog.getByLabel("Rechten").selectOption("read");
            dialog.getByLabel("Geldig (dagen)").fill("30");
            button(page, "Token maken").click();
            assertThat(page.locator("#token-secret")).isVisible();
            String token = page.locator("#token-secret").innerText().trim();
            Locator row = dialog.locator("tbody tr", new Locator.LocatorOptions().setHasText("QGIS werkplek"));
            assertThat(dialog.locator("tbody tr")).hasCount(2);
            assertThat(row).containsText("Alleen lezen");
            assertEquals(200, statusWith(token), "the token shown works");

            page.onDialog(d -> d.accept());
            button(page, "Token QGIS werkplek intrekken").click();
            assertThat(row).containsText("ingetrokken");
            assertEquals(401, statusWith(token), "revoked: refused at once");
            assertEquals(List.of(), screen.problems());
        }
    }

    @Test
    void theHoofdInformatieInvitesAnotherRegionAndReadsTheAuditTrail() {
        TestUser hin = TestUsers.standard();
        TestUser extern = TestUsers.user("Erik Extern", "GHOR Amsterdam-Amstelland", "VR13", null, Role.HOOFD_INFORMATIE);
        long incident = incident(hin, "Uitnodigen");
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            server.logIn(screen.context(), hin);
            Page page = screen.open(server.url("/#incident=" + incident));
            page.onDialog(d -> d.accept());

            page.locator("#invite-button").click();
            Locator dialog = page.locator("#invitations-dialog");
            assertThat(dialog).containsText("Nog geen organisaties uitgenodigd");
            page.locator("#invite-organisation").selectOption(String.valueOf(extern.organisationId()));
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Uitnodigen").setExact(true)).click();
            assertThat(dialog.locator(".zb-invitations li")).containsText("GHOR Amsterdam-Amstelland (VR13)");
            assertEquals(200, JsonClient.as(server, extern).get("/api/incidents/" + incident).status(), "the invited region sees it");
            button(page, "Uitnodiging van GHOR Amsterdam-Amstelland intrekken").click();
            assertThat(dialog).containsText("Nog geen organisaties uitgenodigd");
            assertEquals(404, JsonClient.as(server, extern).get("/api/incidents/" + incident).status(), "and no longer");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sluiten")).click();

            page.locator("#audit-button").click();
            Locator audit = page.locator("#audit-dialog");
            assertThat(audit.locator("tr[data-action='incident.created']")).containsText(hin.login());
            assertThat(audit.locator("tr[data-action='invitation.added']")).containsText(hin.login());
            assertThat(audit.locator("tr[data-action='invitation.removed']")).containsText("hoofd-informatie");
            String href = page.locator("#audit-csv").getAttribute("href");
            APIResponse csv = page.request().get(server.url(href));
            assertEquals(200, csv.status());
            assertTrue(csv.text().startsWith("id,occurredAt,login,organisation,roles,action"), csv.text());
            assertTrue(csv.text().contains("invitation.removed"));
            assertEquals(List.of(), screen.problems());
        }
    }

    @Test
    void theBeheerderAddsAnOrganisationAndAUserWhoThenEnrols() {
        TestUser beheerder = TestUsers.user("Bea Beheer", "GHOR Utrecht", Role.BEHEERDER);
        String organisation = "Zorghuis Beheertest " + System.nanoTime();
        String login = "nieuw-" + System.nanoTime();
        String password = "een goed wachtwoord";
        String code;
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            server.logIn(screen.context(), beheerder);
            Page page = screen.page();
            page.navigate(server.url("/beheer.html"));
            assertThat(page.locator("body")).hasAttribute("data-ready", "true");

            Locator newOrganisation = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Organisatie toevoegen"));
            newOrganisation.getByLabel("Naam").fill(organisation);
            newOrganisation.getByLabel("Soort").selectOption("zorginstelling");
            newOrganisation.getByLabel("Veiligheidsregio").fill("VR09");
            newOrganisation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Toevoegen")).click();
            assertThat(page.locator("table[aria-label='Organisaties']")).containsText(organisation);

            Locator newUser = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Gebruiker toevoegen"));
            newUser.getByLabel("Inlognaam").fill(login);
            newUser.getByLabel("Naam", new Locator.GetByLabelOptions().setExact(true)).fill("Nina Nieuw");
            newUser.getByLabel("Organisatie", new Locator.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(organisation));
            newUser.getByLabel("Lezer", new Locator.GetByLabelOptions().setExact(true)).check();
            newUser.getByLabel("Hoofd Informatie", new Locator.GetByLabelOptions().setExact(true)).check();
            newUser.getByLabel("Wachtwoord").fill(password);
            newUser.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Toevoegen")).click();
            assertThat(page.locator("#enrolment-code")).isVisible();
            code = page.locator("#enrolment-code").innerText().trim();
            assertThat(page.locator("tr[data-login='" + login + "']")).containsText("nog niet ingeschreven");
            assertThat(page.locator("tr[data-login='" + login + "']")).containsText("Hoofd Informatie");
            assertEquals(organisation, Sql.one("SELECT o.name FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.login = ?", login));
            assertEquals(List.of(), screen.problems());
        }
        // The new user's first login, with the code the beheerder was shown.
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            Page page = screen.page();
            page.navigate(server.url("/login.html"));
            assertThat(page.locator("body")).hasAttribute("data-ready", "true");
            page.getByLabel("Inlognaam").fill(login);
            page.getByLabel("Wachtwoord").fill(password);
            page.getByLabel("Wachtwoord").press("Enter");
            page.getByLabel("Eenmalige code").fill(code);
            page.getByLabel("Eenmalige code").press("Enter");
            assertThat(page.locator("#qr svg")).isVisible();
            String secret = page.locator("#secret").innerText();
            page.getByLabel("Code uit de app").fill(new Totp().code(secret, Instant.now()));
            page.getByLabel("Code uit de app").press("Enter");
            page.waitForURL(server.url("/"));
            screen.settle();
            assertThat(page.locator("#identity-button")).containsText("Nina Nieuw (" + organisation + ")");
        }
    }

    @Test
    void anOrganisatiebeheerderManagesOnlyTheOwnOrganisationsUsers() {
        String own = "Zorghuis Eigen " + System.nanoTime();
        TestUser manager = TestUsers.fresh("Otto Organisatie", own, TestUsers.REGION, null, Role.ORGANISATIEBEHEERDER);
        TestUser colleague = TestUsers.fresh("Cor Collega", own, TestUsers.REGION, null, Role.LEZER);
        TestUser stranger = TestUsers.fresh("Vera Vreemd", "Zorghuis Ander " + System.nanoTime(), TestUsers.REGION, null, Role.LEZER);
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            server.logIn(screen.context(), manager);
            Page page = screen.page();
            page.navigate(server.url("/beheer.html"));
            assertThat(page.locator("body")).hasAttribute("data-ready", "true");
            assertThat(page.locator("#users-title")).hasText("Gebruikers van " + own);
            assertEquals(0, page.locator("#orgs-title").count(), "organisations are the beheerder's");
            Locator users = page.locator("table[aria-label='Gebruikers'] tbody tr");
            assertThat(users).hasCount(2);
            assertThat(page.locator("tr[data-login='" + colleague.login() + "']")).isVisible();
            assertEquals(0, page.locator("tr[data-login='" + stranger.login() + "']").count());
            assertEquals(0, page.getByLabel("Beheerder", new Page.GetByLabelOptions().setExact(true)).count(), "no beheerder role to give");

            page.onDialog(d -> d.accept());
            assertEquals(0L, Sql.count("SELECT count(*) FROM app_user WHERE id = ? AND enrolment_code_hash IS NOT NULL", colleague.id()));
            button(page, "Nieuwe inlogcode voor " + colleague.login()).click();
            assertThat(page.locator("#enrolment-code")).isVisible();
            assertTrue(page.locator("#enrolment-code").innerText().trim().length() >= 8);
            assertEquals(1L, Sql.count("SELECT count(*) FROM app_user WHERE id = ? AND enrolment_code_hash IS NOT NULL", colleague.id()),
                    "a one-time code now waits for the colleague's first login");
            assertEquals(manager.login(), Sql.one("SELECT login FROM audit_entry WHERE action = 'user.enrolment-code' AND object_id = ?",
                    String.valueOf(colleague.id())));
            assertEquals(List.of(), screen.problems());
        }
    }
}

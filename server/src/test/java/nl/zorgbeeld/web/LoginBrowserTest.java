package nl.zorgbeeld.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
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
 * The real login in headless Chromium: the app sends a visitor without a session to the login
 * page; password and the code of the authenticator app bring the visitor back, logged in as who
 * the app then shows; a wrong code is said in Dutch; a first login enrols the app with the QR code.
 */
class LoginBrowserTest {
    private static final String PASSWORD = "wachtwoord voor de browser";
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

    @Test
    void passwordAndTotpCodeLogInAndComeBackToTheMap() {
        String secret = Totp.newSecret();
        TestUser user = TestUsers.withPassword(PASSWORD, secret, Role.HOOFD_INFORMATIE);
        long incident = JsonClient.as(server, user).post("/api/incidents", "{\"title\":\"Inloggen\",\"type\":\"brand\"}").json()
                .get("id").asLong();
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            Page page = screen.page();
            page.navigate(server.url("/#incident=" + incident));
            page.waitForURL(Pattern.compile(".*/login\\.html\\?terug=.*"));
            assertThat(page.locator("body")).hasAttribute("data-ready", "true");
            page.getByLabel("Inlognaam").fill(user.login());
            page.getByLabel("Wachtwoord").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Volgende")).click();

            page.locator("#code").fill(new Totp().code(secret, Instant.now().minusSeconds(600)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
            assertThat(page.locator("#login-error")).containsText("De code is onjuist");

            page.locator("#code").fill(new Totp().code(secret, Instant.now()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
            page.waitForURL(Pattern.compile(".*/#incident=" + incident + "$"));
            screen.settle();
            assertThat(page.locator("#identity-button")).containsText("Login Test (GHOR Utrecht)");
            List<Cookie> cookies = screen.context().cookies();
            assertTrue(cookies.stream().anyMatch(c -> c.name.equals("zb_session") && c.httpOnly), "an HttpOnly session cookie");
        }
    }

    @Test
    void theFirstLoginEnrolsTheAuthenticatorApp() {
        TestUser user = TestUsers.withPassword(PASSWORD, null, Role.LEZER);
        String code = TestUsers.enrolmentCode(user);
        try (Browser.Screen screen = browser.screen(1400, 900)) {
            Page page = screen.page();
            page.navigate(server.url("/login.html"));
            assertThat(page.locator("body")).hasAttribute("data-ready", "true");
            page.getByLabel("Inlognaam").fill(user.login());
            page.getByLabel("Wachtwoord").fill(PASSWORD);
            page.getByLabel("Wachtwoord").press("Enter");
            assertThat(page.locator("#enrol-form")).isVisible();
            page.getByLabel("Eenmalige code").fill(code);
            page.getByLabel("Eenmalige code").press("Enter");
            assertThat(page.locator("#qr svg")).isVisible();
            String secret = page.locator("#secret").innerText();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("login-enrolment.png")));
            page.getByLabel("Code uit de app").fill(new Totp().code(secret, Instant.now()));
            page.getByLabel("Code uit de app").press("Enter");
            page.waitForURL(server.url("/"));
            screen.settle();
            assertEquals("enrolled", Sql.one("SELECT enrolment FROM app_user WHERE id = ?", user.id()));
        }
    }
}

package nl.zorgbeeld.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.auth.OrganisationKind;
import nl.zorgbeeld.auth.OrganisationStore;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.auth.Totp;
import nl.zorgbeeld.auth.UserStore;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Federated login through the whole app: an organisation configured with a real provider
 * (mock-oauth2-server), the browser sent there and back, and the session that results: complete when
 * the provider gives the second factor, at the TOTP step when the organisation adds Zorgbeeld's own.
 */
class FederatedLoginTest {
    private static final String SECRET_REF = "ZB_TEST_OIDC_CLIENT_SECRET";
    private static MockProvider idp;
    private static TestServer server;

    @BeforeAll
    static void start() {
        idp = MockProvider.start();
        System.setProperty(SECRET_REF, MockProvider.CLIENT_SECRET);
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        idp.close();
        System.clearProperty(SECRET_REF);
    }

    /** An organisation with its own provider and one user of it; returns {organisation id, user login}. */
    private static Object[] federated(String issuerId, boolean addTotp, String totpSecret) {
        return new Transactions(TestDatabase.dataSource()).run(c -> {
            long org = new OrganisationStore().insert(c, new OrganisationStore.Fields("GHOR " + issuerId, OrganisationKind.GHOR, "VR09", null,
                    idp.issuer(issuerId), MockProvider.CLIENT_ID, SECRET_REF, addTotp, List.of()), false);
            String login = "fed-" + issuerId;
            long user = new UserStore().insert(c, new UserStore.NewUser(login, "Anna Federatief", org, java.util.Set.of(Role.LEZER), null,
                    null, false));
            if (totpSecret != null) new UserStore().enrolWith(c, user, totpSecret);
            return new Object[] {org, login};
        });
    }

    /** A browser: keeps cookies, follows no redirects (each step is checked). */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(URI uri) {
            return send(HttpRequest.newBuilder(uri).GET().build());
        }

        HttpResponse<String> post(String path, String json) {
            return send(HttpRequest.newBuilder(local(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Start at the provider, log in there, come back: the callback's answer. */
        HttpResponse<String> logIn(long organisation) {
            HttpResponse<String> start = get(local("/auth/oidc/" + organisation + "/start"));
            assertEquals(302, start.statusCode(), start.body());
            HttpResponse<String> atProvider = get(location(start));
            assertEquals(302, atProvider.statusCode(), atProvider.body());
            return get(location(atProvider));
        }
    }

    /** The app as the callback address names it (localhost), so the browser's cookies stay with one host. */
    private static URI local(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    private static URI location(HttpResponse<String> r) {
        return r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aProviderLoginWithASecondFactorIsACompleteSession() {
        Object[] fed = federated("fed-mfa", false, null);
        idp.nextToken("fed-mfa", (String) fed[1], Map.of("amr", List.of("pwd", "otp")));
        Browser browser = new Browser();
        HttpResponse<String> back = browser.logIn((long) fed[0]);
        assertEquals(302, back.statusCode(), back.body());
        assertEquals("/", back.headers().firstValue("Location").orElseThrow());
        assertTrue(back.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("zb_session=") && c.contains("SameSite=Strict")));
        HttpResponse<String> me = browser.get(local("/api/me"));
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(fed[1], Json.tree(me.body()).get("login").asText());
        assertEquals(fed[1], Sql.one("SELECT external_subject FROM app_user WHERE login = ?", fed[1]), "the identity is linked");
    }

    @Test
    void withoutTheProvidersSecondFactorZorgbeeldsTotpFollows() {
        String secret = Totp.newSecret();
        Object[] fed = federated("fed-totp", true, secret);
        idp.nextToken("fed-totp", (String) fed[1], Map.of("amr", List.of("pwd")));
        Browser browser = new Browser();
        HttpResponse<String> back = browser.logIn((long) fed[0]);
        assertEquals(302, back.statusCode(), back.body());
        assertEquals("/login.html?stap=totp", back.headers().firstValue("Location").orElseThrow());
        assertEquals(401, browser.get(local("/api/me")).statusCode(), "not logged in before the code");
        HttpResponse<String> totp = browser.post("/auth/totp", "{\"code\":\"" + new Totp().code(secret, Instant.now()) + "\"}");
        assertEquals(200, totp.statusCode(), totp.body());
        assertEquals(200, browser.get(local("/api/me")).statusCode());
    }

    @Test
    void anIdentityWithoutAnAccountIsRefused() {
        Object[] fed = federated("fed-unknown", false, null);
        idp.nextToken("fed-unknown", "iemand-onbekend", Map.of("amr", List.of("mfa")));
        HttpResponse<String> back = new Browser().logIn((long) fed[0]);
        assertEquals(403, back.statusCode(), back.body());
        assertEquals("UnknownUser", Json.tree(back.body()).get("code").asText());
    }
}

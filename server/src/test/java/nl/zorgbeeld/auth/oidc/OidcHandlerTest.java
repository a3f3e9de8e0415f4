package nl.zorgbeeld.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.http.ErrorHandlers;
import nl.zorgbeeld.http.RequestIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The login routes over HTTP, a browser's way: start, the provider, the callback. The provider is real
 * (mock-oauth2-server); the three seams the auth module fills in (providers, the session's pending
 * login, turning an identity into a session) are simple in-memory implementations here.
 */
class OidcHandlerTest {
    private static final String ISSUER_ID = "vr09-ghor";

    private MockProvider idp;
    private Javalin app;
    private final Map<Long, OidcProvider> providers = new ConcurrentHashMap<>();
    private final CookiePendingLogins pendingLogins = new CookiePendingLogins();
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void start() {
        idp = MockProvider.start();
        OidcHandler handler = new OidcHandler(new OidcClient(OidcDiscovery.withDefaults(), Clock.systemUTC(),
                OidcClient.DEFAULT_PENDING_LIFETIME), id -> Optional.ofNullable(providers.get(id)), pendingLogins, sink);
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            RequestIds.install(cfg);
            ErrorHandlers.install(cfg);
            handler.register(cfg.routes);
        });
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        idp.close();
    }

    private void organisation(long id, SecondFactorPolicy policy) {
        URI callback = URI.create("http://127.0.0.1:" + app.port() + OidcHandler.CALLBACK);
        providers.put(id, idp.provider(id, ISSUER_ID, callback, policy, Set.of()));
    }

    @Test
    void aLoginWithTheProvidersSecondFactorEndsSignedIn() {
        organisation(9, SecondFactorPolicy.REQUIRE_FROM_PROVIDER);
        idp.nextToken(ISSUER_ID, "anna", Map.of("amr", List.of("pwd", "mfa"), "name", "Anna de Vries"));
        Browser browser = new Browser();

        HttpResponse<String> start = browser.get(url("/auth/oidc/9/start"));
        assertEquals(302, start.statusCode());
        assertEquals("no-store", start.headers().firstValue("Cache-Control").orElse(""));
        URI authorization = location(start);
        assertTrue(authorization.toString().startsWith(idp.issuer(ISSUER_ID) + "/authorize?"), authorization.toString());

        HttpResponse<String> back = browser.get(location(browser.get(authorization)));
        assertEquals(302, back.statusCode(), back.body());
        assertEquals("/", location(back).toString());
        assertEquals(1, sink.logins.size());
        RecordingSink.Login login = sink.logins.get(0);
        assertEquals("anna", login.identity().subject());
        assertEquals("Anna de Vries", login.identity().name());
        assertEquals(9, login.identity().organisationId());
        assertEquals(ExternalLoginSink.SecondFactor.PROVIDER, login.secondFactor());
    }

    @Test
    void withoutSecondFactorTheLoginIsRefusedWhenTheOrganisationRequiresItFromTheProvider() {
        organisation(9, SecondFactorPolicy.REQUIRE_FROM_PROVIDER);
        idp.nextToken(ISSUER_ID, "bert", Map.of("amr", List.of("pwd")));
        Browser browser = new Browser();
        HttpResponse<String> back = browser.get(location(browser.get(location(browser.get(url("/auth/oidc/9/start"))))));
        assertRefused(back, 401, "second_factor_missing");
        assertEquals(List.of(), sink.logins);
    }

    @Test
    void withoutSecondFactorTheLoginGoesOnToZorgbeeldsTotpWhenTheOrganisationAddsIt() {
        organisation(9, SecondFactorPolicy.ZORGBEELD_TOTP_FALLBACK);
        idp.nextToken(ISSUER_ID, "bert", Map.of());
        Browser browser = new Browser();
        HttpResponse<String> back = browser.get(location(browser.get(location(browser.get(url("/auth/oidc/9/start"))))));
        assertEquals(302, back.statusCode(), back.body());
        assertEquals("/#totp", location(back).toString());
        assertEquals(ExternalLoginSink.SecondFactor.ZORGBEELD_TOTP, sink.logins.get(0).secondFactor());
    }

    @Test
    void aCallbackIsUsedOnlyOnce() {
        organisation(9, SecondFactorPolicy.ZORGBEELD_TOTP_FALLBACK);
        Browser browser = new Browser();
        URI callback = location(browser.get(location(browser.get(url("/auth/oidc/9/start")))));
        assertEquals(302, browser.get(callback).statusCode());
        assertRefused(browser.get(callback), 401, "no_pending_login");
        assertEquals(1, sink.logins.size());
    }

    @Test
    void aCallbackInABrowserThatStartedNoLoginIsRefused() {
        organisation(9, SecondFactorPolicy.ZORGBEELD_TOTP_FALLBACK);
        Browser attacker = new Browser();
        URI callback = location(attacker.get(location(attacker.get(url("/auth/oidc/9/start")))));
        assertRefused(new Browser().get(callback), 401, "no_pending_login");
    }

    @Test
    void anAttackersCallbackInTheVictimsBrowserIsRefused() {
        organisation(9, SecondFactorPolicy.ZORGBEELD_TOTP_FALLBACK);
        Browser attacker = new Browser();
        URI attackersCallback = location(attacker.get(location(attacker.get(url("/auth/oidc/9/start")))));
        Browser victim = new Browser();
        assertEquals(302, victim.get(url("/auth/oidc/9/start")).statusCode());
        assertRefused(victim.get(attackersCallback), 401, "state_mismatch");
        assertEquals(List.of(), sink.logins);
    }

    @Test
    void anErrorFromTheProviderIsRefused() {
        organisation(9, SecondFactorPolicy.REQUIRE_FROM_PROVIDER);
        Browser browser = new Browser();
        URI callback = location(browser.get(location(browser.get(url("/auth/oidc/9/start")))));
        String state = callback.getRawQuery().replaceAll(".*(?:^|&)state=([^&]*).*", "$1");
        JsonNode error = assertRefused(browser.get(url(OidcHandler.CALLBACK + "?error=access_denied&state=" + state)), 401, "provider_error");
        assertEquals("error", error.path("where").asText());
    }

    @Test
    void anOrganisationWithoutProviderHasNoLogin() {
        organisation(9, SecondFactorPolicy.REQUIRE_FROM_PROVIDER);
        Browser browser = new Browser();
        assertRefused(browser.get(url("/auth/oidc/10/start")), 404, "unknown_provider");
        assertEquals(404, browser.get(url("/auth/oidc/nine/start")).statusCode());
    }

    private static JsonNode assertRefused(HttpResponse<String> response, int status, String reason) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(ErrorHandlers.PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse(""));
        try {
            JsonNode body = Json.MAPPER.readTree(response.body());
            assertEquals(reason, body.path("reason").asText(), response.body());
            assertEquals(status, body.path("status").asInt());
            assertTrue(body.path("detail").asText().length() > 10, response.body());
            return body;
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private static URI location(HttpResponse<String> response) {
        assertEquals(302, response.statusCode(), response.body());
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /** One browser: its own cookies, redirects looked at one by one. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(URI uri) {
            try {
                return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The pending login in a server-side map, keyed by a cookie: what a pre-login session does. */
    private static final class CookiePendingLogins implements PendingLoginStore {
        private static final String COOKIE = "test_pending_login";
        private final Map<String, PendingLogin> byCookie = new ConcurrentHashMap<>();

        @Override
        public void put(Context ctx, PendingLogin login) {
            String id = UUID.randomUUID().toString();
            byCookie.put(id, login);
            ctx.cookie(COOKIE, id);
        }

        @Override
        public Optional<PendingLogin> take(Context ctx) {
            String id = ctx.cookie(COOKIE);
            return id == null ? Optional.empty() : Optional.ofNullable(byCookie.remove(id));
        }
    }

    /** Remembers who signed in, and sends the TOTP case to a TOTP step. */
    private static final class RecordingSink implements ExternalLoginSink {
        record Login(ExternalIdentity identity, SecondFactor secondFactor) {}

        final List<Login> logins = new CopyOnWriteArrayList<>();

        @Override
        public String signIn(Context ctx, ExternalIdentity identity, SecondFactor secondFactor) {
            logins.add(new Login(identity, secondFactor));
            return secondFactor == SecondFactor.ZORGBEELD_TOTP ? "/#totp" : "/";
        }
    }
}

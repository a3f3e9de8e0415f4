package nl.zorgbeeld.auth.oidc;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.Headers;

/**
 * A real OpenID provider on a random local port (mock-oauth2-server): discovery, JWKS, authorization
 * code with PKCE, signed ID tokens. Tests can tell it which claims to put into the next ID token, and
 * can make it answer one request with a crafted response, as a compromised or misbehaving provider would.
 */
final class MockProvider implements AutoCloseable {
    static final String CLIENT_ID = "zorgbeeld";
    static final String CLIENT_SECRET = "zorgbeeld-secret";

    private final MockOAuth2Server server;
    private final Scripted scripted;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private MockProvider(MockOAuth2Server server, Scripted scripted) {
        this.server = server;
        this.scripted = scripted;
    }

    static MockProvider start() {
        return start(new OAuth2Config());
    }

    static MockProvider start(OAuth2Config config) {
        Scripted scripted = new Scripted();
        MockOAuth2Server server = new MockOAuth2Server(config, scripted);
        server.start();
        return new MockProvider(server, scripted);
    }

    MockOAuth2Server server() { return server; }

    String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    OidcProvider provider(long organisationId, String issuerId, URI redirectUri, SecondFactorPolicy policy, Set<String> mfaAcr) {
        return new OidcProvider(organisationId, issuer(issuerId), CLIENT_ID, CLIENT_SECRET, redirectUri, policy, mfaAcr);
    }

    /** The next ID token of this issuer has this subject and these claims (they may override iss, aud, ...). */
    void nextToken(String issuerId, String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }

    /** The next request to this path (e.g. {@code /org/token}) gets this answer instead of the provider's own. */
    void answerNext(String path, int status, String json) {
        scripted.add(path, new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), status, json, null));
    }

    /** Whether every crafted answer has been asked for. */
    boolean scriptedAnswersUsed() {
        return scripted.isEmpty();
    }

    /**
     * What a browser does with the authorization URL: the provider logs the user in without interaction
     * and redirects to the client's redirect URI; returns the callback's query parameters.
     */
    Map<String, List<String>> authorize(URI authorizationUrl) {
        HttpResponse<String> response = get(authorizationUrl);
        if (response.statusCode() != 302) {
            throw new AssertionError("the provider did not redirect back: " + response.statusCode() + " " + response.body());
        }
        return URLUtils.parseParameters(URI.create(response.headers().firstValue("Location").orElseThrow()).getRawQuery());
    }

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

    @Override
    public void close() {
        server.shutdown();
    }

    /** Answers a request from a queue of crafted responses for its path; otherwise lets the provider answer. */
    private static final class Scripted implements Route {
        private final Map<String, Deque<OAuth2HttpResponse>> byPath = new ConcurrentHashMap<>();

        synchronized void add(String path, OAuth2HttpResponse response) {
            byPath.computeIfAbsent(path, p -> new ArrayDeque<>()).add(response);
        }

        synchronized boolean isEmpty() {
            return byPath.values().stream().allMatch(Deque::isEmpty);
        }

        @Override
        public synchronized boolean match(OAuth2HttpRequest request) {
            Deque<OAuth2HttpResponse> queue = byPath.get(request.getUrl().encodedPath());
            return queue != null && !queue.isEmpty();
        }

        @Override
        public synchronized OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            return byPath.get(request.getUrl().encodedPath()).poll();
        }
    }
}

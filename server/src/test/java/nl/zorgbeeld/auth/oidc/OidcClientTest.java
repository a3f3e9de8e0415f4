package nl.zorgbeeld.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import nl.zorgbeeld.auth.oidc.OidcLoginException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The relying party against a real OpenID provider on a random port: the whole flow and each way it must fail. */
class OidcClientTest {
    private static final URI REDIRECT = URI.create("http://127.0.0.1:8080/auth/oidc/callback");
    private static final String ISSUER_ID = "vr09-ghor";
    private static final String MFA_ACR = "urn:zorgbeeld:loa:mfa";

    private MockProvider idp;
    private MutableClock clock;
    private OidcDiscovery discovery;
    private OidcClient client;
    private OidcProvider provider;

    @BeforeEach
    void start() {
        idp = MockProvider.start();
        clock = new MutableClock();
        discovery = new OidcDiscovery(clock, Duration.ofHours(1));
        client = new OidcClient(discovery, clock, Duration.ofMinutes(10));
        provider = idp.provider(7, ISSUER_ID, REDIRECT, SecondFactorPolicy.REQUIRE_FROM_PROVIDER, Set.of(MFA_ACR));
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    private ExternalIdentity login() {
        AuthorizationStart start = client.begin(provider);
        return client.complete(provider, start.pending(), idp.authorize(start.authorizationUrl()));
    }

    private static OidcLoginException refused(Reason expected, Executable attempt) {
        OidcLoginException e = assertThrows(OidcLoginException.class, attempt);
        assertEquals(expected, e.reason(), e.getMessage());
        return e;
    }

    private static Map<String, List<String>> with(Map<String, List<String>> parameters, String name, String value) {
        Map<String, List<String>> changed = new HashMap<>(parameters);
        if (value == null) changed.remove(name); else changed.put(name, List.of(value));
        return changed;
    }

    @Test
    void aFullLoginGivesTheIdentityTheProviderVouchesFor() {
        idp.nextToken(ISSUER_ID, "anna-subject", Map.of("preferred_username", "anna@ghor.example", "name", "Anna de Vries",
                "email", "anna@ghor.example", "amr", List.of("pwd", "mfa"), "acr", "urn:other"));
        AuthorizationStart start = client.begin(provider);

        Map<String, List<String>> request = URLUtils.parseParameters(start.authorizationUrl().getRawQuery());
        assertTrue(start.authorizationUrl().toString().startsWith(idp.issuer(ISSUER_ID) + "/authorize?"), start.authorizationUrl().toString());
        assertEquals(List.of("code"), request.get("response_type"));
        assertEquals(List.of("openid profile email"), request.get("scope"));
        assertEquals(List.of(MockProvider.CLIENT_ID), request.get("client_id"));
        assertEquals(List.of(REDIRECT.toString()), request.get("redirect_uri"));
        assertEquals(List.of(start.pending().state()), request.get("state"));
        assertEquals(List.of(start.pending().nonce()), request.get("nonce"));
        assertEquals(List.of("S256"), request.get("code_challenge_method"));
        assertEquals(List.of(CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(start.pending().codeVerifier())).getValue()),
                request.get("code_challenge"));
        assertFalse(start.authorizationUrl().toString().contains(start.pending().codeVerifier()), "the verifier stays secret");
        assertEquals(7, start.pending().organisationId());
        assertFalse(start.pending().toString().contains(start.pending().state()), "a pending login logs no secrets");

        ExternalIdentity identity = client.complete(provider, start.pending(), idp.authorize(start.authorizationUrl()));
        assertEquals(new ExternalIdentity(7, idp.issuer(ISSUER_ID), "anna-subject", "anna@ghor.example", "Anna de Vries",
                "anna@ghor.example", List.of("pwd", "mfa"), "urn:other", true), identity);
    }

    @Test
    void withoutAmrTheProviderVouchesForNoSecondFactor() {
        idp.nextToken(ISSUER_ID, "bert", Map.of());
        ExternalIdentity identity = login();
        assertEquals("bert", identity.subject());
        assertEquals(List.of(), identity.amr());
        assertNull(identity.acr());
        assertNull(identity.email());
        assertFalse(identity.hasSecondFactor());
    }

    @Test
    void aPasswordAloneIsNoSecondFactorButAnOtpOrAHardwareKeyIs() {
        idp.nextToken(ISSUER_ID, "bert", Map.of("amr", List.of("pwd")));
        assertFalse(login().hasSecondFactor());
        idp.nextToken(ISSUER_ID, "bert", Map.of("amr", List.of("pwd", "otp")));
        assertTrue(login().hasSecondFactor());
        idp.nextToken(ISSUER_ID, "bert", Map.of("amr", List.of("hwk")));
        assertTrue(login().hasSecondFactor());
    }

    @Test
    void anAcrCountsAsSecondFactorOnlyWhenTheOrganisationListsIt() {
        idp.nextToken(ISSUER_ID, "carla", Map.of("acr", MFA_ACR));
        assertTrue(login().hasSecondFactor());
        idp.nextToken(ISSUER_ID, "carla", Map.of("acr", "urn:zorgbeeld:loa:basic"));
        assertFalse(login().hasSecondFactor());
    }

    @Test
    void anAnswerWithAnotherStateIsRefused() {
        AuthorizationStart start = client.begin(provider);
        Map<String, List<String>> callback = idp.authorize(start.authorizationUrl());
        refused(Reason.STATE_MISMATCH, () -> client.complete(provider, start.pending(), with(callback, "state", "forged")));
        refused(Reason.STATE_MISMATCH, () -> client.complete(provider, start.pending(), with(callback, "state", null)));
    }

    @Test
    void anAnswerToAnotherBrowsersLoginIsRefused() {
        AuthorizationStart attacker = client.begin(provider);
        AuthorizationStart victim = client.begin(provider);
        Map<String, List<String>> attackersCallback = idp.authorize(attacker.authorizationUrl());
        // Login CSRF: the attacker's own callback fed to the victim's browser.
        refused(Reason.STATE_MISMATCH, () -> client.complete(provider, victim.pending(), attackersCallback));
        // Code injection with the victim's state: the code is bound to the attacker's PKCE verifier.
        OidcLoginException e = refused(Reason.TOKEN_REFUSED, () -> client.complete(provider, victim.pending(),
                with(attackersCallback, "state", victim.pending().state())));
        assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
    }

    @Test
    void aCodeIsUsedOnlyOnce() {
        AuthorizationStart start = client.begin(provider);
        Map<String, List<String>> callback = idp.authorize(start.authorizationUrl());
        client.complete(provider, start.pending(), callback);
        refused(Reason.TOKEN_REFUSED, () -> client.complete(provider, start.pending(), callback));
    }

    @Test
    void aPendingLoginExpires() {
        AuthorizationStart inTime = client.begin(provider);
        Map<String, List<String>> inTimeCallback = idp.authorize(inTime.authorizationUrl());
        AuthorizationStart late = client.begin(provider);
        Map<String, List<String>> lateCallback = idp.authorize(late.authorizationUrl());

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertEquals(7, client.complete(provider, inTime.pending(), inTimeCallback).organisationId());
        clock.advance(Duration.ofSeconds(1));
        OidcLoginException e = refused(Reason.LOGIN_EXPIRED, () -> client.complete(provider, late.pending(), lateCallback));
        assertEquals(401, e.toApiException().status());
    }

    @Test
    void anErrorFromTheProviderIsRefusedWithItsCode() {
        AuthorizationStart start = client.begin(provider);
        Map<String, List<String>> error = Map.of("error", List.of("access_denied"),
                "error_description", List.of("User cancelled\nthe login"), "state", List.of(start.pending().state()));
        OidcLoginException e = refused(Reason.PROVIDER_ERROR, () -> client.complete(provider, start.pending(), error));
        assertTrue(e.getMessage().contains("access_denied (User cancelledthe login)"), e.getMessage());
        assertEquals(Map.of("reason", "provider_error"), e.toApiException().extensions());
        // An error answer is checked against the state as well: anyone could send one.
        refused(Reason.STATE_MISMATCH, () -> client.complete(provider, start.pending(), with(error, "state", "forged")));
    }

    @Test
    void anAnswerNamingAnotherIssuerIsRefused() {
        AuthorizationStart start = client.begin(provider);
        Map<String, List<String>> callback = idp.authorize(start.authorizationUrl());
        refused(Reason.ISSUER_MISMATCH, () -> client.complete(provider, start.pending(),
                with(callback, "iss", "https://idp.elsewhere.example")));
        assertEquals(7, client.complete(provider, start.pending(), with(callback, "iss", idp.issuer(ISSUER_ID))).organisationId());
    }

    @Test
    void anAnswerWithoutCodeIsRefused() {
        AuthorizationStart start = client.begin(provider);
        Map<String, List<String>> callback = idp.authorize(start.authorizationUrl());
        refused(Reason.INVALID_CALLBACK, () -> client.complete(provider, start.pending(), with(callback, "code", null)));
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() {
        idp.nextToken(ISSUER_ID, "dirk", Map.of("aud", "another-client"));
        OidcLoginException e = refused(Reason.ID_TOKEN_INVALID, this::login);
        assertTrue(e.getMessage().contains("audience"), e.getMessage());
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        idp.nextToken(ISSUER_ID, "dirk", Map.of("iss", "https://idp.elsewhere.example"));
        OidcLoginException e = refused(Reason.ID_TOKEN_INVALID, this::login);
        assertTrue(e.getMessage().contains("issuer"), e.getMessage());
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        AuthorizationStart start = client.begin(provider);
        Map<String, List<String>> callback = idp.authorize(start.authorizationUrl());
        // Signed by the provider, for this login, but ten minutes past its expiry (beyond the allowed clock skew).
        SignedJWT expired = idp.server().issueToken(ISSUER_ID, MockProvider.CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID, "dirk",
                "JWT", List.of(MockProvider.CLIENT_ID), Map.of("nonce", start.pending().nonce()), -600));
        idp.answerNext("/" + ISSUER_ID + "/token", 200, tokenResponse(expired.serialize()));
        OidcLoginException e = refused(Reason.ID_TOKEN_INVALID, () -> client.complete(provider, start.pending(), callback));
        assertTrue(e.getMessage().contains("Expired"), e.getMessage());
    }

    @Test
    void anIdTokenOfAnotherLoginIsRefused() {
        AuthorizationStart start = client.begin(provider);
        Map<String, List<String>> callback = idp.authorize(start.authorizationUrl());
        // A genuine token of this provider, issued for an earlier login with another nonce, replayed.
        SignedJWT earlier = idp.server().issueToken(ISSUER_ID, MockProvider.CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID, "eva",
                "JWT", List.of(MockProvider.CLIENT_ID), Map.of("nonce", "nonce-of-an-earlier-login"), 3600));
        idp.answerNext("/" + ISSUER_ID + "/token", 200, tokenResponse(earlier.serialize()));
        refused(Reason.NONCE_MISMATCH, () -> client.complete(provider, start.pending(), callback));
        assertTrue(idp.scriptedAnswersUsed());
    }

    @Test
    void anIdTokenWithoutNonceIsRefused() {
        AuthorizationStart start = client.begin(provider);
        Map<String, List<String>> callback = idp.authorize(start.authorizationUrl());
        SignedJWT noNonce = idp.server().issueToken(ISSUER_ID, MockProvider.CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID, "eva",
                "JWT", List.of(MockProvider.CLIENT_ID), Map.of(), 3600));
        idp.answerNext("/" + ISSUER_ID + "/token", 200, tokenResponse(noNonce.serialize()));
        refused(Reason.NONCE_MISMATCH, () -> client.complete(provider, start.pending(), callback));
    }

    @Test
    void anIdTokenSignedByAnotherProvidersKeyIsRefused() {
        // A second provider with keys of its own signs a token that claims to come from the first.
        OAuth2Config foreignKeys = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(new KeyProvider(List.of(), "RS256")));
        try (MockProvider foreign = MockProvider.start(foreignKeys)) {
            AuthorizationStart start = client.begin(provider);
            Map<String, List<String>> callback = idp.authorize(start.authorizationUrl());
            SignedJWT forged = foreign.server().anyToken(idp.server().issuerUrl(ISSUER_ID), Map.of("sub", "mallory",
                    "aud", List.of(MockProvider.CLIENT_ID), "nonce", start.pending().nonce()), Duration.ofMinutes(5));
            assertEquals(idp.issuer(ISSUER_ID), claims(forged).getIssuer());
            idp.answerNext("/" + ISSUER_ID + "/token", 200, tokenResponse(forged.serialize()));
            OidcLoginException e = refused(Reason.ID_TOKEN_SIGNATURE, () -> client.complete(provider, start.pending(), callback));
            assertTrue(e.getMessage().contains("signature"), e.getMessage());
        }
    }

    @Test
    void anUnsignedIdTokenIsRefused() {
        AuthorizationStart start = client.begin(provider);
        Map<String, List<String>> callback = idp.authorize(start.authorizationUrl());
        PlainJWT unsigned = new PlainJWT(validClaims(start.pending().nonce()));
        idp.answerNext("/" + ISSUER_ID + "/token", 200, tokenResponse(unsigned.serialize()));
        refused(Reason.ID_TOKEN_SIGNATURE, () -> client.complete(provider, start.pending(), callback));
    }

    @Test
    void aRotatedSigningKeyIsFetchedWhenATokenNamesIt() throws Exception {
        assertEquals(7, login().organisationId()); // the provider's keys are now cached

        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rotated-2026").generate();
        AuthorizationStart start = client.begin(provider);
        Map<String, List<String>> callback = idp.authorize(start.authorizationUrl());
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rotated.getKeyID()).build(),
                validClaims(start.pending().nonce()));
        token.sign(new RSASSASigner(rotated));
        List<JWK> published = new ArrayList<>(JWKSet.parse(idp.get(URI.create(idp.server().jwksUrl(ISSUER_ID).toString())).body()).getKeys());
        published.add(rotated.toPublicJWK());
        idp.answerNext("/" + ISSUER_ID + "/token", 200, tokenResponse(token.serialize()));
        idp.answerNext("/" + ISSUER_ID + "/jwks", 200, new JWKSet(published).toString());

        assertEquals("rotated-user", client.complete(provider, start.pending(), callback).subject());
        assertTrue(idp.scriptedAnswersUsed(), "the new key set was fetched");
    }

    @Test
    void discoveryIsCachedForItsLifetimeThenFetchedAgain() {
        OidcDiscovery.ProviderKeys first = discovery.forIssuer(provider.issuer());
        clock.advance(Duration.ofMinutes(59));
        assertSame(first, discovery.forIssuer(provider.issuer()));
        clock.advance(Duration.ofMinutes(1));
        OidcDiscovery.ProviderKeys second = discovery.forIssuer(provider.issuer());
        assertNotSame(first, second);
        assertSame(first.keys(), second.keys(), "an unchanged jwks_uri keeps its key cache");
        assertEquals(first.metadata().getTokenEndpointURI(), second.metadata().getTokenEndpointURI());
    }

    @Test
    void anUnreachableProviderIsReportedAsUnavailable() {
        OidcProvider gone = new OidcProvider(8, "http://127.0.0.1:1/gone", "c", "s", REDIRECT, SecondFactorPolicy.REQUIRE_FROM_PROVIDER, Set.of());
        OidcLoginException e = refused(Reason.PROVIDER_UNAVAILABLE, () -> client.begin(gone));
        assertEquals(502, e.toApiException().status());
    }

    @Test
    void aTokenEndpointErrorIsReportedWithItsCode() {
        AuthorizationStart start = client.begin(provider);
        Map<String, List<String>> callback = idp.authorize(start.authorizationUrl());
        idp.answerNext("/" + ISSUER_ID + "/token", 401, "{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}");
        OidcLoginException e = refused(Reason.TOKEN_REFUSED, () -> client.complete(provider, start.pending(), callback));
        assertTrue(e.getMessage().contains("invalid_client (unknown client)"), e.getMessage());
    }

    @Test
    void providerSettingsRequireTlsExceptOnThisMachine() {
        assertThrows(IllegalArgumentException.class, () -> new OidcProvider(1, "http://idp.example.org", "c", "s",
                URI.create("https://zorgbeeld.example/auth/oidc/callback"), SecondFactorPolicy.REQUIRE_FROM_PROVIDER, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new OidcProvider(1, "https://idp.example.org", "c", "s",
                URI.create("http://zorgbeeld.example/auth/oidc/callback"), SecondFactorPolicy.REQUIRE_FROM_PROVIDER, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new OidcProvider(1, "https://idp.example.org?tenant=x", "c", "s",
                URI.create("https://zorgbeeld.example/auth/oidc/callback"), SecondFactorPolicy.REQUIRE_FROM_PROVIDER, Set.of()));
        OidcProvider ok = new OidcProvider(1, "https://idp.example.org/realms/ghor", "c", "very-secret",
                URI.create("https://zorgbeeld.example/auth/oidc/callback"), SecondFactorPolicy.REQUIRE_FROM_PROVIDER, Set.of());
        assertFalse(ok.toString().contains("very-secret"), "the client secret is never logged");
    }

    private JWTClaimsSet validClaims(String nonce) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(idp.issuer(ISSUER_ID)).subject("rotated-user").audience(MockProvider.CLIENT_ID)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", nonce).build();
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static String tokenResponse(String idToken) {
        return "{\"access_token\":\"opaque-access-token\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\"" + idToken + "\"}";
    }
}

package nl.zorgbeeld.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.AMR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.auth.oidc.OidcDiscovery.ProviderKeys;
import nl.zorgbeeld.auth.oidc.OidcLoginException.Reason;

/**
 * The OpenID Connect relying party: the authorization code flow with PKCE (S256), state and nonce,
 * against the identity provider of the organisation a user logs in for. {@link #begin} makes the
 * authorization URL and the {@link PendingLogin} the caller keeps; {@link #complete} checks the
 * callback, exchanges the code and validates the ID token. Every refusal is an {@link OidcLoginException}.
 */
public final class OidcClient {
    public static final Duration DEFAULT_PENDING_LIFETIME = Duration.ofMinutes(10);
    /** "profile" and "email" give the name, login name and address Zorgbeeld shows and matches on. */
    static final Scope SCOPE = new Scope("openid", "profile", "email");
    private static final int MAX_PROVIDER_TEXT = 200;

    private final OidcDiscovery discovery;
    private final Clock clock;
    private final Duration pendingLifetime;

    public OidcClient(OidcDiscovery discovery, Clock clock, Duration pendingLifetime) {
        this.discovery = discovery;
        this.clock = clock;
        this.pendingLifetime = pendingLifetime;
    }

    public static OidcClient withDefaults() {
        return new OidcClient(OidcDiscovery.withDefaults(), Clock.systemUTC(), DEFAULT_PENDING_LIFETIME);
    }

    /**
     * Starts a login at the provider, with fresh random state, nonce and PKCE verifier. The redirect
     * URI is the one the provider configuration registers (one place, so request and token exchange agree).
     */
    public AuthorizationStart begin(OidcProvider provider) {
        ProviderKeys keys = discovery.forIssuer(provider.issuer());
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE,
                new ClientID(provider.clientId()), provider.redirectUri())
                .endpointURI(keys.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        PendingLogin pending = new PendingLogin(state.getValue(), nonce.getValue(), verifier.getValue(),
                provider.organisationId(), provider.redirectUri(), clock.instant());
        return new AuthorizationStart(request.toURI(), pending);
    }

    /**
     * Finishes the login the provider redirected back from.
     *
     * @param pending            what {@link #begin} returned for this browser, taken from its session
     * @param callbackParameters the query parameters of the callback request
     */
    public ExternalIdentity complete(OidcProvider provider, PendingLogin pending, Map<String, List<String>> callbackParameters) {
        if (pending.organisationId() != provider.organisationId()) {
            throw new IllegalArgumentException("the pending login is for organisation " + pending.organisationId()
                    + ", not for " + provider.organisationId());
        }
        if (!clock.instant().isBefore(pending.createdAt().plus(pendingLifetime))) {
            throw new OidcLoginException(Reason.LOGIN_EXPIRED, "The login was started more than "
                    + pendingLifetime.toMinutes() + " minutes ago: start it again");
        }
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(pending.redirectUri(), callbackParameters);
        } catch (ParseException e) {
            throw new OidcLoginException(Reason.INVALID_CALLBACK, "The identity provider's answer is not a valid login response: "
                    + providerText(e.getMessage()));
        }
        State state = response.getState();
        if (state == null || !constantTimeEquals(state.getValue(), pending.state())) {
            throw new OidcLoginException(Reason.STATE_MISMATCH,
                    "The answer does not belong to the login started in this browser (state does not match)");
        }
        ProviderKeys keys = discovery.forIssuer(provider.issuer());
        Issuer iss = response.getIssuer();
        if (iss != null ? !iss.getValue().equals(provider.issuer()) : keys.metadata().supportsAuthorizationResponseIssuerParam()) {
            throw new OidcLoginException(Reason.ISSUER_MISMATCH, "The answer does not come from the identity provider "
                    + provider.issuer() + " this login went to");
        }
        if (response instanceof AuthenticationErrorResponse error) {
            throw new OidcLoginException(Reason.PROVIDER_ERROR, "The identity provider refused the login: "
                    + describe(error.getErrorObject()));
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw new OidcLoginException(Reason.INVALID_CALLBACK, "The identity provider's answer has no authorization code");
        }
        JWT idToken = exchange(provider, keys, pending, code);
        IDTokenClaimsSet claims = validate(provider, keys, idToken);
        String tokenNonce = claims.getNonce() == null ? null : claims.getNonce().getValue();
        if (tokenNonce == null || !constantTimeEquals(tokenNonce, pending.nonce())) {
            throw new OidcLoginException(Reason.NONCE_MISMATCH,
                    "The ID token was not issued for the login started in this browser (nonce does not match)");
        }
        return identity(provider, claims);
    }

    private static JWT exchange(OidcProvider provider, ProviderKeys keys, PendingLogin pending, AuthorizationCode code) {
        TokenRequest request = new TokenRequest(keys.metadata().getTokenEndpointURI(), clientAuthentication(provider, keys),
                new AuthorizationCodeGrant(code, pending.redirectUri(), new CodeVerifier(pending.codeVerifier())));
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(OidcDiscovery.CONNECT_TIMEOUT_MS);
        http.setReadTimeout(OidcDiscovery.READ_TIMEOUT_MS);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            throw new OidcLoginException(Reason.PROVIDER_UNAVAILABLE, "The identity provider's token endpoint could not be reached: "
                    + e.getMessage(), e);
        } catch (ParseException e) {
            throw new OidcLoginException(Reason.PROVIDER_UNAVAILABLE, "The identity provider's token endpoint gave an unusable answer: "
                    + providerText(e.getMessage()), e);
        }
        if (!response.indicatesSuccess()) {
            throw new OidcLoginException(Reason.TOKEN_REFUSED, "The identity provider did not accept the login code: "
                    + describe(response.toErrorResponse().getErrorObject()));
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new OidcLoginException(Reason.ID_TOKEN_INVALID, "The identity provider's token response has no ID token");
        }
        return idToken;
    }

    /** client_secret_basic, the default of OpenID Connect, unless the provider only takes client_secret_post. */
    private static ClientAuthentication clientAuthentication(OidcProvider provider, ProviderKeys keys) {
        ClientID id = new ClientID(provider.clientId());
        Secret secret = new Secret(provider.clientSecret());
        List<ClientAuthenticationMethod> methods = keys.metadata().getTokenEndpointAuthMethods();
        boolean postOnly = methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        return postOnly ? new ClientSecretPost(id, secret) : new ClientSecretBasic(id, secret);
    }

    /**
     * Signature (from the provider's JWKS), issuer, audience, expiry and issue time, by Nimbus. The nonce
     * is compared afterwards on the verified claims, so that a replayed token gets its own reason.
     */
    private static IDTokenClaimsSet validate(OidcProvider provider, ProviderKeys keys, JWT idToken) {
        if (idToken instanceof PlainJWT) {
            throw new OidcLoginException(Reason.ID_TOKEN_SIGNATURE, "The ID token is not signed");
        }
        IDTokenValidator validator = new IDTokenValidator(new Issuer(provider.issuer()), new ClientID(provider.clientId()),
                new JWSVerificationKeySelector<SecurityContext>(keys.algorithms(), keys.keys()), null);
        try {
            return validator.validate(idToken, null);
        } catch (BadJWTException e) {
            throw new OidcLoginException(Reason.ID_TOKEN_INVALID, "The ID token is not valid for this login: " + providerText(e.getMessage()), e);
        } catch (BadJOSEException e) {
            throw new OidcLoginException(Reason.ID_TOKEN_SIGNATURE, "The ID token is not signed by the identity provider "
                    + provider.issuer() + ": " + providerText(e.getMessage()), e);
        } catch (KeySourceException e) {
            throw new OidcLoginException(Reason.PROVIDER_UNAVAILABLE, "The identity provider's signing keys could not be fetched: "
                    + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new OidcLoginException(Reason.ID_TOKEN_SIGNATURE, "The ID token's signature could not be checked: "
                    + providerText(e.getMessage()), e);
        }
    }

    private static ExternalIdentity identity(OidcProvider provider, IDTokenClaimsSet claims) {
        List<String> amr = claims.getAMR() == null ? List.of() : claims.getAMR().stream().map(AMR::getValue).toList();
        ACR acr = claims.getACR();
        String acrValue = acr == null ? null : acr.getValue();
        return new ExternalIdentity(provider.organisationId(), claims.getIssuer().getValue(), claims.getSubject().getValue(),
                claims.getStringClaim("preferred_username"), claims.getStringClaim("name"), claims.getStringClaim("email"),
                amr, acrValue, SecondFactors.present(amr, acrValue, provider.mfaAcrValues()));
    }

    private static String describe(ErrorObject error) {
        String code = error == null || error.getCode() == null ? "unknown_error" : error.getCode();
        String description = error == null ? null : error.getDescription();
        return providerText(description == null ? code : code + " (" + description + ")");
    }

    /** Text from the provider goes into error bodies and logs: printable and short. */
    private static String providerText(String text) {
        if (text == null) return "";
        String printable = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= MAX_PROVIDER_TEXT ? printable : printable.substring(0, MAX_PROVIDER_TEXT) + "...";
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

package nl.zorgbeeld.auth.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.zorgbeeld.auth.oidc.OidcLoginException.Reason;

/**
 * Discovery documents and signing keys of the identity providers, one entry per issuer, kept for a
 * bounded time so a changed endpoint or a new provider configuration is picked up without a restart.
 * The keys are Nimbus's JWKSource: cached (5 minutes), and fetched again when a token names a key id
 * it does not know yet, which is how a provider's key rotation arrives (at most twice per 30 s, so
 * made-up key ids cannot make Zorgbeeld hammer the provider).
 */
public final class OidcDiscovery {
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int READ_TIMEOUT_MS = 10_000;
    private static final int MAX_JWKS_BYTES = 512 * 1024;

    private final Clock clock;
    private final Duration lifetime;
    private final Map<String, ProviderKeys> byIssuer = new ConcurrentHashMap<>();

    /** What a login needs of one provider. */
    record ProviderKeys(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms,
                        Instant fetchedAt) {}

    public OidcDiscovery(Clock clock, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) throw new IllegalArgumentException("lifetime must be positive");
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public static OidcDiscovery withDefaults() {
        return new OidcDiscovery(Clock.systemUTC(), DEFAULT_LIFETIME);
    }

    /** The provider's metadata and keys, fetched when not known or older than the lifetime. */
    ProviderKeys forIssuer(String issuer) {
        // compute() makes concurrent logins to one provider share a single fetch.
        return byIssuer.compute(issuer, (key, known) ->
                known != null && clock.instant().isBefore(known.fetchedAt().plus(lifetime)) ? known : fetch(key, known));
    }

    private ProviderKeys fetch(String issuer, ProviderKeys previous) {
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
        } catch (IOException e) {
            throw unavailable(issuer, "its discovery document could not be fetched: " + e.getMessage(), e);
        } catch (GeneralException e) {
            throw unavailable(issuer, "its discovery document is not usable: " + e.getMessage(), e);
        }
        if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getJWKSetURI() == null) {
            throw unavailable(issuer, "its discovery document lacks the authorization endpoint, token endpoint or jwks_uri", null);
        }
        if (metadata.getResponseTypes() != null && !metadata.getResponseTypes().contains(ResponseType.CODE)) {
            throw unavailable(issuer, "it does not offer the authorization code flow", null);
        }
        List<CodeChallengeMethod> pkce = metadata.getCodeChallengeMethods();
        if (pkce != null && !pkce.contains(CodeChallengeMethod.S256)) {
            throw unavailable(issuer, "it does not offer PKCE with S256", null);
        }
        // Asymmetric signatures only: "none" is never acceptable, and HMAC would make the client secret a signing key.
        Set<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs() == null ? Set.of() : metadata.getIDTokenJWSAlgs().stream()
                .filter(JWSAlgorithm.Family.SIGNATURE::contains)
                .collect(Collectors.toUnmodifiableSet());
        if (algorithms.isEmpty()) {
            throw unavailable(issuer, "it signs ID tokens with none of the asymmetric algorithms (RS256, ES256, ...)", null);
        }
        JWKSource<SecurityContext> keys = previous != null && previous.metadata().getJWKSetURI().equals(metadata.getJWKSetURI())
                ? previous.keys()
                : keySource(issuer, metadata.getJWKSetURI());
        return new ProviderKeys(metadata, keys, algorithms, clock.instant());
    }

    private static JWKSource<SecurityContext> keySource(String issuer, URI jwksUri) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(),
                    new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, MAX_JWKS_BYTES)).build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw unavailable(issuer, "its jwks_uri is not a URL: " + jwksUri, e);
        }
    }

    private static OidcLoginException unavailable(String issuer, String why, Throwable cause) {
        return new OidcLoginException(Reason.PROVIDER_UNAVAILABLE, "The identity provider " + issuer + " cannot be used: " + why, cause);
    }
}

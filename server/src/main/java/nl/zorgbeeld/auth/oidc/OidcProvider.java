package nl.zorgbeeld.auth.oidc;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * One organisation's identity provider and Zorgbeeld's registration there.
 *
 * @param issuer            the provider's issuer identifier, exactly as its discovery document states it
 *                          ({@code issuer + "/.well-known/openid-configuration"} is fetched)
 * @param clientId          Zorgbeeld's client id at that provider
 * @param clientSecret      the client secret (Zorgbeeld is a confidential client; never logged)
 * @param redirectUri       the redirect URI registered at the provider: {@code https://HOST/auth/oidc/callback}
 * @param secondFactorPolicy who provides the mandatory second factor
 * @param mfaAcrValues      {@code acr} values of this provider that mean a multi-factor login (may be empty)
 */
public record OidcProvider(long organisationId, String issuer, String clientId, String clientSecret, URI redirectUri,
                           SecondFactorPolicy secondFactorPolicy, Set<String> mfaAcrValues) {

    public OidcProvider {
        Objects.requireNonNull(secondFactorPolicy, "secondFactorPolicy");
        if (organisationId <= 0) throw new IllegalArgumentException("organisationId must be positive");
        URI issuerUri = parse("issuer", issuer);
        requireSafeScheme("issuer", issuerUri);
        if (issuerUri.getRawQuery() != null || issuerUri.getRawFragment() != null) {
            // OpenID Connect Discovery: an issuer has no query or fragment part.
            throw new IllegalArgumentException("issuer must not have a query or fragment: " + issuer);
        }
        if (clientId == null || clientId.isBlank()) throw new IllegalArgumentException("clientId is required");
        if (clientSecret == null || clientSecret.isBlank()) throw new IllegalArgumentException("clientSecret is required");
        Objects.requireNonNull(redirectUri, "redirectUri");
        requireSafeScheme("redirectUri", redirectUri);
        mfaAcrValues = Set.copyOf(mfaAcrValues == null ? Set.of() : mfaAcrValues);
    }

    private static URI parse(String field, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + " is required");
        try {
            return new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(field + " is not a URL: " + value);
        }
    }

    /** TLS everywhere except a provider or callback on this machine (development and tests). */
    private static void requireSafeScheme(String field, URI uri) {
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null) throw new IllegalArgumentException(field + " must be an absolute URL: " + uri);
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new IllegalArgumentException(field + " must use https (plain http only on localhost): " + uri);
        }
    }

    @Override
    public String toString() {
        return "OidcProvider[organisationId=" + organisationId + ", issuer=" + issuer + ", clientId=" + clientId
                + ", redirectUri=" + redirectUri + ", secondFactorPolicy=" + secondFactorPolicy
                + ", mfaAcrValues=" + mfaAcrValues + "]";
    }
}

package nl.zorgbeeld.auth.oidc;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A login sent to an identity provider and not yet back: what the callback must match. The caller
 * keeps it in the browser's (pre-login) session, server-side, and hands it back exactly once.
 *
 * @param state        the opaque value the provider must return unchanged (login CSRF)
 * @param nonce        the value the ID token must carry (binds the token to this browser's login)
 * @param codeVerifier the PKCE secret whose S256 hash was sent (binds the code to this login)
 * @param redirectUri  the redirect URI used in the request (the token request repeats it)
 */
public record PendingLogin(String state, String nonce, String codeVerifier, long organisationId, URI redirectUri,
                           Instant createdAt) {

    public PendingLogin {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Leaves the secrets out, so a pending login can be logged. */
    @Override
    public String toString() {
        return "PendingLogin[organisationId=" + organisationId + ", createdAt=" + createdAt + "]";
    }
}

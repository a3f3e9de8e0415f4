package nl.zorgbeeld.auth.oidc;

import java.util.Map;
import nl.zorgbeeld.common.ApiException;

/**
 * A federated login that did not succeed, with the reason as a stable code. {@link #toApiException()}
 * gives the API's one error model: status from the reason (401 for a refused login), code, and the
 * reason as the member {@code reason} of the error body.
 */
public final class OidcLoginException extends RuntimeException {

    public enum Reason {
        /** The callback arrived without a login started in this browser, or a second time. */
        NO_PENDING_LOGIN(401, null),
        /** The login was started too long ago. */
        LOGIN_EXPIRED(401, null),
        /** The callback's state is not the one this browser's login sent (login CSRF, or a mixed-up tab). */
        STATE_MISMATCH(401, "state"),
        /** The callback names another issuer than the one this login went to (RFC 9207 mix-up defence). */
        ISSUER_MISMATCH(401, "iss"),
        /** The provider answered the authorization request with an error (e.g. access_denied). */
        PROVIDER_ERROR(401, "error"),
        /** The callback lacks its code or is not a valid authorization response. */
        INVALID_CALLBACK(401, "code"),
        /** The token endpoint refused the code (used, expired, wrong PKCE verifier, client not accepted). */
        TOKEN_REFUSED(401, "code"),
        /** The ID token's claims do not hold: issuer, audience, expiry, issue time, subject. */
        ID_TOKEN_INVALID(401, "id_token"),
        /** The ID token is unsigned or not signed by a key of the provider. */
        ID_TOKEN_SIGNATURE(401, "id_token"),
        /** The ID token was not issued for this browser's login (replayed or injected). */
        NONCE_MISMATCH(401, "nonce"),
        /** The provider does not vouch for a second factor and the organisation requires it from the provider. */
        SECOND_FACTOR_MISSING(401, "amr"),
        /** The organisation has no identity provider configured. */
        UNKNOWN_PROVIDER(404, "organisationId"),
        /** The provider could not be reached or its answers could not be used (discovery, keys, token endpoint). */
        PROVIDER_UNAVAILABLE(502, null);

        private final int status;
        private final String where;

        Reason(int status, String where) {
            this.status = status;
            this.where = where;
        }

        public int status() { return status; }

        /** The code in error bodies and logs, e.g. {@code state_mismatch}. */
        public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    private final Reason reason;

    public OidcLoginException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public OidcLoginException(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public Reason reason() { return reason; }

    public ApiException toApiException() {
        String code = switch (reason.status()) {
            case 401 -> "Unauthorized";
            case 404 -> "NotFound";
            default -> "BadGateway";
        };
        String title = switch (reason.status()) {
            case 401 -> "Login refused";
            case 404 -> "Not found";
            default -> "Identity provider unavailable";
        };
        return new ApiException(reason.status(), code, title, getMessage(), reason.where, Map.of("reason", reason.code()));
    }
}

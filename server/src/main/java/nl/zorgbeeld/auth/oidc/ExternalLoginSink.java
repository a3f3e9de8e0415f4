package nl.zorgbeeld.auth.oidc;

import io.javalin.http.Context;

/**
 * Turns a verified external identity into a Zorgbeeld login: finds the user of that organisation
 * (by issuer + subject), then starts a full session or, for {@link SecondFactor#ZORGBEELD_TOTP}, a
 * half-authenticated one that must pass the TOTP step. Refuses with an ApiException when no user
 * may log in with this identity (unknown, disabled).
 */
public interface ExternalLoginSink {

    /** Who gives the mandatory second factor of this login. */
    enum SecondFactor {
        /** The identity provider vouched for it: the login is complete. */
        PROVIDER,
        /** The provider did not, and the organisation adds Zorgbeeld's own TOTP: the session still needs it. */
        ZORGBEELD_TOTP
    }

    /** @return the local path to redirect the browser to ({@code /}, or the TOTP step) */
    String signIn(Context ctx, ExternalIdentity identity, SecondFactor secondFactor);
}

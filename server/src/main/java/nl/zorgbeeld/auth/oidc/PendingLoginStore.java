package nl.zorgbeeld.auth.oidc;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Keeps the one pending login of a browser between the start of a federated login and its callback,
 * server-side in that browser's (pre-login) session.
 */
public interface PendingLoginStore {
    /** Remembers the login for this browser, replacing any earlier pending one. */
    void put(Context ctx, PendingLogin login);

    /** The browser's pending login, removed as it is taken: a callback can use it only once. */
    Optional<PendingLogin> take(Context ctx);
}

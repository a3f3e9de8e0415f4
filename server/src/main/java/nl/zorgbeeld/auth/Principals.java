package nl.zorgbeeld.auth;

import io.javalin.http.Context;
import java.util.Optional;

/** The principal of a request, set by {@link Access} before the handler runs. */
public final class Principals {
    private static final String ATTRIBUTE = "zorgbeeld.principal";

    private Principals() {}

    /** The authenticated user; 401 when the request has none (only public routes run without one). */
    public static Principal require(Context ctx) {
        return optional(ctx).orElseThrow(() -> Access.unauthenticated(ctx, "Log in first"));
    }

    public static Optional<Principal> optional(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    static void set(Context ctx, Principal principal) {
        ctx.attribute(ATTRIBUTE, principal);
    }
}

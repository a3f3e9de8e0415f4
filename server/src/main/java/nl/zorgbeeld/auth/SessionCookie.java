package nl.zorgbeeld.auth;

import io.javalin.http.Context;

/**
 * The session cookie: {@code zb_session}, HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it) and Secure when the app is served over TLS. It lives as long as the browser
 * runs; the server ends idle sessions.
 */
public final class SessionCookie {
    public static final String NAME = "zb_session";

    private SessionCookie() {}

    public static void set(Context ctx, AuthSettings settings, String sessionId) {
        ctx.header("Set-Cookie", NAME + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict" + (secure(ctx, settings) ? "; Secure" : ""));
    }

    public static void clear(Context ctx, AuthSettings settings) {
        ctx.header("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(ctx, settings) ? "; Secure" : ""));
    }

    private static boolean secure(Context ctx, AuthSettings settings) {
        return settings.tls() || "https".equals(ctx.scheme());
    }
}

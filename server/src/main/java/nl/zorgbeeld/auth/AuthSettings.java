package nl.zorgbeeld.auth;

import java.net.URI;
import java.util.Map;

/**
 * The security settings, from environment variables (README, "Configuration"; docs/security.md).
 *
 * @param production         ZORGBEELD_MODE=production: no demo users, TLS required
 * @param publicUrl          ZORGBEELD_PUBLIC_URL: the address users reach the app at, e.g. https://zorgbeeld.example.nl
 *                           behind a TLS-terminating proxy; null when unset
 * @param sessionIdleMinutes ZORGBEELD_SESSION_IDLE_MINUTES: a session unused this long ends (60)
 * @param tokenMaxDays       ZORGBEELD_TOKEN_MAX_DAYS: the longest an API token may live (365)
 */
public record AuthSettings(boolean production, URI publicUrl, int sessionIdleMinutes, int tokenMaxDays) {
    public static final int DEFAULT_IDLE_MINUTES = 60;
    public static final int DEFAULT_TOKEN_MAX_DAYS = 365;

    /** Development defaults: demo users allowed, plain HTTP. */
    public static AuthSettings defaults() {
        return new AuthSettings(false, null, DEFAULT_IDLE_MINUTES, DEFAULT_TOKEN_MAX_DAYS);
    }

    public static AuthSettings fromEnvironment(Map<String, String> env) {
        String mode = env.getOrDefault("ZORGBEELD_MODE", "").trim();
        if (!mode.isEmpty() && !mode.equals("production") && !mode.equals("development")) {
            throw new IllegalArgumentException("ZORGBEELD_MODE must be production or development, not '" + mode + "'");
        }
        String url = env.getOrDefault("ZORGBEELD_PUBLIC_URL", "").trim();
        URI publicUrl = null;
        if (!url.isEmpty()) {
            publicUrl = URI.create(url);
            if (!"https".equals(publicUrl.getScheme()) && !"http".equals(publicUrl.getScheme()) || publicUrl.getHost() == null) {
                throw new IllegalArgumentException("ZORGBEELD_PUBLIC_URL must be an http(s) address such as https://zorgbeeld.example.nl, not '" + url + "'");
            }
        }
        return new AuthSettings(mode.equals("production"), publicUrl,
                positive(env, "ZORGBEELD_SESSION_IDLE_MINUTES", DEFAULT_IDLE_MINUTES),
                positive(env, "ZORGBEELD_TOKEN_MAX_DAYS", DEFAULT_TOKEN_MAX_DAYS));
    }

    /** Whether users reach the app over TLS (then cookies are Secure). */
    public boolean tls() {
        return publicUrl != null && "https".equals(publicUrl.getScheme());
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of at least 1, not '" + value + "'");
        }
    }
}

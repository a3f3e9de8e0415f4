package nl.zorgbeeld.alert;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of alerting (README, "Configuration").
 *
 * @param ackTime      ZORGBEELD_ALERT_ACK_MINUTES (15): a recipient that has not acknowledged an alert this
 *                     long after it was sent is flagged and joins the call list (Belronde)
 * @param smtpHost     ZORGBEELD_SMTP_HOST: the mail server for the e-mail channel; unset: no e-mail is sent
 * @param smtpPort     ZORGBEELD_SMTP_PORT (25)
 * @param smtpFrom     ZORGBEELD_SMTP_FROM (zorgbeeld@localhost): the sender address of alert e-mails
 * @param smtpUser     ZORGBEELD_SMTP_USER: login at the mail server, when it asks one
 * @param smtpPasswordRef ZORGBEELD_SMTP_PASSWORD_REF: the name of the environment variable holding its password
 * @param smtpStartTls ZORGBEELD_SMTP_STARTTLS (false): require STARTTLS
 */
public record AlertConfig(Duration ackTime, String smtpHost, int smtpPort, String smtpFrom, String smtpUser, String smtpPasswordRef,
                          boolean smtpStartTls) {

    public static final AlertConfig DEFAULTS = fromEnvironment(Map.of());

    public static AlertConfig fromEnvironment(Map<String, String> env) {
        String host = env.getOrDefault("ZORGBEELD_SMTP_HOST", "").trim();
        String user = env.getOrDefault("ZORGBEELD_SMTP_USER", "").trim();
        String ref = env.getOrDefault("ZORGBEELD_SMTP_PASSWORD_REF", "").trim();
        return new AlertConfig(Duration.ofMinutes(number(env, "ZORGBEELD_ALERT_ACK_MINUTES", 15, 1, 7 * 24 * 60)),
                host.isEmpty() ? null : host,
                number(env, "ZORGBEELD_SMTP_PORT", 25, 1, 65535),
                env.getOrDefault("ZORGBEELD_SMTP_FROM", "zorgbeeld@localhost").trim(),
                user.isEmpty() ? null : user,
                ref.isEmpty() ? null : ref,
                Boolean.parseBoolean(env.getOrDefault("ZORGBEELD_SMTP_STARTTLS", "false").trim()));
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
        if (n < min || n > max) throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + n);
        return n;
    }
}

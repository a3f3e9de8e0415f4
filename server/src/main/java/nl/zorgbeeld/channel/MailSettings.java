package nl.zorgbeeld.channel;

import java.util.Map;

/**
 * The mail server of the e-mail channel (README, "Configuration").
 *
 * @param host        ZORGBEELD_SMTP_HOST: unset, and no e-mail is sent (each attempt is recorded as failed)
 * @param port        ZORGBEELD_SMTP_PORT (25)
 * @param from        ZORGBEELD_SMTP_FROM (zorgbeeld@localhost): the sender address
 * @param user        ZORGBEELD_SMTP_USER: login at the mail server, when it asks one
 * @param passwordRef ZORGBEELD_SMTP_PASSWORD_REF: the name of the environment variable holding its password
 * @param startTls    ZORGBEELD_SMTP_STARTTLS (false): require STARTTLS
 */
public record MailSettings(String host, int port, String from, String user, String passwordRef, boolean startTls) {

    public static MailSettings fromEnvironment(Map<String, String> env) {
        String host = env.getOrDefault("ZORGBEELD_SMTP_HOST", "").trim();
        String user = env.getOrDefault("ZORGBEELD_SMTP_USER", "").trim();
        String ref = env.getOrDefault("ZORGBEELD_SMTP_PASSWORD_REF", "").trim();
        String portText = env.getOrDefault("ZORGBEELD_SMTP_PORT", "25").trim();
        int port;
        try {
            port = Integer.parseInt(portText.isEmpty() ? "25" : portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ZORGBEELD_SMTP_PORT must be a whole number, not '" + portText + "'");
        }
        if (port < 1 || port > 65535) throw new IllegalArgumentException("ZORGBEELD_SMTP_PORT must be between 1 and 65535, not " + port);
        return new MailSettings(host.isEmpty() ? null : host, port, env.getOrDefault("ZORGBEELD_SMTP_FROM", "zorgbeeld@localhost").trim(),
                user.isEmpty() ? null : user, ref.isEmpty() ? null : ref,
                Boolean.parseBoolean(env.getOrDefault("ZORGBEELD_SMTP_STARTTLS", "false").trim()));
    }
}

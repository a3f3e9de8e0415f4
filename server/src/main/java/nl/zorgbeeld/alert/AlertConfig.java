package nl.zorgbeeld.alert;

import java.time.Duration;
import java.util.Map;
import nl.zorgbeeld.channel.MailSettings;

/**
 * Settings of alerting (README, "Configuration").
 *
 * @param ackTime ZORGBEELD_ALERT_ACK_MINUTES (15): a recipient that has not acknowledged an alert this
 *                long after it was sent is flagged and joins the call list (Belronde)
 * @param mail    ZORGBEELD_SMTP_*: the mail server of the e-mail channel
 */
public record AlertConfig(Duration ackTime, MailSettings mail) {

    public static final AlertConfig DEFAULTS = fromEnvironment(Map.of());

    public static AlertConfig fromEnvironment(Map<String, String> env) {
        return new AlertConfig(Duration.ofMinutes(minutes(env)), MailSettings.fromEnvironment(env));
    }

    private static int minutes(Map<String, String> env) {
        String value = env.get("ZORGBEELD_ALERT_ACK_MINUTES");
        if (value == null || value.isBlank()) return 15;
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ZORGBEELD_ALERT_ACK_MINUTES must be a whole number, not '" + value + "'");
        }
        if (n < 1 || n > 7 * 24 * 60) throw new IllegalArgumentException("ZORGBEELD_ALERT_ACK_MINUTES must be between 1 and 10080, not " + n);
        return n;
    }
}

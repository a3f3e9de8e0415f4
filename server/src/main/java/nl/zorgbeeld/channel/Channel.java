package nl.zorgbeeld.channel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An outbound channel of an organisation: e-mail to an address, or a webhook at a URL that receives
 * the message as JSON signed with HMAC-SHA256 under {@code secret} (never shown after it was made).
 */
public record Channel(long id, long organisationId, String kind, String address, @JsonIgnore String secret, OffsetDateTime createdAt,
                      List<Delivery> deliveries) {
    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";

    /** One attempt to send through the channel and how it went. */
    public record Delivery(long id, String subject, Long incidentId, String outcome, String detail, OffsetDateTime attemptedAt) {}
}

package nl.zorgbeeld.analysis;

import java.time.OffsetDateTime;

/**
 * An institution that was sent an alert of the incident and did not acknowledge it in time: it joins
 * the call list (Belronde), marked "alarm verzonden, niet bevestigd", whether it is connected or not.
 */
public record AlertMark(String institutionId, String institutionName, String institutionType, String phone, String email,
                        boolean connected, long alertId, String headline, OffsetDateTime sentAt, OffsetDateTime deadline, String label) {
    public static final String LABEL = "Alarm verzonden, niet bevestigd";

    public AlertMark(String institutionId, String institutionName, String institutionType, String phone, String email, boolean connected,
                     long alertId, String headline, OffsetDateTime sentAt, OffsetDateTime deadline) {
        this(institutionId, institutionName, institutionType, phone, email, connected, alertId, headline, sentAt, deadline, LABEL);
    }
}

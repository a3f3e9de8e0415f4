package nl.zorgbeeld.alert;

import java.time.OffsetDateTime;

/**
 * One institution an alert went to, and what became of it: delivered to a screen of its users, read,
 * acknowledged (by whom, for which organisation, with an optional note), and flagged when the deadline
 * passed without acknowledgement.
 */
public record Recipient(String institutionId, String name, String type, String organisation, String regionCode, String phone,
                        String email, boolean connected, String zone, Double distance, OffsetDateTime deliveredAt, String deliveredBy,
                        OffsetDateTime readAt, String readBy, OffsetDateTime acknowledgedAt, String acknowledgedBy,
                        String acknowledgedOrganisation, String note, OffsetDateTime overdueAt) {

    /** The board's state: bevestigd, gelezen, afgeleverd, verzonden (not yet seen) or niet_aangesloten. */
    public String state() {
        if (acknowledgedAt != null) return "bevestigd";
        if (readAt != null) return "gelezen";
        if (deliveredAt != null) return "afgeleverd";
        return connected ? "verzonden" : "niet_aangesloten";
    }

    /** Not acknowledged by the deadline of an alert that still stands. */
    public boolean overdue(Alert alert, OffsetDateTime now) {
        return acknowledgedAt == null && alert.awaitsAcknowledgement() && (overdueAt != null || now.isAfter(alert.ackDeadline()));
    }
}

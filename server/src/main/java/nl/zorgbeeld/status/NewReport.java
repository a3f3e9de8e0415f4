package nl.zorgbeeld.status;

import java.time.OffsetDateTime;

/**
 * A report about to be stored: its content, the moment it describes (null: now), the incident it
 * belongs to (or null), and where it came from ({@code api} or {@code edxl-have}).
 */
public record NewReport(OffsetDateTime reportedAt, Long incidentId, StatusContent content, String source) {
    public static final String API = "api";
    public static final String HAVE = "edxl-have";
}

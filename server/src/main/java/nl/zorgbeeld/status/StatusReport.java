package nl.zorgbeeld.status;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;

/**
 * One stored status report: the content with the moment it describes ({@code reportedAt}), when
 * it was recorded, by whom, from which source ({@code api} or {@code edxl-have}), the incident it
 * belongs to (or null) and, for a confirmation, the version it confirms unchanged.
 */
public record StatusReport(String institutionId, String institutionName, int version, OffsetDateTime reportedAt,
                           OffsetDateTime recordedAt, Long incidentId, Integer confirmsVersion, String source,
                           @JsonUnwrapped StatusContent content, String author, String organisation) {}

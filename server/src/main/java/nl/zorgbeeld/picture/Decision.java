package nl.zorgbeeld.picture;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;

/** A decision (besluit) or action (actie) in one of its versions; {@code author} wrote that version. */
public record Decision(long id, long incidentId, @JsonUnwrapped DecisionContent content, int version, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt, String author, String organisation) {}

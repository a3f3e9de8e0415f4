package nl.zorgbeeld.incident;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;
import nl.zorgbeeld.common.Actor;

/**
 * An incident as it is (or was, for a past moment): its state, the version that state is, and who
 * created it and who changed it last.
 */
public record Incident(long id, @JsonUnwrapped IncidentState state, int version, OffsetDateTime createdAt, Actor createdBy,
                       OffsetDateTime updatedAt, Actor updatedBy) {}

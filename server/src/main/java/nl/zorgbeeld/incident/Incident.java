package nl.zorgbeeld.incident;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;
import nl.zorgbeeld.common.Actor;

/**
 * An incident as it is (or was, for a past moment): its state, the version that state is, and who
 * created it and who changed it last. {@code origin} is set only for an incident restored from a
 * snapshot (null, and left out of the JSON, otherwise).
 */
public record Incident(long id, @JsonUnwrapped IncidentState state, int version, OffsetDateTime createdAt, Actor createdBy,
                       OffsetDateTime updatedAt, Actor updatedBy, IncidentOrigin origin) {

    /** A restored archive: readable, never changed. */
    public boolean readOnly() {
        return origin != null && origin.readOnly();
    }
}

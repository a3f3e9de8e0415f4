package nl.zorgbeeld.incident;

import java.time.OffsetDateTime;
import nl.zorgbeeld.common.Actor;

/**
 * Where a restored incident came from (issue 16): the incident in the snapshot's own system, the
 * moment the snapshot shows and how it was taken in. An {@code archive} is read-only; a
 * {@code handover} is an ordinary incident that carries on the handed-over picture.
 */
public record IncidentOrigin(String mode, boolean readOnly, long sourceIncidentId, String sourceTitle, OffsetDateTime snapshotShows,
                             OffsetDateTime snapshotExportedAt, OffsetDateTime restoredAt, Actor restoredBy) {
    public static final String ARCHIVE = "archive";
    public static final String HANDOVER = "handover";
}

package nl.zorgbeeld.picture;

import java.time.OffsetDateTime;
import nl.zorgbeeld.common.Certainty;

/** A casualty count about to be recorded. {@code pictureId} null: the medical picture; {@code countedAt} null: now. */
public record NewCasualtyCount(Long pictureId, OffsetDateTime countedAt, TriageCounts counts, String source, Certainty certainty) {

    public NewCasualtyCount withDefaults(long picture, OffsetDateTime now) {
        return new NewCasualtyCount(pictureId != null ? pictureId : picture, countedAt != null ? countedAt : now, counts, source, certainty);
    }
}

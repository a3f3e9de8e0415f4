package nl.zorgbeeld.picture;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;
import nl.zorgbeeld.common.Certainty;

/** Casualties per triage class in a picture as counted at {@code countedAt}, recorded at {@code recordedAt}. */
public record CasualtyCount(long id, long pictureId, OffsetDateTime countedAt, @JsonUnwrapped TriageCounts counts, String source,
                            Certainty certainty, OffsetDateTime recordedAt, String author, String organisation) {}

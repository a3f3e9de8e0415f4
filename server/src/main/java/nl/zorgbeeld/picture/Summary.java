package nl.zorgbeeld.picture;

import java.time.OffsetDateTime;

/**
 * The management summary of a picture in one of its versions: a short text for decision makers,
 * written by whoever holds the regie. Version 0 (text null) means none was written yet (at that moment).
 */
public record Summary(long pictureId, long incidentId, String text, int version, OffsetDateTime updatedAt, String author,
                      String organisation) {

    static Summary none(long pictureId, long incidentId) {
        return new Summary(pictureId, incidentId, null, 0, null, null, null);
    }
}

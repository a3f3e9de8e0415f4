package nl.zorgbeeld.picture;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;

/**
 * A bullet in one of its versions. {@code author} and {@code organisation} wrote this version at
 * {@code updatedAt}; {@code createdAt} is when the first version was written. A retracted bullet is
 * out of the current picture but still readable here and in the history.
 */
public record Bullet(long id, long incidentId, long pictureId, @JsonUnwrapped BulletContent content, boolean retracted, int version,
                     OffsetDateTime createdAt, OffsetDateTime updatedAt, String author, String organisation) {}

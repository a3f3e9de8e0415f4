package nl.zorgbeeld.regie;

import java.time.OffsetDateTime;
import nl.zorgbeeld.common.Actor;

/**
 * A regie check on an item of the picture, as it is now (or was at a moment): open (version 1) or
 * resolved (version 2). {@code targetAuthor} wrote the item's version that was marked: they see the
 * mark and resolve it. {@code pictureId}, {@code themeId} and {@code themeName} place a marked bullet
 * (its current theme) for the checklist; null for other items.
 */
public record RegieCheck(long id, long incidentId, Target target, Actor targetAuthor, String targetSummary, Long pictureId,
                         Long themeId, String themeName, CheckKind kind, String note, Target conflictsWith, OffsetDateTime createdAt,
                         Actor author, boolean open, Resolved resolution, int version) {

    /** How and by whom a check was resolved. */
    public record Resolved(Resolution resolution, String note, OffsetDateTime resolvedAt, Actor resolvedBy) {}
}

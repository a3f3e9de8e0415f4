package nl.zorgbeeld.picture;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The quality norms as numbers: a first, complete description within five minutes of the decision
 * to scale up, and every theme of an active incident changed at least once per stale norm
 * (ZORGBEELD_STALE_MINUTES). Pure: the moment of evaluation is a parameter, so the past is judged
 * by the norms as they applied then.
 */
public final class Freshness {
    public static final int FIRST_DESCRIPTION_MINUTES = 5;

    private final int staleMinutes;

    public Freshness(int staleMinutes) {
        this.staleMinutes = staleMinutes;
    }

    public Norms norms() {
        return new Norms(FIRST_DESCRIPTION_MINUTES, staleMinutes);
    }

    /**
     * How fresh a theme is. An empty theme (no current bullet) has nothing to go stale; the first
     * description shows whether required themes are still empty.
     */
    public ThemeFreshness theme(ThemeActivity activity, int currentBullets, boolean incidentActive, OffsetDateTime now) {
        if (activity == null) return new ThemeFreshness(null, null, currentBullets == 0, false);
        long age = Math.max(0, Duration.between(activity.lastChangedAt(), now).toSeconds());
        boolean empty = currentBullets == 0;
        return new ThemeFreshness(activity.lastChangedAt(), age, empty, incidentActive && !empty && age > staleMinutes * 60L);
    }

    /**
     * When the picture first had something in every required theme (any theme when none is required),
     * measured from the decision to scale up; while incomplete, the time elapsed so far.
     */
    public FirstDescription firstDescription(OffsetDateTime scaledUpAt, List<Theme> themes, Map<Long, ThemeActivity> activityByTheme,
                                             OffsetDateTime now) {
        OffsetDateTime completedAt = completedAt(themes, activityByTheme);
        boolean complete = completedAt != null;
        long seconds = Math.max(0, Duration.between(scaledUpAt, complete ? completedAt : now).toSeconds());
        return new FirstDescription(scaledUpAt, completedAt, seconds, complete, seconds > FIRST_DESCRIPTION_MINUTES * 60L,
                FIRST_DESCRIPTION_MINUTES);
    }

    private static OffsetDateTime completedAt(List<Theme> themes, Map<Long, ThemeActivity> activityByTheme) {
        List<Theme> required = themes.stream().filter(Theme::required).toList();
        if (required.isEmpty()) {
            return activityByTheme.values().stream().map(ThemeActivity::firstWrittenAt).min(Comparator.naturalOrder()).orElse(null);
        }
        if (required.stream().anyMatch(t -> !activityByTheme.containsKey(t.id()))) return null;
        return required.stream().map(t -> activityByTheme.get(t.id()).firstWrittenAt()).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** The norms in minutes, shown with every evaluation. */
    public record Norms(int firstDescriptionMinutes, int staleMinutes) {}

    /**
     * @param lastChangedAt when a bullet in the theme was last added, edited or retracted (null: never)
     * @param ageSeconds    seconds since then (null: never)
     * @param empty         no current bullet in the theme
     * @param stale         the incident is active and the theme's content is older than the stale norm
     */
    public record ThemeFreshness(OffsetDateTime lastChangedAt, Long ageSeconds, boolean empty, boolean stale) {}

    /**
     * @param completedAt     when every required theme first had a bullet (null while incomplete)
     * @param durationSeconds from scale-up to completion, or to now while incomplete
     * @param overdue         the duration exceeds the norm
     */
    public record FirstDescription(OffsetDateTime scaledUpAt, OffsetDateTime completedAt, long durationSeconds, boolean complete,
                                   boolean overdue, int normMinutes) {}
}

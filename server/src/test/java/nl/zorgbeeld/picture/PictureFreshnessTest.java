package nl.zorgbeeld.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Certainty;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.http.Etags;
import nl.zorgbeeld.incident.CarePhase;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.GripLevel;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.IncidentPatch;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.incident.IncidentState;
import nl.zorgbeeld.incident.IncidentStatus;
import nl.zorgbeeld.incident.IncidentStore;
import nl.zorgbeeld.incident.IncidentType;
import nl.zorgbeeld.incident.Regie;
import nl.zorgbeeld.picture.Freshness.FirstDescription;
import nl.zorgbeeld.picture.Freshness.ThemeFreshness;
import nl.zorgbeeld.picture.PictureView.ThemeSection;
import nl.zorgbeeld.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Freshness against the norms: the rules on their own, and the whole service on the real database
 * looked at from a clock that runs ahead, as if the minutes had passed.
 */
class PictureFreshnessTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T14:00:00Z");
    private static final Actor HIN = new Actor("Hanna Informatie", "GHOR Utrecht");
    private final Freshness freshness = new Freshness(10);

    private static Theme theme(long id, boolean required) {
        return new Theme(id, 1, "Thema " + id, (int) id, required, 1);
    }

    private static ThemeActivity activity(long theme, int firstMinute, int lastMinute) {
        return new ThemeActivity(1, theme, T0.plusMinutes(firstMinute), T0.plusMinutes(lastMinute));
    }

    @Test
    void aThemeIsStaleOnlyWhenItsContentIsOlderThanTheNormAndTheIncidentIsActive() {
        ThemeActivity written = activity(1, 0, 0);
        assertFalse(freshness.theme(written, 1, true, T0.plusMinutes(10)).stale(), "exactly the norm is still fresh");
        ThemeFreshness old = freshness.theme(written, 1, true, T0.plusMinutes(10).plusSeconds(1));
        assertTrue(old.stale());
        assertEquals(601, old.ageSeconds());
        assertFalse(freshness.theme(written, 1, false, T0.plusHours(3)).stale(), "an incident that is not active has no stale themes");
        assertFalse(freshness.theme(written, 0, true, T0.plusHours(3)).stale(), "an emptied theme is empty, not stale");
        ThemeFreshness never = freshness.theme(null, 0, true, T0.plusHours(3));
        assertTrue(never.empty());
        assertFalse(never.stale());
        assertNull(never.ageSeconds());
    }

    @Test
    void theFirstDescriptionIsCompleteWhenEveryRequiredThemeHasBeenWrittenIn() {
        List<Theme> themes = List.of(theme(1, true), theme(2, true), theme(3, false));
        FirstDescription incomplete = freshness.firstDescription(T0, themes, Map.of(1L, activity(1, 1, 1), 3L, activity(3, 2, 2)),
                T0.plusMinutes(7));
        assertFalse(incomplete.complete());
        assertNull(incomplete.completedAt());
        assertEquals(420, incomplete.durationSeconds(), "while incomplete: the time since the scale-up");
        assertTrue(incomplete.overdue());

        FirstDescription complete = freshness.firstDescription(T0, themes, Map.of(1L, activity(1, 1, 9), 2L, activity(2, 4, 4)),
                T0.plusMinutes(30));
        assertTrue(complete.complete());
        assertEquals(T0.plusMinutes(4), complete.completedAt(), "the moment the last required theme got its first bullet");
        assertEquals(240, complete.durationSeconds());
        assertFalse(complete.overdue());
    }

    @Test
    void withoutRequiredThemesTheFirstBulletAnywhereCompletesIt() {
        FirstDescription d = freshness.firstDescription(T0, List.of(theme(1, false), theme(2, false)), Map.of(2L, activity(2, 6, 6)),
                T0.plusMinutes(8));
        assertEquals(T0.plusMinutes(6), d.completedAt());
        assertTrue(d.overdue(), "six minutes is over the five-minute norm");
    }

    @Test
    void aThemeNotUpdatedForLongerThanTheNormIsFlaggedStaleThroughTheWholeService() {
        Transactions tx = new Transactions(TestDatabase.dataSource());
        PictureStores stores = PictureStores.create();
        ChangeLog log = new ChangeLog();
        PictureFactory factory = new PictureFactory(stores, log);
        IncidentService incidents = new IncidentService(tx, new IncidentStore(), log, factory);
        BulletService bullets = new BulletService(tx, incidents, stores);
        Clock elevenMinutesLater = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11));
        PictureService later = new PictureService(tx, incidents, factory, stores, new Freshness(10), elevenMinutesLater);
        PictureService laterWithLooserNorm = new PictureService(tx, incidents, factory, stores, new Freshness(15), elevenMinutesLater);

        OffsetDateTime now = OffsetDateTime.now();
        Incident incident = incidents.create(new IncidentState("Verouderd " + UUID.randomUUID(), IncidentType.BRAND, now, now, null, null,
                GripLevel.GRIP_1, CarePhase.REGULIER, IncidentStatus.ACTIEF, false, new Regie("Hanna", "GHOR")), HIN);
        PictureView fresh = later.view(incident.id(), null);
        Picture medical = fresh.pictures().get(0).picture();
        long situatie = fresh.pictures().get(0).themes().get(0).id();
        bullets.add(incident.id(), medical.id(), new BulletContent(situatie, "Brand", "OvD", Certainty.GEVALIDEERD), HIN);

        PictureView view = later.view(incident.id(), null);
        ThemeSection theme = view.pictures().get(0).themes().get(0);
        assertEquals("Situatie", theme.name());
        assertTrue(theme.freshness().stale(), "eleven minutes without an update, norm ten");
        assertTrue(theme.freshness().ageSeconds() >= 660);
        assertFalse(view.pictures().get(0).themes().get(4).freshness().stale(), "Meteo is empty, not stale");
        assertTrue(view.firstDescription().overdue(), "four required themes are still empty after eleven minutes");
        assertEquals(1, FreshnessReport.of(view).staleThemes());
        assertFalse(laterWithLooserNorm.view(incident.id(), null).pictures().get(0).themes().get(0).freshness().stale(),
                "with a fifteen-minute norm eleven minutes is fresh");

        incidents.update(incident.id(), new Etags.IfMatch(true, Set.of()), new IncidentPatch(null, null, null, null, null, null, null,
                null, IncidentStatus.AFGESCHAALD, null, null), HIN);
        assertFalse(later.view(incident.id(), null).pictures().get(0).themes().get(0).freshness().stale(),
                "a scaled-down incident is not held to the norm");
    }

    @Test
    void theStaleNormIsConfiguredWithADocumentedDefault() {
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://localhost/x");
        assertEquals(10, Config.fromEnvironment(env).staleMinutes());
        assertEquals(15, Config.fromEnvironment(Map.of("DATABASE_URL", "postgresql://localhost/x", "ZORGBEELD_STALE_MINUTES", "15"))
                .staleMinutes());
        assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnvironment(Map.of("DATABASE_URL", "postgresql://localhost/x", "ZORGBEELD_STALE_MINUTES", "0")));
        assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnvironment(Map.of("DATABASE_URL", "postgresql://localhost/x", "ZORGBEELD_STALE_MINUTES", "tien")));
    }
}

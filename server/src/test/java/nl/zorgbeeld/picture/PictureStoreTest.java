package nl.zorgbeeld.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Certainty;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.CarePhase;
import nl.zorgbeeld.incident.GripLevel;
import nl.zorgbeeld.incident.IncidentState;
import nl.zorgbeeld.incident.IncidentStatus;
import nl.zorgbeeld.incident.IncidentStore;
import nl.zorgbeeld.incident.IncidentType;
import nl.zorgbeeld.incident.Regie;
import nl.zorgbeeld.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The picture's stores against the real PostGIS: versions, the state at a moment, theme activity, counts. */
class PictureStoreTest {
    private static final Actor HIN = new Actor("Hanna Informatie", "GHOR Utrecht");
    private final Transactions tx = new Transactions(TestDatabase.dataSource());
    private final TemplateStore templates = new TemplateStore();
    private final PictureStore pictures = new PictureStore();
    private final BulletStore bullets = new BulletStore();
    private long incident;
    private Picture medical;
    private Template template;

    @BeforeEach
    void incidentWithAMedicalPicture() {
        IncidentStore incidents = new IncidentStore();
        OffsetDateTime start = OffsetDateTime.parse("2026-03-01T14:05:00+01:00");
        tx.run(c -> {
            incident = incidents.insert(c, HIN);
            incidents.insertVersion(c, incident, 1, new IncidentState("Opslag " + UUID.randomUUID(), IncidentType.BRAND, start, start, null,
                    null, GripLevel.GEEN, CarePhase.REGULIER, IncidentStatus.ACTIEF, false, new Regie("a", "b")), HIN);
            template = templates.defaultFor(c, PictureKind.GENEESKUNDIG).orElseThrow();
            medical = pictures.insert(c, incident, PictureKind.GENEESKUNDIG, template.id(), "GHOR", null, HIN);
            return null;
        });
    }

    private long theme(String name) {
        return template.themes().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static OffsetDateTime now(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    private long write(String theme, String text) {
        return tx.run(c -> {
            long id = bullets.insert(c, incident, medical.id());
            bullets.insertVersion(c, id, 1, new BulletContent(theme(theme), text, "OvD-G", Certainty.AANNAME), false, HIN);
            return id;
        });
    }

    @Test
    void theDefaultMedicalTemplateHasTheNineThemesInOrderAndFiveRequired() {
        assertEquals(List.of("Situatie", "Slachtofferbeeld", "Gevaarlijke stoffen", "Communicatie", "Meteo", "Maatregelen",
                "Besluiten en acties", "Knelpunten zorgcontinuïteit", "Prognose"), template.themes().stream().map(Theme::name).toList());
        assertEquals(5, template.themes().stream().filter(Theme::required).count());
    }

    @Test
    void bulletsAtAMomentAreTheVersionsCurrentThenWithoutRetractedOnes() {
        long edited = write("Situatie", "Brand");
        long retracted = write("Meteo", "Wind NO");
        OffsetDateTime before = tx.run(PictureStoreTest::now);
        tx.run(c -> {
            bullets.insertVersion(c, edited, 2, new BulletContent(theme("Situatie"), "Grote brand", "OvD-G", Certainty.GEVALIDEERD), false, HIN);
            Bullet current = bullets.find(c, retracted).orElseThrow();
            bullets.insertVersion(c, retracted, 2, current.content(), true, HIN);
            return null;
        });

        List<Bullet> then = tx.run(c -> bullets.asOf(c, incident, before));
        assertEquals(List.of("Brand", "Wind NO"), then.stream().map(b -> b.content().text()).toList());
        List<Bullet> now = tx.run(c -> bullets.asOf(c, incident, null));
        assertEquals(List.of("Grote brand"), now.stream().map(b -> b.content().text()).toList());
        assertEquals(2, now.get(0).version());
        assertTrue(tx.run(c -> bullets.find(c, retracted)).orElseThrow().retracted(), "a retracted bullet is still found by id");
        assertEquals(List.of(1, 2), tx.run(c -> bullets.versions(c, edited)).stream().map(Bullet::version).toList());
    }

    @Test
    void themeActivityHasTheFirstWriteAndTheLastChangeIncludingRetractions() {
        long id = write("Situatie", "Brand");
        tx.run(c -> {
            Bullet current = bullets.find(c, id).orElseThrow();
            bullets.insertVersion(c, id, 2, current.content(), true, HIN);
            return null;
        });
        List<Bullet> versions = tx.run(c -> bullets.versions(c, id));
        ThemeActivity activity = tx.run(c -> bullets.activity(c, incident, null)).stream()
                .filter(a -> a.themeId() == theme("Situatie")).findFirst().orElseThrow();
        assertEquals(versions.get(0).updatedAt(), activity.firstWrittenAt());
        assertEquals(versions.get(1).updatedAt(), activity.lastChangedAt());
        assertTrue(tx.run(c -> bullets.activity(c, incident, OffsetDateTime.parse("2001-01-01T00:00:00Z"))).isEmpty());
    }

    @Test
    void themesAtAMomentHaveTheNamesAndOrderOfThen() {
        long templateId = tx.run(c -> templates.insertTemplate(c, "Opslagtest " + UUID.randomUUID()));
        long a = tx.run(c -> {
            long theme = templates.insertTheme(c, templateId);
            templates.insertThemeVersion(c, new Theme(theme, templateId, "Status", 1, true, 1), HIN);
            return theme;
        });
        long b = tx.run(c -> {
            long theme = templates.insertTheme(c, templateId);
            templates.insertThemeVersion(c, new Theme(theme, templateId, "Capaciteit", 2, false, 1), HIN);
            return theme;
        });
        OffsetDateTime before = tx.run(PictureStoreTest::now);
        tx.run(c -> {
            templates.insertThemeVersion(c, new Theme(a, templateId, "Bereikbaarheid", 2, true, 2), HIN);
            templates.insertThemeVersion(c, new Theme(b, templateId, "Capaciteit", 1, false, 2), HIN);
            return null;
        });
        assertEquals(List.of("Status", "Capaciteit"),
                tx.run(c -> templates.themesAsOf(c, List.of(templateId), before)).get(templateId).stream().map(Theme::name).toList());
        assertEquals(List.of("Capaciteit", "Bereikbaarheid"),
                tx.run(c -> templates.themesAsOf(c, List.of(templateId), null)).get(templateId).stream().map(Theme::name).toList());
    }

    @Test
    void casualtyCountsAreOrderedByTheTimeCountedAndLimitedByTheTimeRecorded() {
        CasualtyStore casualties = new CasualtyStore();
        OffsetDateTime t = OffsetDateTime.parse("2026-03-01T14:00:00Z");
        tx.run(c -> casualties.insert(c, incident, new NewCasualtyCount(medical.id(), t.plusMinutes(30), new TriageCounts(3, 4, 5, 0, 0),
                "RAV", Certainty.GEVALIDEERD), HIN));
        OffsetDateTime between = tx.run(PictureStoreTest::now);
        tx.run(c -> casualties.insert(c, incident, new NewCasualtyCount(medical.id(), t.plusMinutes(10), new TriageCounts(1, 0, 0, 0, 2),
                "OvD-G", Certainty.AANNAME), HIN));

        List<CasualtyCount> all = tx.run(c -> casualties.asOf(c, incident, null));
        assertEquals(List.of(3, 12), all.stream().map(cc -> cc.counts().total()).toList());
        assertEquals(List.of(12), tx.run(c -> casualties.asOf(c, incident, between)).stream().map(cc -> cc.counts().total()).toList());
    }

    @Test
    void questionsAndDecisionsAtAMomentAreTheVersionsCurrentThen() {
        QuestionStore questions = new QuestionStore();
        DecisionStore decisions = new DecisionStore();
        long q = tx.run(c -> {
            long id = questions.insert(c, incident);
            questions.insertVersion(c, id, 1, new QuestionContent("Bedden vrij?", "ROAZ", QuestionStatus.OPEN, null), HIN);
            return id;
        });
        long d = tx.run(c -> {
            long id = decisions.insert(c, incident);
            decisions.insertVersion(c, id, 1, new DecisionContent(DecisionKind.ACTIE, "Ziekenhuizen bellen", "HIn", null,
                    DecisionStatus.OPEN), HIN);
            return id;
        });
        OffsetDateTime before = tx.run(PictureStoreTest::now);
        tx.run(c -> {
            questions.insertVersion(c, q, 2, new QuestionContent("Bedden vrij?", "ROAZ", QuestionStatus.BEANTWOORD, "Twaalf"), HIN);
            decisions.insertVersion(c, d, 2, new DecisionContent(DecisionKind.ACTIE, "Ziekenhuizen bellen", "HIn", null,
                    DecisionStatus.AFGEROND), HIN);
            return null;
        });
        assertEquals(QuestionStatus.OPEN, tx.run(c -> questions.asOf(c, incident, before)).get(0).content().status());
        assertEquals("Twaalf", tx.run(c -> questions.find(c, q)).orElseThrow().content().answer());
        assertEquals(DecisionStatus.OPEN, tx.run(c -> decisions.asOf(c, incident, before)).get(0).content().status());
        assertEquals(DecisionStatus.AFGEROND, tx.run(c -> decisions.asOf(c, incident, null)).get(0).content().status());
    }
}

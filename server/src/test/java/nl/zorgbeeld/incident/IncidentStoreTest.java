package nl.zorgbeeld.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The incident store against the real PostGIS: versions, the state at a moment, filters and the regie history. */
class IncidentStoreTest {
    private static final Actor HIN = new Actor("Hanna Informatie", "GHOR Utrecht");
    private final IncidentStore store = new IncidentStore();
    private final Transactions tx = new Transactions(TestDatabase.dataSource());

    private static IncidentState state(String title, GripLevel grip, Regie regie) {
        OffsetDateTime start = OffsetDateTime.parse("2026-03-01T14:05:00+01:00");
        return new IncidentState(title, IncidentType.BRAND, start, start, "Markt 1", "VR09", grip, CarePhase.REGULIER,
                IncidentStatus.ACTIEF, false, regie);
    }

    private long create(Connection c, IncidentState state) throws SQLException {
        long id = store.insert(c, HIN);
        store.insertVersion(c, id, 1, state, HIN);
        return id;
    }

    private static OffsetDateTime now(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    @Test
    void aNewVersionBecomesCurrentAndTheOldOneStaysReadableAtItsTime() {
        String title = "Opslag " + UUID.randomUUID();
        Regie first = new Regie("Hanna Informatie", "GHOR Utrecht");
        long id = tx.run(c -> create(c, state(title, GripLevel.GEEN, first)));
        OffsetDateTime between = tx.run(IncidentStoreTest::now);
        tx.run(c -> {
            store.insertVersion(c, id, 2, state(title, GripLevel.GRIP_2, first), HIN);
            return null;
        });

        Incident current = tx.run(c -> store.find(c, id, null)).orElseThrow();
        assertEquals(2, current.version());
        assertEquals(GripLevel.GRIP_2, current.state().grip());
        Incident then = tx.run(c -> store.find(c, id, between)).orElseThrow();
        assertEquals(1, then.version());
        assertEquals(GripLevel.GEEN, then.state().grip());
        assertTrue(tx.run(c -> store.find(c, id, OffsetDateTime.parse("2001-01-01T00:00:00Z"))).isEmpty(), "not yet created then");
    }

    @Test
    void theRegieHistoryHasOneEntryPerChangeOfRegie() {
        Regie hanna = new Regie("Hanna Informatie", "GHOR Utrecht");
        Regie karin = new Regie("Karin Jansen", "GHOR Utrecht");
        long id = tx.run(c -> {
            long created = create(c, state("Regie " + UUID.randomUUID(), GripLevel.GEEN, hanna));
            store.insertVersion(c, created, 2, state("Regie", GripLevel.GRIP_1, hanna), HIN);
            store.insertVersion(c, created, 3, state("Regie", GripLevel.GRIP_1, karin), new Actor("Karin Jansen", "GHOR Utrecht"));
            store.insertVersion(c, created, 4, state("Regie", GripLevel.GRIP_2, karin), HIN);
            return created;
        });
        List<RegieChange> history = tx.run(c -> store.regieHistory(c, id));
        assertEquals(List.of("Hanna Informatie", "Karin Jansen"), history.stream().map(RegieChange::person).toList());
        assertEquals("Karin Jansen", history.get(1).changedBy().author());
    }

    @Test
    void theListFiltersOnTheCurrentVersion() {
        String region = "ST" + UUID.randomUUID().toString().substring(0, 8);
        long id = tx.run(c -> {
            OffsetDateTime start = OffsetDateTime.parse("2026-03-01T14:05:00+01:00");
            long created = store.insert(c, HIN);
            IncidentState active = new IncidentState("Filter", IncidentType.ONGEVAL, start, start, null, region, GripLevel.GEEN,
                    CarePhase.REGULIER, IncidentStatus.ACTIEF, true, new Regie("a", "b"));
            store.insertVersion(c, created, 1, active, HIN);
            store.insertVersion(c, created, 2, new IncidentState("Filter", IncidentType.ONGEVAL, start, start, null, region,
                    GripLevel.GEEN, CarePhase.REGULIER, IncidentStatus.NAFASE, true, new Regie("a", "b")), HIN);
            return created;
        });
        IncidentFilter nafase = new IncidentFilter(List.of(IncidentStatus.NAFASE), List.of(IncidentType.ONGEVAL), true, region, 10);
        IncidentFilter actief = new IncidentFilter(List.of(IncidentStatus.ACTIEF), List.of(), null, region, 10);
        assertEquals(List.of(id), tx.run(c -> store.list(c, nafase)).stream().map(Incident::id).toList());
        assertTrue(tx.run(c -> store.list(c, actief)).isEmpty(), "the earlier, active version does not count");
    }

    @Test
    void aRejectedTransactionLeavesNothingBehind() {
        String title = "Teruggedraaid " + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> tx.run(c -> {
            create(c, state(title, GripLevel.GEEN, new Regie("a", "b")));
            throw new IllegalStateException("refused halfway");
        }));
        assertEquals(0L, Sql.count("SELECT count(*) FROM incident_version WHERE title = ?", title));
    }
}

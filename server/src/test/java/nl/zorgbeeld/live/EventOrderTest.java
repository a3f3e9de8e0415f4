package nl.zorgbeeld.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.NewChangeEvent;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestIncidents;
import org.junit.jupiter.api.Test;

/**
 * Event ids follow commit order (migration V9), so a reader that has everything up to N and reads
 * "after N" never misses an event that commits later with a lower id. The first test fails with ids
 * taken at insert (an identity column): there the later-committed change has the lower id.
 */
class EventOrderTest {
    private static final Actor TESTER = new Actor("Test", "GHOR Test");
    private final ChangeLog changes = new ChangeLog();
    private final EventLog log = new EventLog();

    private void record(Connection c, long incident, String summary) throws SQLException {
        changes.record(c, NewChangeEvent.of(incident, "test.changed", "/api/incidents/" + incident, null, summary, null, TESTER));
    }

    private List<Long> incidentEvents(Connection reader, long incident, long after) throws SQLException {
        return log.replay(reader, Topic.incident(incident), after, Long.MAX_VALUE, 100_000).stream().map(CloudEvents.Row::seq).toList();
    }

    @Test
    void aChangeThatCommitsLaterGetsTheHigherIdEvenWhenItWasWrittenFirst() throws SQLException {
        long incident = TestIncidents.create("Volgorde", "actief");
        try (Connection first = TestDatabase.dataSource().getConnection();
             Connection second = TestDatabase.dataSource().getConnection();
             Connection reader = TestDatabase.dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            record(first, incident, "written first, committed last");
            record(second, incident, "written second, committed first");
            second.commit();

            List<Long> seen = incidentEvents(reader, incident, 0);
            assertEquals(1, seen.size(), "only the committed change is visible");
            long readUpTo = seen.get(0);

            first.commit();
            List<Long> after = incidentEvents(reader, incident, readUpTo);
            assertEquals(1, after.size(), "a reader continuing after what it saw still gets the change committed later");
            assertTrue(after.get(0) > readUpTo);
        }
    }

    @Test
    void aReaderFollowingConcurrentWritersGetsEveryEventOnceInOrder() throws Exception {
        long incident = TestIncidents.create("Gelijktijdig", "actief");
        int writers = 6;
        int transactionsEach = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            running.add(pool.submit(() -> {
                try (Connection c = TestDatabase.dataSource().getConnection()) {
                    c.setAutoCommit(false);
                    for (int t = 0; t < transactionsEach; t++) {
                        // One to three changes a transaction, with more work after them before the commit.
                        for (int e = 0; e <= (writer + t) % 3; e++) record(c, incident, writer + "/" + t + "/" + e);
                        try (var s = c.createStatement()) {
                            s.execute("SELECT count(*) FROM change_event WHERE incident_id = " + incident);
                        }
                        if ((writer + t) % 7 == 0) c.rollback(); else c.commit();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        List<Long> read = new ArrayList<>();
        try (Connection reader = TestDatabase.dataSource().getConnection()) {
            // Follows the log as the listener does, until the writers are done and it has read all there is.
            while (true) {
                boolean done = running.stream().allMatch(Future::isDone);
                List<Long> batch = incidentEvents(reader, incident, read.isEmpty() ? 0 : read.get(read.size() - 1));
                read.addAll(batch);
                if (done && batch.isEmpty()) break;
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
            assertTrue(failures.isEmpty(), () -> "writers failed: " + failures);
            List<Long> all = incidentEvents(reader, incident, 0);
            assertEquals(all, read, "the follower read every committed event exactly once, in order");
            assertTrue(all.size() > writers * transactionsEach, "the burst had more events than transactions: " + all.size());
            for (int i = 1; i < read.size(); i++) assertTrue(read.get(i) > read.get(i - 1));
        }
    }
}

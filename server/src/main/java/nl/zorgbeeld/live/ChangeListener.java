package nl.zorgbeeld.live;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the change log for this instance and hands every committed change to the hub, in position
 * order, exactly once. The database's NOTIFY (migration V9) only wakes it up; what it passes on it reads
 * from the log after the last position it passed on. So after the LISTEN connection is lost (a database
 * restart, a failover) it listens again and first reads what was committed meanwhile: no stream misses
 * an event because this instance was briefly deaf.
 */
final class ChangeListener implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
    private static final int WAIT_MS = 1000;
    /** Also read the log this often without a notification: proves the connection alive. */
    private static final long PROBE_NANOS = 10_000_000_000L;
    private static final int BATCH = 500;
    private static final long FIRST_RETRY_MS = 200;
    private static final long LAST_RETRY_MS = 5000;
    static final String APPLICATION_NAME = "zorgbeeld-live";

    enum State { LISTENING, RECONNECTING, STOPPED }

    record Status(State state, Instant since, String problem, long position) {}

    private final DataSource dataSource;
    private final EventLog log;
    private final LiveHub hub;
    private volatile boolean running = true;
    private volatile long position = -1;
    private volatile Status status = new Status(State.RECONNECTING, Instant.now(), "not started", -1);
    private volatile Thread thread;
    private volatile Connection current;

    ChangeListener(DataSource dataSource, EventLog log, LiveHub hub) {
        this.dataSource = dataSource;
        this.log = log;
        this.hub = hub;
    }

    /**
     * Fixes where publishing starts, before any stream can open: a stream's replay reaches up to the
     * head it reads itself, which is never below this, so the listener continues where every replay ends.
     */
    void startAt(long head) {
        position = head;
    }

    long position() {
        return position;
    }

    Status status() {
        return status;
    }

    void start() {
        Thread t = new Thread(this, "live-changes");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops at once: the listening connection is aborted rather than waited for. */
    void stop() {
        running = false;
        Connection c = current;
        if (c != null) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                LOG.debug("live updates: aborting the listening connection: {}", e.getMessage());
            }
        }
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    @Override
    public void run() {
        long retry = FIRST_RETRY_MS;
        while (running) {
            Connection c = null;
            try {
                c = dataSource.getConnection();
                current = c;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    // Named, so that operators see it in pg_stat_activity.
                    s.execute("SET application_name = '" + APPLICATION_NAME + "'");
                    s.execute("LISTEN zorgbeeld_change");
                }
                // Listening first, then reading: whatever commits from here on is either read now or notified.
                catchUp(c);
                if (status.state() != State.LISTENING) LOG.info("live updates: listening for changes after position {}", position);
                status = new Status(State.LISTENING, Instant.now(), null, position);
                retry = FIRST_RETRY_MS;
                follow(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) break;
                if (status.state() == State.LISTENING) LOG.warn("live updates: lost the database ({}), listening again", e.getMessage());
                status = new Status(State.RECONNECTING, status.state() == State.RECONNECTING ? status.since() : Instant.now(),
                        e.getMessage(), position);
                pause(retry);
                retry = Math.min(retry * 2, LAST_RETRY_MS);
            } finally {
                current = null;
                discard(c);
            }
        }
        status = new Status(State.STOPPED, Instant.now(), null, position);
    }

    /**
     * A listening connection never goes back to the pool: it carries LISTEN and its name, and may be
     * half-dead after a failure. The pool opens a fresh one in its place.
     */
    private void discard(Connection c) {
        if (c == null) return;
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(c);
            } else {
                c.close();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("live updates: closing the listening connection: {}", e.getMessage());
        }
    }

    private void follow(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastRead = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MS);
            if ((notifications != null && notifications.length > 0) || System.nanoTime() - lastRead > PROBE_NANOS) {
                catchUp(c);
                lastRead = System.nanoTime();
            }
        }
    }

    /** Publishes everything committed after the current position, in order. */
    private void catchUp(Connection c) throws SQLException {
        while (true) {
            List<CloudEvents.Row> rows = log.after(c, position, BATCH);
            for (CloudEvents.Row row : rows) {
                try {
                    hub.publish(CloudEvents.event(row));
                } catch (RuntimeException e) {
                    LOG.error("live updates: change {} could not be passed on", row.seq(), e);
                }
                position = row.seq();
            }
            if (rows.size() < BATCH) return;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

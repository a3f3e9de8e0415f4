package nl.zorgbeeld.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.zorgbeeld.common.Json;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the database for committed changes (NOTIFY zorgbeeld_change, see migration V6) and hands
 * them to the hub. Through the database, every app instance hears every instance's changes. Keeps one
 * connection of the pool while running, and reconnects after a failure; changes committed while it
 * was not listening are lost, so after listening again it has the hub tell every screen to reload.
 */
final class ChangeListener implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
    private static final int WAIT_MS = 1000;

    private final DataSource dataSource;
    private final LiveHub hub;
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile boolean running = true;

    ChangeListener(DataSource dataSource, LiveHub hub) {
        this.dataSource = dataSource;
        this.hub = hub;
    }

    void stop() {
        running = false;
    }

    /** Waits until the first LISTEN has been executed; false when that did not happen in time. */
    boolean awaitListening(long timeout, TimeUnit unit) throws InterruptedException {
        return listening.await(timeout, unit);
    }

    @Override
    public void run() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN zorgbeeld_change");
                }
                // Screens already watching may have missed changes (none watch yet at a normal start).
                hub.resync();
                listening.countDown();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MS);
                    if (notifications == null) continue;
                    for (PGNotification n : notifications) dispatch(n.getParameter());
                }
                // The connection goes back to the pool: it must not go on collecting notifications there.
                try (Statement s = c.createStatement()) {
                    s.execute("UNLISTEN *");
                }
            } catch (SQLException e) {
                if (!running) return;
                LOG.warn("live updates paused, listening again in 2 s: {}", e.getMessage());
                pause();
            }
        }
    }

    private void dispatch(String payload) {
        try {
            JsonNode change = Json.MAPPER.readTree(payload);
            hub.publish(change.get("incidentId").asLong(), change.get("id").asText(), payload);
        } catch (Exception e) {
            LOG.warn("a change notification could not be passed on: {}", e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

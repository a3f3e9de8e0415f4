package nl.zorgbeeld.snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.IncidentFilter;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.incident.IncidentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every ZORGBEELD_SNAPSHOT_MINUTES, a snapshot of each active incident into ZORGBEELD_SNAPSHOT_DIR,
 * so that the last picture is on disk when the service or the network is down. One incident that
 * fails is logged and does not stop the others.
 */
final class SnapshotScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotScheduler.class);
    private static final int MAX_INCIDENTS = 500;

    private final SnapshotService snapshots;
    private final IncidentService incidents;
    private final SnapshotSettings settings;
    private ScheduledExecutorService executor;

    SnapshotScheduler(SnapshotService snapshots, IncidentService incidents, SnapshotSettings settings) {
        this.snapshots = snapshots;
        this.incidents = incidents;
        this.settings = settings;
    }

    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "snapshots");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runOnce, settings.minutes(), settings.minutes(), TimeUnit.MINUTES);
        LOG.info("scheduled snapshots every {} min into {} (keeping {} per incident)", settings.minutes(),
                settings.folder().toAbsolutePath(), settings.keep());
    }

    /** One round: every active incident. */
    void runOnce() {
        List<Long> active;
        try {
            active = active();
        } catch (RuntimeException e) {
            LOG.error("scheduled snapshots: the active incidents could not be listed", e);
            return;
        }
        round(active);
    }

    /** The incidents a round writes: the active ones. */
    List<Long> active() {
        return incidents.list(new IncidentFilter(List.of(IncidentStatus.ACTIEF), List.of(), null, null, MAX_INCIDENTS)).stream()
                .map(Incident::id).toList();
    }

    /** A snapshot of each of these incidents into the folder; returns the files written. */
    List<Path> round(List<Long> incidentIds) {
        List<Path> written = new ArrayList<>();
        for (long id : incidentIds) {
            try {
                written.add(SnapshotFolder.store(snapshots, snapshots.collect(id, null), settings.folder(), settings.keep()));
            } catch (Exception e) {
                LOG.error("scheduled snapshot of incident {} failed", id, e);
            }
        }
        return written;
    }

    @Override
    public void close() {
        if (executor != null) executor.shutdownNow();
    }
}

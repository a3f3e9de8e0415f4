package nl.zorgbeeld.snapshot;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.analysis.AnalysisModule;
import nl.zorgbeeld.analysis.AnalysisService;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.element.ElementService;
import nl.zorgbeeld.element.ElementStore;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.picture.PictureModule;
import nl.zorgbeeld.picture.PictureService;

/**
 * Wires snapshots (issue 16): the ZIP of an incident, scheduled snapshots to disk (started and
 * stopped with the server, when ZORGBEELD_SNAPSHOT_MINUTES is set), and restoring a snapshot, over
 * HTTP and for the command line.
 */
public final class SnapshotModule {
    private final SnapshotSettings settings;
    private final SnapshotService snapshots;
    private final RestoreService restore;
    private final SnapshotHandler handler;
    private final SnapshotScheduler scheduler;

    public SnapshotModule(DataSource dataSource, SnapshotSettings settings, IncidentService incidents, PictureService pictures,
                          ElementService elements, AnalysisService analysis, Clock clock) {
        this.settings = settings;
        snapshots = new SnapshotService(incidents, pictures, elements, analysis, new SnapshotStore(dataSource), clock);
        restore = new RestoreService(new Transactions(dataSource), new RestoreStore(), new ChangeLog(), incidents, analysis::catchUp, settings);
        handler = new SnapshotHandler(snapshots, restore, settings);
        scheduler = new SnapshotScheduler(snapshots, incidents, settings);
    }

    /** The module with the services it reads from, for the command line (no HTTP). */
    public static SnapshotModule standalone(DataSource dataSource, Config config) {
        PictureModule pictures = PictureModule.create(dataSource, config);
        AnalysisModule analysis = AnalysisModule.create(dataSource);
        ElementService elements = new ElementService(new ElementStore(dataSource), analysis.elementListener());
        return new SnapshotModule(dataSource, config.snapshots(), pictures.incidents(), pictures.pictures(), elements, analysis.analysis(),
                Clock.systemUTC());
    }

    /** Routes, the upload limit for multipart restores, and the schedule with the server's life. */
    public void configure(JavalinConfig cfg) {
        cfg.jetty.multipartConfig.maxFileSize(settings.maxBytes(), SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxTotalRequestSize(settings.maxBytes() + 1024 * 1024, SizeUnit.BYTES);
        handler.register(cfg.routes);
        if (settings.scheduled()) {
            cfg.events.serverStarted(scheduler::start);
            cfg.events.serverStopping(scheduler::close);
        }
    }

    /** {@code ./zorgbeeld snapshot}: the snapshot of an incident at {@code at} (null: now) to {@code out}, or a name of its own. */
    public Path writeSnapshot(long incidentId, OffsetDateTime at, Path out) throws IOException {
        Snapshot snapshot = snapshots.collect(incidentId, at);
        Path target = out != null ? out : Path.of(SnapshotService.fileName(snapshot));
        SnapshotFolder.write(snapshots, snapshot, target);
        return target;
    }

    public RestoreService restore() {
        return restore;
    }

    /** The schedule, for tests that run its rounds themselves. */
    SnapshotScheduler scheduler() {
        return scheduler;
    }
}

package nl.zorgbeeld.snapshot;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import javax.sql.DataSource;
import nl.zorgbeeld.analysis.AnalysisService;
import nl.zorgbeeld.element.ElementService;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.picture.PictureService;

/** Wires snapshots (issue 16): the ZIP of an incident, scheduled snapshots to disk, and restoring a snapshot. */
public final class SnapshotModule {
    private final SnapshotService snapshots;
    private final SnapshotHandler handler;

    public SnapshotModule(DataSource dataSource, IncidentService incidents, PictureService pictures, ElementService elements,
                          AnalysisService analysis, Clock clock) {
        snapshots = new SnapshotService(incidents, pictures, elements, analysis, new SnapshotStore(dataSource), clock);
        handler = new SnapshotHandler(snapshots);
    }

    public SnapshotService snapshots() {
        return snapshots;
    }

    public void register(RoutesConfig routes) {
        handler.register(routes);
    }
}

package nl.zorgbeeld.snapshot;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for snapshots: the ZIP of an incident ({@code GET /api/incidents/{id}/snapshot[?at=]}). */
final class SnapshotHandler {
    static final String ZIP = "application/zip";

    private final SnapshotService snapshots;

    SnapshotHandler(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/incidents/{id}/snapshot", this::snapshot);
    }

    /** Everything is read before the first byte is sent, so a 404 or 400 is still a proper JSON error. */
    private void snapshot(Context ctx) throws IOException {
        QueryParams params = new QueryParams(ctx, Set.of("at"));
        Snapshot snapshot = snapshots.collect(PathParams.id(ctx, "id", "incident"), params.instant("at"));
        ctx.contentType(ZIP).header("Content-Disposition", "attachment; filename=\"" + SnapshotService.fileName(snapshot) + "\"");
        snapshots.write(snapshot, ctx.outputStream());
    }
}

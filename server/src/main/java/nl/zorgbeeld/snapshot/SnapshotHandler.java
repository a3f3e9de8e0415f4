package nl.zorgbeeld.snapshot;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.auth.Principal;
import nl.zorgbeeld.auth.Principals;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.IncidentService;

/**
 * HTTP for snapshots: the ZIP of an incident ({@code GET /api/incidents/{id}/snapshot[?at=]}) and
 * restoring one ({@code POST /api/snapshots/restore[?as=archive|handover][&region=VRnn]}, the ZIP as
 * the body with Content-Type application/zip, or as the form field {@code snapshot} of a multipart
 * upload). Who may do either is decided in auth/AccessRules before these run; the restored incident's
 * safety region (which decides who sees it) is the one asked for, else for the beheerder the one the
 * snapshot names, and for a Hoofd Informatie (who may only hand over into its own region) its own.
 */
final class SnapshotHandler {
    static final String ZIP = "application/zip";
    static final String FORM_FIELD = "snapshot";
    private static final Set<String> ZIP_TYPES = Set.of(ZIP, "application/x-zip-compressed", "application/octet-stream");

    private final SnapshotService snapshots;
    private final RestoreService restore;
    private final SnapshotSettings settings;

    SnapshotHandler(SnapshotService snapshots, RestoreService restore, SnapshotSettings settings) {
        this.snapshots = snapshots;
        this.restore = restore;
        this.settings = settings;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/incidents/{id}/snapshot", this::snapshot);
        routes.post("/api/snapshots/restore", this::restore);
    }

    /** Everything is read before the first byte is sent, so a 404 or 400 is still a proper JSON error. */
    private void snapshot(Context ctx) throws IOException {
        QueryParams params = new QueryParams(ctx, Set.of("at"));
        Snapshot snapshot = snapshots.collect(PathParams.id(ctx, "id", "incident"), params.instant("at"));
        ctx.contentType(ZIP).header("Content-Disposition", "attachment; filename=\"" + SnapshotService.fileName(snapshot) + "\"");
        snapshots.write(snapshot, ctx.outputStream());
    }

    private void restore(Context ctx) throws IOException {
        QueryParams params = new QueryParams(ctx, Set.of("as", "region"));
        String mode = RestoreService.mode(params.string("as"), "as");
        Principal principal = Principals.require(ctx);
        String region = RestoreService.region(params.string("region"), "region");
        if (region == null && !principal.has(Role.BEHEERDER)) region = principal.regionCode();
        Actor actor = principal.actor();
        Path upload = Files.createTempFile("zorgbeeld-restore-", ".zip");
        try {
            try (InputStream in = body(ctx)) {
                SnapshotArchive.receive(in, upload, settings.maxBytes());
            }
            Incident incident = restore.restore(upload, mode, region, actor);
            ctx.status(201).header("Location", IncidentService.path(incident.id())).json(incident);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    private InputStream body(Context ctx) throws IOException {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim().toLowerCase();
        if (type.equals("multipart/form-data")) {
            UploadedFile file;
            try {
                file = ctx.uploadedFile(FORM_FIELD);
            } catch (Exception e) {
                // Jetty's ServletException (thrown unchecked through Kotlin): a part over the size limit, or a broken form.
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (String.valueOf(t.getMessage()).contains("size exceeded")) throw SnapshotArchive.tooLarge(settings.maxBytes());
                }
                throw ApiException.badBody(FORM_FIELD, "the multipart upload could not be read: " + e.getMessage());
            }
            if (file == null) throw ApiException.badBody(FORM_FIELD, "send the snapshot ZIP as the form field '" + FORM_FIELD + "'");
            return file.content();
        }
        if (ZIP_TYPES.contains(type)) return ctx.bodyInputStream();
        throw new ApiException(415, "UnsupportedMediaType", "Unsupported media type", "send the snapshot as application/zip or as"
                + " multipart/form-data with the field '" + FORM_FIELD + "', not '" + type + "'", "Content-Type", Map.of());
    }
}

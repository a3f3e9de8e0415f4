package nl.zorgbeeld.picture;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.http.Actors;
import nl.zorgbeeld.http.Etags;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for the management summary of a picture: read (now or at a moment), its versions, write. */
public final class SummaryHandler {
    /** A few paragraphs: what a decision maker reads first. */
    static final int TEXT = 2000;

    private final SummaryService service;

    public SummaryHandler(SummaryService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/incidents/{id}/pictures/{pictureId}/summary", this::get);
        routes.get("/api/incidents/{id}/pictures/{pictureId}/summary/versions", this::versions);
        routes.put("/api/incidents/{id}/pictures/{pictureId}/summary", this::write);
    }

    private void get(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("at"));
        Summary summary = service.get(PictureHandler.incidentId(ctx), pictureId(ctx), params.instant("at"));
        if (summary.version() > 0) Etags.set(ctx, summary.version());
        ctx.json(summary);
    }

    private void versions(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.json(Map.of("versions", service.versions(PictureHandler.incidentId(ctx), pictureId(ctx))));
    }

    private void write(Context ctx) {
        long incidentId = PictureHandler.incidentId(ctx);
        long pictureId = pictureId(ctx);
        var actor = Actors.require(ctx);
        Etags.IfMatch ifMatch = ctx.header("If-Match") == null ? null : Etags.require(ctx);
        String text = JsonBody.of(ctx, Set.of("text")).requiredText("text", TEXT);
        Summary summary = service.write(incidentId, pictureId, ifMatch, text, actor);
        Etags.set(ctx, summary.version());
        ctx.json(summary);
    }

    private static long pictureId(Context ctx) {
        return PathParams.id(ctx, "pictureId", "picture");
    }
}

package nl.zorgbeeld.picture;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.Certainty;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.http.Actors;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for the pictures of an incident: the whole picture (now or at a moment), its freshness, own pictures, vocabularies. */
public final class PictureHandler {
    private final PictureService service;

    public PictureHandler(PictureService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/vocabularies/picture", this::vocabularies);
        routes.get("/api/incidents/{id}/picture", this::picture);
        routes.get("/api/incidents/{id}/freshness", this::freshness);
        routes.get("/api/incidents/{id}/pictures", this::list);
        routes.post("/api/incidents/{id}/pictures", this::addOwn);
        routes.get("/api/incidents/{id}/pictures/{pictureId}", this::get);
    }

    private void vocabularies(Context ctx) {
        new QueryParams(ctx, Set.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certainties", Coded.describe(Certainty.class));
        body.put("pictureKinds", Coded.describe(PictureKind.class));
        body.put("triageClasses", Coded.describe(TriageClass.class));
        body.put("questionStatuses", Coded.describe(QuestionStatus.class));
        body.put("decisionKinds", Coded.describe(DecisionKind.class));
        body.put("decisionStatuses", Coded.describe(DecisionStatus.class));
        body.put("limits", Map.of("text", Limits.TEXT, "source", Limits.SOURCE));
        ctx.json(body);
    }

    private void picture(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("at"));
        ctx.json(service.view(incidentId(ctx), params.instant("at")));
    }

    private void freshness(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("at"));
        ctx.json(service.freshness(incidentId(ctx), params.instant("at")));
    }

    private void list(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.json(Map.of("pictures", service.pictures(incidentId(ctx))));
    }

    private void get(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.json(service.picture(incidentId(ctx), PathParams.id(ctx, "pictureId", "picture")));
    }

    private void addOwn(Context ctx) {
        long incidentId = incidentId(ctx);
        var actor = Actors.require(ctx);
        JsonBody body = JsonBody.of(ctx, Set.of("institutionId", "organisation", "templateId"));
        Picture picture = service.addOwnPicture(incidentId, body.text("institutionId", Limits.NAME), body.text("organisation", Limits.NAME),
                body.longValue("templateId"), actor);
        ctx.status(201).header("Location", PictureService.path(incidentId, picture.id())).json(picture);
    }

    static long incidentId(Context ctx) {
        return PathParams.id(ctx, "id", "incident");
    }
}

package nl.zorgbeeld.picture;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Certainty;
import nl.zorgbeeld.http.Actors;
import nl.zorgbeeld.http.Etags;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for bullets: write, read, list versions, edit and retract. */
public final class BulletHandler {
    private static final Set<String> NEW_FIELDS = Set.of("pictureId", "themeId", "text", "source", "certainty");
    private static final Set<String> EDIT_FIELDS = Set.of("themeId", "text", "source", "certainty");

    private final BulletService service;

    public BulletHandler(BulletService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/incidents/{id}/bullets", this::add);
        routes.get("/api/incidents/{id}/bullets/{bulletId}", this::get);
        routes.get("/api/incidents/{id}/bullets/{bulletId}/versions", this::versions);
        routes.patch("/api/incidents/{id}/bullets/{bulletId}", this::edit);
        routes.post("/api/incidents/{id}/bullets/{bulletId}/retract", this::retract);
    }

    private void add(Context ctx) {
        long incidentId = PictureHandler.incidentId(ctx);
        Actor actor = Actors.require(ctx);
        JsonBody body = JsonBody.of(ctx, NEW_FIELDS);
        long pictureId = body.requiredLong("pictureId");
        BulletContent content = new BulletContent(body.requiredLong("themeId"), body.requiredText("text", Limits.TEXT),
                body.requiredText("source", Limits.SOURCE),
                Optional.ofNullable(body.code("certainty", Certainty.class)).orElse(Certainty.GEVALIDEERD));
        Bullet bullet = service.add(incidentId, pictureId, content, actor);
        Etags.set(ctx, bullet.version());
        ctx.status(201).header("Location", BulletService.path(incidentId, bullet.id())).json(bullet);
    }

    private void get(Context ctx) {
        new QueryParams(ctx, Set.of());
        Bullet bullet = service.get(PictureHandler.incidentId(ctx), bulletId(ctx));
        Etags.set(ctx, bullet.version());
        ctx.json(bullet);
    }

    private void versions(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.json(Map.of("versions", service.versions(PictureHandler.incidentId(ctx), bulletId(ctx))));
    }

    private void edit(Context ctx) {
        long incidentId = PictureHandler.incidentId(ctx);
        long bulletId = bulletId(ctx);
        Actor actor = Actors.require(ctx);
        Etags.IfMatch ifMatch = Etags.require(ctx);
        JsonBody body = JsonBody.of(ctx, EDIT_FIELDS);
        BulletEdit edit = new BulletEdit(
                body.has("themeId") ? body.requiredLong("themeId") : null,
                body.has("text") ? body.requiredText("text", Limits.TEXT) : null,
                body.has("source") ? body.requiredText("source", Limits.SOURCE) : null,
                body.has("certainty") ? body.required("certainty", body.code("certainty", Certainty.class)) : null);
        Bullet bullet = service.edit(incidentId, bulletId, ifMatch, edit, actor);
        Etags.set(ctx, bullet.version());
        ctx.json(bullet);
    }

    private void retract(Context ctx) {
        long incidentId = PictureHandler.incidentId(ctx);
        long bulletId = bulletId(ctx);
        Actor actor = Actors.require(ctx);
        Etags.IfMatch ifMatch = Etags.require(ctx);
        String reason = ctx.body().isBlank() ? null : JsonBody.of(ctx, Set.of("reason")).text("reason", Limits.REASON);
        Bullet bullet = service.retract(incidentId, bulletId, ifMatch, reason, actor);
        Etags.set(ctx, bullet.version());
        ctx.json(bullet);
    }

    private static long bulletId(Context ctx) {
        return PathParams.id(ctx, "bulletId", "bullet");
    }
}

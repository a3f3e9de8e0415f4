package nl.zorgbeeld.regie;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.http.Actors;
import nl.zorgbeeld.http.Etags;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for regie checks: mark an item, list the marks (with the checklist), read one, resolve one. */
public final class CheckHandler {
    static final int NOTE = 1000;
    private static final Set<String> NEW_FIELDS = Set.of("target", "kind", "note", "conflictsWith");
    private static final Set<String> TARGET_FIELDS = Set.of("type", "id");

    private final CheckService service;

    public CheckHandler(CheckService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/incidents/{id}/checks", this::add);
        routes.get("/api/incidents/{id}/checks", this::list);
        routes.get("/api/incidents/{id}/checks/{checkId}", this::get);
        routes.post("/api/incidents/{id}/checks/{checkId}/resolve", this::resolve);
        routes.get("/api/vocabularies/checks", this::vocabularies);
    }

    private void add(Context ctx) {
        long incidentId = incidentId(ctx);
        var actor = Actors.require(ctx);
        JsonBody body = JsonBody.of(ctx, NEW_FIELDS);
        Target target = target(body, "target");
        if (target == null) throw body.missing("target");
        CheckKind kind = body.required("kind", body.code("kind", CheckKind.class));
        String note = body.requiredText("note", NOTE);
        Target conflictsWith = target(body, "conflictsWith");
        if (kind == CheckKind.TEGENSTRIJDIG && conflictsWith == null) {
            throw ApiException.badBody("conflictsWith", "A check of kind tegenstrijdig names the item it contradicts in conflictsWith");
        }
        if (kind != CheckKind.TEGENSTRIJDIG && conflictsWith != null) {
            throw ApiException.badBody("conflictsWith", "conflictsWith belongs to a check of kind tegenstrijdig only");
        }
        RegieCheck check = service.add(incidentId, target, kind, note, conflictsWith, actor);
        Etags.set(ctx, check.version());
        ctx.status(201).header("Location", CheckService.path(incidentId, check.id())).json(check);
    }

    private void list(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("open", "at"));
        Boolean open = params.bool("open");
        ctx.json(service.list(incidentId(ctx), params.instant("at"), Boolean.TRUE.equals(open)));
    }

    private void get(Context ctx) {
        new QueryParams(ctx, Set.of());
        RegieCheck check = service.get(incidentId(ctx), checkId(ctx));
        Etags.set(ctx, check.version());
        ctx.json(check);
    }

    private void resolve(Context ctx) {
        long incidentId = incidentId(ctx);
        long checkId = checkId(ctx);
        var actor = Actors.require(ctx);
        Etags.IfMatch ifMatch = Etags.require(ctx);
        JsonBody body = JsonBody.of(ctx, Set.of("resolution", "note"));
        Resolution resolution = body.required("resolution", body.code("resolution", Resolution.class));
        String note = body.text("note", NOTE);
        if (resolution == Resolution.BEANTWOORD && note == null) {
            throw ApiException.badBody("note", "An answer (resolution beantwoord) needs the answer in note");
        }
        RegieCheck check = service.resolve(incidentId, checkId, ifMatch, resolution, note, actor);
        Etags.set(ctx, check.version());
        ctx.json(check);
    }

    private void vocabularies(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.json(Map.of("kinds", Coded.describe(CheckKind.class), "resolutions", Coded.describe(Resolution.class),
                "targetTypes", Coded.describe(TargetType.class)));
    }

    /** A target object {type, id}: a bullet's id is a number, other ids are text. */
    private static Target target(JsonBody body, String name) {
        JsonBody t = body.object(name, TARGET_FIELDS);
        if (t == null) return null;
        TargetType type = t.required("type", t.code("type", TargetType.class));
        String id = type == TargetType.BULLET ? String.valueOf(t.requiredLong("id")) : t.requiredText("id", 100);
        return new Target(type, id);
    }

    static long incidentId(Context ctx) {
        return PathParams.id(ctx, "id", "incident");
    }

    private static long checkId(Context ctx) {
        return PathParams.id(ctx, "checkId", "check");
    }
}

package nl.zorgbeeld.warning;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import nl.zorgbeeld.auth.Principals;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.http.Etags;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for warning distances (an institution's own) and the warnings of an incident (docs/api/alerts.md). */
public final class WarningHandler {
    private static final Set<String> FIELDS = Set.of("distance", "hazardKinds");
    static final double MAX_DISTANCE = 50_000;

    private final WarningService warnings;

    public WarningHandler(WarningService warnings) {
        this.warnings = warnings;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/institutions/{institutionId}/warning-setting", this::get);
        routes.put("/api/institutions/{institutionId}/warning-setting", this::put);
        routes.delete("/api/institutions/{institutionId}/warning-setting", this::delete);
        routes.get("/api/incidents/{id}/warnings", this::ofIncident);
    }

    private void get(Context ctx) {
        new QueryParams(ctx, Set.of());
        WarningSetting setting = warnings.setting(ctx.pathParam("institutionId"));
        if (setting.version() > 0) Etags.set(ctx, setting.version());
        ctx.json(setting);
    }

    private void put(Context ctx) {
        JsonBody body = JsonBody.of(ctx, FIELDS);
        Double distance = body.required("distance", number(body));
        List<String> kinds = body.required("hazardKinds", body.texts("hazardKinds", 40));
        if (kinds.isEmpty()) throw ApiException.badBody("hazardKinds", "Name at least one kind of hazard: " + WarningSetting.KINDS);
        for (int i = 0; i < kinds.size(); i++) {
            if (!WarningSetting.KINDS.contains(kinds.get(i))) {
                throw ApiException.badBody("hazardKinds[" + i + "]", "Unknown kind of hazard '" + kinds.get(i) + "'; known: "
                        + String.join(", ", WarningSetting.KINDS));
            }
        }
        Etags.IfMatch ifMatch = ctx.header("If-Match") == null ? null : Etags.require(ctx);
        WarningSetting saved = warnings.save(ctx.pathParam("institutionId"), ifMatch, distance, kinds, Principals.require(ctx));
        Etags.set(ctx, saved.version());
        ctx.json(saved);
    }

    private static Double number(JsonBody body) {
        Integer metres = body.integer("distance", 1, (int) MAX_DISTANCE);
        return metres == null ? null : metres.doubleValue();
    }

    private void delete(Context ctx) {
        warnings.delete(ctx.pathParam("institutionId"), Etags.require(ctx));
        ctx.status(204);
    }

    private void ofIncident(Context ctx) {
        new QueryParams(ctx, Set.of());
        long incident = PathParams.id(ctx, "id", "incident");
        ctx.json(new Warnings(incident, warnings.ofIncident(incident)));
    }

    public record Warnings(long incidentId, List<ProximityWarning> warnings) {}
}

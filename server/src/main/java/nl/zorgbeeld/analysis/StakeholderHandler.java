package nl.zorgbeeld.analysis;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.http.Actors;
import nl.zorgbeeld.http.Etags;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/**
 * HTTP for the stakeholder status of institutions in an incident:
 * {@code /api/incidents/{id}/stakeholders[/{institutionId}]}. The ETag is the status version.
 */
public final class StakeholderHandler {
    public static final int MAX_NOTE = 1000;
    private static final Set<String> BODY = Set.of("status", "note");

    private final StakeholderService service;

    public StakeholderHandler(StakeholderService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/incidents/{id}/stakeholders", this::list);
        routes.get("/api/incidents/{id}/stakeholders/{institutionId}", this::get);
        routes.put("/api/incidents/{id}/stakeholders/{institutionId}", this::set);
        routes.get("/api/vocabularies/stakeholder-statuses", ctx -> ctx.json(Coded.describe(StakeholderStatus.class)));
    }

    /** The API path of an institution's status in an incident. */
    public static String path(long incidentId, String institutionId) {
        return "/api/incidents/" + incidentId + "/stakeholders/" + institutionId;
    }

    private void list(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.json(service.all(incidentId(ctx)).stream().map(StakeholderView::of).toList());
    }

    /** The current status with its history. */
    public record StatusWithHistory(StakeholderView current, List<StakeholderView> history) {}

    private void get(Context ctx) {
        new QueryParams(ctx, Set.of());
        StakeholderService.WithHistory status = service.get(incidentId(ctx), ctx.pathParam("institutionId"));
        if (status.current().version() > 0) Etags.set(ctx, status.current().version());
        ctx.json(new StatusWithHistory(StakeholderView.of(status.current()), status.history().stream().map(StakeholderView::of).toList()));
    }

    private void set(Context ctx) {
        new QueryParams(ctx, Set.of());
        Actor actor = Actors.require(ctx);
        long incident = incidentId(ctx);
        Etags.IfMatch ifMatch = ctx.header("If-Match") == null ? null : Etags.require(ctx);
        JsonBody body = JsonBody.of(ctx, BODY);
        StakeholderService.Change change = new StakeholderService.Change(
                body.required("status", body.code("status", StakeholderStatus.class)), body.text("note", MAX_NOTE));
        Stakeholder result = service.set(incident, ctx.pathParam("institutionId"), ifMatch, change, actor);
        Etags.set(ctx, result.version());
        ctx.json(StakeholderView.of(result));
    }

    private static long incidentId(Context ctx) {
        return PathParams.id(ctx, "id", "incident");
    }
}

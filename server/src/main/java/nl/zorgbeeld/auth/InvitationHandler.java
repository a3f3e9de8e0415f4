package nl.zorgbeeld.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for the invitations of an incident: {@code /api/incidents/{id}/invitations}. */
public final class InvitationHandler {
    private final InvitationService service;

    public InvitationHandler(InvitationService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/incidents/{id}/invitations", this::list);
        routes.post("/api/incidents/{id}/invitations", this::invite);
        routes.delete("/api/incidents/{id}/invitations/{organisationId}", this::remove);
    }

    private void list(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.json(Map.of("invitations", service.list(PathParams.id(ctx, "id", "incident"))));
    }

    private void invite(Context ctx) {
        long incident = PathParams.id(ctx, "id", "incident");
        JsonBody body = JsonBody.of(ctx, Set.of("organisationId"));
        var result = service.invite(Principals.require(ctx), incident, body.requiredLong("organisationId"));
        ctx.status(result.getValue() ? 201 : 200)
                .header("Location", InvitationService.path(incident, result.getKey().organisationId())).json(result.getKey());
    }

    private void remove(Context ctx) {
        new QueryParams(ctx, Set.of());
        service.remove(Principals.require(ctx), PathParams.id(ctx, "id", "incident"), PathParams.id(ctx, "organisationId", "organisation"));
        ctx.status(204);
    }
}

package nl.zorgbeeld.incident;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgbeeld.auth.Access;
import nl.zorgbeeld.auth.Principals;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.http.Actors;
import nl.zorgbeeld.http.Etags;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for incidents: create, list and filter, read, change, the timeline and the vocabularies. */
public final class IncidentHandler {
    static final int TITLE_LENGTH = 200;
    static final int LOCATION_LENGTH = 300;
    static final int NAME_LENGTH = 200;
    private static final int MAX_LIST = 500;
    private static final Set<String> FIELDS = Set.of("title", "type", "startedAt", "scaledUpAt", "locationText", "regionCode",
            "grip", "carePhase", "status", "exercise", "regie");
    private static final Set<String> REGIE_FIELDS = Set.of("person", "organisation");

    private final IncidentService service;
    private final Clock clock;

    public IncidentHandler(IncidentService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/vocabularies/incidents", this::vocabularies);
        routes.post("/api/incidents", this::create);
        routes.get("/api/incidents", this::list);
        routes.get("/api/incidents/{id}", this::get);
        routes.patch("/api/incidents/{id}", this::update);
        routes.get("/api/incidents/{id}/timeline", this::timeline);
    }

    private void vocabularies(Context ctx) {
        new QueryParams(ctx, Set.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("types", Coded.describe(IncidentType.class));
        body.put("grip", Coded.describe(GripLevel.class));
        body.put("carePhases", Coded.describe(CarePhase.class));
        body.put("statuses", Coded.describe(IncidentStatus.class));
        ctx.json(body);
    }

    private void create(Context ctx) {
        Actor actor = Actors.require(ctx);
        JsonBody body = JsonBody.of(ctx, FIELDS);
        OffsetDateTime startedAt = Optional.ofNullable(body.instant("startedAt")).orElseGet(() -> OffsetDateTime.now(clock));
        IncidentState state = new IncidentState(
                body.requiredText("title", TITLE_LENGTH),
                body.required("type", body.code("type", IncidentType.class)),
                startedAt,
                Optional.ofNullable(body.instant("scaledUpAt")).orElse(startedAt),
                body.text("locationText", LOCATION_LENGTH),
                Optional.ofNullable(regionCode(body)).orElse(Principals.require(ctx).regionCode()),
                Optional.ofNullable(body.code("grip", GripLevel.class)).orElse(GripLevel.GEEN),
                Optional.ofNullable(body.code("carePhase", CarePhase.class)).orElse(CarePhase.REGULIER),
                Optional.ofNullable(body.code("status", IncidentStatus.class)).orElse(IncidentStatus.ACTIEF),
                Optional.ofNullable(body.bool("exercise")).orElse(false),
                Optional.ofNullable(regie(body)).orElse(new Regie(actor.author(), actor.organisation())));
        if (state.closed()) {
            throw ApiException.badBody("status", "A new incident cannot start closed (gesloten)");
        }
        Incident incident = service.create(state, actor);
        Etags.set(ctx, incident.version());
        ctx.status(201).header("Location", IncidentService.path(incident.id())).json(incident);
    }

    private void list(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("status", "type", "exercise", "region", "limit"));
        String region = params.string("region");
        if (region != null && !region.matches("[A-Za-z0-9_-]{1,32}")) {
            throw ApiException.badParameter("region", "region must be a safety-region code such as VR13");
        }
        IncidentFilter filter = new IncidentFilter(params.codes("status", IncidentStatus.class), params.codes("type", IncidentType.class),
                params.bool("exercise"), region, params.integer("limit", 100, 1, MAX_LIST), Access.visibility(Principals.require(ctx)));
        ctx.json(Map.of("incidents", service.list(filter)));
    }

    private void get(Context ctx) {
        new QueryParams(ctx, Set.of());
        IncidentDetail detail = service.get(PathParams.id(ctx, "id", "incident"));
        Etags.set(ctx, detail.incident().version());
        ctx.json(detail);
    }

    private void update(Context ctx) {
        long id = PathParams.id(ctx, "id", "incident");
        Actor actor = Actors.require(ctx);
        Etags.IfMatch ifMatch = Etags.require(ctx);
        JsonBody body = JsonBody.of(ctx, FIELDS);
        IncidentPatch patch = new IncidentPatch(
                body.has("title") ? body.requiredText("title", TITLE_LENGTH) : null,
                body.has("type") ? body.required("type", body.code("type", IncidentType.class)) : null,
                body.has("startedAt") ? body.required("startedAt", body.instant("startedAt")) : null,
                body.has("scaledUpAt") ? body.required("scaledUpAt", body.instant("scaledUpAt")) : null,
                body.has("locationText") ? Optional.ofNullable(body.text("locationText", LOCATION_LENGTH)) : null,
                body.has("regionCode") ? Optional.ofNullable(regionCode(body)) : null,
                body.has("grip") ? body.required("grip", body.code("grip", GripLevel.class)) : null,
                body.has("carePhase") ? body.required("carePhase", body.code("carePhase", CarePhase.class)) : null,
                body.has("status") ? body.required("status", body.code("status", IncidentStatus.class)) : null,
                body.has("exercise") ? body.required("exercise", body.bool("exercise")) : null,
                body.has("regie") ? body.required("regie", regie(body)) : null);
        Incident incident = service.update(id, ifMatch, patch, actor);
        Etags.set(ctx, incident.version());
        ctx.json(incident);
    }

    private void timeline(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("from", "to", "limit"));
        long id = PathParams.id(ctx, "id", "incident");
        ctx.json(Map.of("events", service.timeline(id, params.instant("from"), params.instant("to"),
                params.integer("limit", 200, 1, 1000))));
    }

    private static String regionCode(JsonBody body) {
        String region = body.text("regionCode", 32);
        if (region != null && !region.matches("[A-Za-z0-9_-]+")) {
            throw ApiException.badBody("regionCode", "regionCode must be a safety-region code such as VR13");
        }
        return region;
    }

    private static Regie regie(JsonBody body) {
        JsonBody regie = body.object("regie", REGIE_FIELDS);
        if (regie == null) return null;
        return new Regie(regie.requiredText("person", NAME_LENGTH), regie.requiredText("organisation", NAME_LENGTH));
    }
}

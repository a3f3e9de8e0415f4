package nl.zorgbeeld.risk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.http.Actors;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for the Veiligheidsbeeld: the tiles of a region (now or at a moment), their history, a new assessment, the vocabulary. */
public final class RiskHandler {
    private static final Set<String> FIELDS = Set.of("theme", "level", "explanation", "source", "validFrom", "validUntil");

    private final RiskService service;

    public RiskHandler(RiskService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/regions/{code}/risk", this::dashboard);
        routes.post("/api/regions/{code}/risk", this::assess);
        routes.get("/api/regions/{code}/risk/history", this::history);
        routes.get("/api/vocabularies/risk", this::vocabularies);
    }

    private void dashboard(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("at"));
        ctx.json(service.dashboard(region(ctx), params.instant("at")));
    }

    private void history(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("theme"));
        ctx.json(Map.of("assessments", service.history(region(ctx), params.string("theme"))));
    }

    private void assess(Context ctx) {
        var actor = Actors.require(ctx);
        JsonBody body = JsonBody.of(ctx, FIELDS);
        RiskService.NewAssessment a = new RiskService.NewAssessment(body.requiredText("theme", 100),
                body.required("level", body.code("level", ThreatLevel.class)), body.requiredText("explanation", 2000),
                body.requiredText("source", 300), body.instant("validFrom"), body.required("validUntil", body.instant("validUntil")));
        RiskAssessment stored = service.assess(region(ctx), a, actor);
        ctx.status(201).json(stored);
    }

    /** The safety region code of the path, as the organisations' region codes are written. */
    private static String region(Context ctx) {
        String code = ctx.pathParam("code");
        if (!code.matches("[A-Za-z0-9_-]{1,32}")) {
            throw ApiException.badParameter("code", "A safety region code is letters, digits, _ or - (such as VR09); got '" + code + "'");
        }
        return code;
    }

    private void vocabularies(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.json(Map.of("levels", Coded.describe(ThreatLevel.class), "themes", Coded.describe(RiskTheme.class)));
    }
}

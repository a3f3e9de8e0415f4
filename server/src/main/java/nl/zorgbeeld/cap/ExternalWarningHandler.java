package nl.zorgbeeld.cap;

import static nl.zorgbeeld.geo.FeatureCollectionWriter.GEOJSON;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import nl.zorgbeeld.auth.Principals;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for CAP alerts from other systems: {@code POST /api/cap} and the external warnings of an incident. */
public final class ExternalWarningHandler {
    private static final Set<String> XML = Set.of("application/cap+xml", "application/xml", "text/xml");

    private final ExternalWarningService warnings;

    public ExternalWarningHandler(ExternalWarningService warnings) {
        this.warnings = warnings;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/cap", this::receive);
        routes.get("/api/incidents/{id}/external-warnings", this::standing);
    }

    private void receive(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("incident"));
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!XML.contains(type)) {
            throw new ApiException(415, "UnsupportedMediaType", "Unsupported media type", "Send the CAP alert as application/cap+xml"
                    + " (or application/xml); got '" + (type.isEmpty() ? "none" : type) + "'", "Content-Type");
        }
        Long incident = null;
        String raw = params.string("incident");
        if (raw != null) {
            if (!raw.matches("[1-9][0-9]{0,17}")) throw ApiException.badParameter("incident", "incident is an incident id; got '" + raw + "'");
            incident = Long.parseLong(raw);
        }
        ctx.status(201).contentType(GEOJSON).result(warnings.receive(ctx.bodyAsBytes(), incident, Principals.require(ctx)).toString());
    }

    private void standing(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.contentType(GEOJSON).result(warnings.standing(PathParams.id(ctx, "id", "incident"), Principals.require(ctx)));
    }
}

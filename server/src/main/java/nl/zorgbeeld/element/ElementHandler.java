package nl.zorgbeeld.element;

import static nl.zorgbeeld.geo.FeatureCollectionWriter.GEOJSON;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.common.TimeFilter;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.geo.FeatureCollectionWriter;
import nl.zorgbeeld.http.Actors;
import nl.zorgbeeld.http.Etags;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/**
 * HTTP for the geographic picture: {@code /api/incidents/{id}/elements}. GeoJSON in and out, WGS84
 * by default, RD New on request ({@code crs}, {@code bbox-crs}, {@code Content-Crs}).
 */
public final class ElementHandler {
    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;
    private static final Set<String> LIST_PARAMS = Set.of("at", "kind", "bbox", "bbox-crs", "crs", "limit");
    private static final Set<String> ITEM_PARAMS = Set.of("crs");
    private static final Set<String> WRITE_PARAMS = Set.of("repair", "crs");

    private final ElementService service;

    public ElementHandler(ElementService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/incidents/{id}/elements", this::list);
        routes.post("/api/incidents/{id}/elements", this::create);
        routes.get("/api/incidents/{id}/elements/{elementId}", this::get);
        routes.get("/api/incidents/{id}/elements/{elementId}/versions", this::versions);
        routes.put("/api/incidents/{id}/elements/{elementId}", this::replace);
        routes.delete("/api/incidents/{id}/elements/{elementId}", this::delete);
    }

    private void list(Context ctx) throws IOException {
        QueryParams params = new QueryParams(ctx, LIST_PARAMS);
        java.time.OffsetDateTime at = params.instant("at");
        ElementQuery query = query(params, incidentId(ctx), at == null ? null : TimeFilter.at(at.toInstant()), 0);
        service.requireIncident(query.incidentId());
        writeCollection(ctx, query, "");
    }

    private static ElementQuery query(QueryParams params, long incidentId, TimeFilter time, int offset) {
        Crs bboxCrs = Crs.parse(params.string("bbox-crs"), "bbox-crs");
        return new ElementQuery(incidentId, time, kinds(params), params.bbox("bbox", bboxCrs), bboxCrs,
                Crs.parse(params.string("crs"), "crs"), params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT), offset, null);
    }

    /** The kind filter, shared by this API and the OGC API. */
    public static Set<ElementKind> kinds(QueryParams params) {
        Set<ElementKind> kinds = EnumSet.noneOf(ElementKind.class);
        for (String k : params.list("kind")) {
            kinds.add(ElementKind.of(k).orElseThrow(() -> ApiException.badParameter("kind",
                    "unknown kind '" + k + "'; use one of " + ElementKind.codes())));
        }
        return kinds;
    }

    private void writeCollection(Context ctx, ElementQuery query, String members) throws IOException {
        ctx.contentType(GEOJSON).header("Content-Crs", query.crs().header());
        try (FeatureCollectionWriter writer = new FeatureCollectionWriter(ctx.outputStream())) {
            service.stream(query, writer);
            writer.finish(members);
        }
    }

    private void get(Context ctx) {
        Crs crs = Crs.parse(new QueryParams(ctx, ITEM_PARAMS).string("crs"), "crs");
        StoredElement element = service.get(incidentId(ctx), elementId(ctx), crs);
        writeElement(ctx, element, crs, 200);
    }

    private void versions(Context ctx) throws IOException {
        Crs crs = Crs.parse(new QueryParams(ctx, ITEM_PARAMS).string("crs"), "crs");
        long incident = incidentId(ctx);
        UUID id = elementId(ctx);
        service.requireIncident(incident);
        ctx.contentType(GEOJSON).header("Content-Crs", crs.header());
        try (FeatureCollectionWriter writer = new FeatureCollectionWriter(ctx.outputStream())) {
            service.history(incident, id, crs, writer);
            writer.finish("");
        }
    }

    private void create(Context ctx) {
        QueryParams params = new QueryParams(ctx, WRITE_PARAMS);
        Actor actor = Actors.require(ctx);
        Crs crs = Crs.parse(ctx.header("Content-Crs"), "Content-Crs");
        ElementInput input = ElementParser.parse(body(ctx), crs, Boolean.TRUE.equals(params.bool("repair")));
        long incident = incidentId(ctx);
        StoredElement element = service.create(incident, input, actor, Crs.parse(params.string("crs"), "crs"));
        ctx.header("Location", "/api/incidents/" + incident + "/elements/" + element.id());
        writeElement(ctx, element, Crs.parse(params.string("crs"), "crs"), 201);
    }

    private void replace(Context ctx) {
        QueryParams params = new QueryParams(ctx, WRITE_PARAMS);
        Actor actor = Actors.require(ctx);
        long incident = incidentId(ctx);
        UUID id = elementId(ctx);
        Crs out = Crs.parse(params.string("crs"), "crs");
        Etags.IfMatch ifMatch = Etags.require(ctx);
        ElementInput input = ElementParser.parse(body(ctx), Crs.parse(ctx.header("Content-Crs"), "Content-Crs"), Boolean.TRUE.equals(params.bool("repair")));
        writeElement(ctx, service.replace(incident, id, ifMatch, input, actor, out), out, 200);
    }

    private void delete(Context ctx) {
        new QueryParams(ctx, Set.of());
        Actor actor = Actors.require(ctx);
        long incident = incidentId(ctx);
        UUID id = elementId(ctx);
        service.end(incident, id, Etags.require(ctx), actor, Crs.CRS84);
        ctx.status(204);
    }

    public static void writeElement(Context ctx, StoredElement element, Crs crs, int status) {
        Etags.set(ctx, element.version());
        ctx.status(status).contentType(GEOJSON).header("Content-Crs", crs.header()).result(element.feature());
    }

    public static JsonNode body(Context ctx) {
        try {
            return Json.MAPPER.readTree(ctx.body());
        } catch (IOException e) {
            throw ApiException.badBody("", "the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    static long incidentId(Context ctx) {
        return PathParams.id(ctx, "id", "incident");
    }

    static UUID elementId(Context ctx) {
        String raw = ctx.pathParam("elementId");
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No element '" + raw + "'");
        }
    }
}

package nl.zorgbeeld.ogc;

import static nl.zorgbeeld.geo.FeatureCollectionWriter.GEOJSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.zorgbeeld.auth.Access;
import nl.zorgbeeld.auth.Principals;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.common.TimeFilter;
import nl.zorgbeeld.element.ElementHandler;
import nl.zorgbeeld.element.ElementInput;
import nl.zorgbeeld.element.ElementParser;
import nl.zorgbeeld.element.ElementQuery;
import nl.zorgbeeld.element.ElementService;
import nl.zorgbeeld.element.StoredElement;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.geo.FeatureCollectionWriter;
import nl.zorgbeeld.geo.StreamedPage;
import nl.zorgbeeld.http.Actors;
import nl.zorgbeeld.http.Etags;
import nl.zorgbeeld.http.QueryParams;
import nl.zorgbeeld.reference.Layer;
import nl.zorgbeeld.reference.LayerQuery;
import nl.zorgbeeld.reference.ReferenceService;

/**
 * OGC API - Features at {@code /ogc}: Part 1 (Core, GeoJSON, OpenAPI 3.0), Part 2 (CRS: CRS84 and
 * EPSG:28992) and Part 4 (create, replace, update, delete of an incident's picture elements, with
 * ETags). GIS clients such as QGIS, ArcGIS and GDAL read every layer directly from here.
 */
public final class OgcHandler {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features");
    private static final String JSON = "application/json";
    private static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";
    static final Set<String> COMMON_ITEM_PARAMS = Set.of("limit", "offset", "after", "bbox", "bbox-crs", "crs", "datetime", "f");
    private static final Set<String> NO_PARAMS = Set.of("f");

    private final OgcCatalog catalog;
    private final ReferenceService reference;
    private final ElementService elements;

    public OgcHandler(javax.sql.DataSource dataSource, ReferenceService reference, ElementService elements) {
        this.catalog = new OgcCatalog(dataSource, reference);
        this.reference = reference;
        this.elements = elements;
    }

    public void register(RoutesConfig routes) {
        routes.get("/ogc", this::landing);
        routes.get("/ogc/", this::landing);
        routes.get("/ogc/conformance", this::conformance);
        routes.get("/ogc/api", ctx -> {
            new QueryParams(ctx, NO_PARAMS);
            ctx.contentType("application/vnd.oai.openapi+json;version=3.0").result(OpenApiDocument.build(base(ctx)).toString());
        });
        routes.get("/ogc/collections", this::collections);
        routes.get("/ogc/collections/{collectionId}", this::collection);
        routes.get("/ogc/collections/{collectionId}/items", this::items);
        routes.post("/ogc/collections/{collectionId}/items", this::create);
        routes.get("/ogc/collections/{collectionId}/items/{featureId}", this::item);
        routes.put("/ogc/collections/{collectionId}/items/{featureId}", this::replace);
        routes.patch("/ogc/collections/{collectionId}/items/{featureId}", this::update);
        routes.delete("/ogc/collections/{collectionId}/items/{featureId}", this::delete);
    }

    static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + "/ogc";
    }

    private static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        link.put("type", type);
        if (title != null) link.put("title", title);
        return link;
    }

    private void landing(Context ctx) {
        new QueryParams(ctx, NO_PARAMS);
        String base = base(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Zorgbeeld");
        body.put("description", "Reference layers and the geographic picture of each incident, as OGC API - Features");
        body.put("links", List.of(
                link(base, "self", JSON, "This document"),
                link(base + "/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "The API definition (OpenAPI 3.0)"),
                link(base + "/conformance", "conformance", JSON, "Conformance classes"),
                link(base + "/collections", "data", JSON, "The collections")));
        ctx.json(body);
    }

    private void conformance(Context ctx) {
        new QueryParams(ctx, NO_PARAMS);
        ctx.json(Map.of("conformsTo", CONFORMANCE));
    }

    private void collections(Context ctx) {
        new QueryParams(ctx, NO_PARAMS);
        String base = base(ctx);
        List<Map<String, Object>> list = new ArrayList<>();
        for (OgcCollection c : catalog.all(Access.visibility(Principals.require(ctx)))) list.add(describe(base, c));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(link(base + "/collections", "self", JSON, "The collections")));
        body.put("collections", list);
        body.put("crs", Crs.URIS);
        ctx.json(body);
    }

    private void collection(Context ctx) {
        new QueryParams(ctx, NO_PARAMS);
        ctx.json(describe(base(ctx), catalog.withExtent(find(ctx))));
    }

    private Map<String, Object> describe(String base, OgcCollection c) {
        String self = base + "/collections/" + c.id();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("description", c.description());
        m.put("itemType", "feature");
        m.put("links", List.of(link(self, "self", JSON, c.title()), link(self + "/items", "items", GEOJSON, "The features")));
        Map<String, Object> extent = extent(c);
        if (!extent.isEmpty()) m.put("extent", extent);
        m.put("crs", Crs.URIS);
        m.put("storageCrs", Crs.RD_NEW.uri());
        return m;
    }

    /**
     * The collection's real extent: the bounding box of its features (none while it is empty) and,
     * for an incident, the time from its start until it was closed (open-ended while it is not).
     */
    private static Map<String, Object> extent(OgcCollection c) {
        Map<String, Object> extent = new LinkedHashMap<>();
        if (c.bbox() != null) {
            extent.put("spatial", Map.of("bbox", List.of(List.of(c.bbox()[0], c.bbox()[1], c.bbox()[2], c.bbox()[3])),
                    "crs", Crs.CRS84.uri()));
        }
        if (c.begin() != null) {
            List<String> interval = new ArrayList<>();
            interval.add(c.begin().toString());
            interval.add(c.end() == null ? null : c.end().toString());
            extent.put("temporal", Map.of("interval", List.of(interval), "trs", GREGORIAN));
        }
        return extent;
    }

    private OgcCollection find(Context ctx) {
        String id = ctx.pathParam("collectionId");
        return catalog.find(id).orElseThrow(() -> ApiException.notFound("No collection '" + id + "'; see /ogc/collections"));
    }

    private static Set<String> itemParams(OgcCollection c) {
        Set<String> allowed = new HashSet<>(COMMON_ITEM_PARAMS);
        if (c.isIncident()) allowed.add("kind");
        else if (c.layer() == Layer.INSTITUTIONS) allowed.addAll(List.of("type", "region"));
        else if (c.layer() != Layer.PROVINCES) allowed.add("region");
        return allowed;
    }

    private void items(Context ctx) throws IOException {
        OgcCollection c = find(ctx);
        QueryParams params = new QueryParams(ctx, itemParams(c));
        checkFormat(params);
        int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = params.integer("offset", 0, 0, Integer.MAX_VALUE);
        Crs bboxCrs = Crs.parse(params.string("bbox-crs"), "bbox-crs");
        double[] bbox = params.bbox("bbox", bboxCrs);
        Crs crs = Crs.parse(params.string("crs"), "crs");
        TimeFilter time = TimeFilter.parse(params.string("datetime"), "datetime");
        String after = params.string("after");
        long matched;
        Streamer streamer;
        if (c.isIncident()) {
            ElementQuery q = new ElementQuery(c.incidentId(), time, ElementHandler.kinds(params), bbox, bboxCrs, crs, limit, offset,
                    after == null ? null : rowKey(after));
            matched = elements.count(withoutCursor(q));
            streamer = writer -> elements.stream(q, writer);
        } else {
            if (after != null && after.length() > 100) throw ApiException.badParameter("after", "after is too long to be a feature id");
            LayerQuery q = reference.validated(new LayerQuery(c.layer(), params.list("type"), params.string("region"),
                    bbox, bboxCrs, time, crs, limit, offset, after));
            matched = reference.count(new LayerQuery(q.layer(), q.types(), q.regionCode(), q.bbox(), q.bboxCrs(), q.updated(), q.crs(),
                    q.limit(), 0, null));
            streamer = writer -> reference.stream(q, writer);
        }
        ctx.contentType(GEOJSON).header("Content-Crs", crs.header());
        try (FeatureCollectionWriter writer = new FeatureCollectionWriter(ctx.outputStream())) {
            StreamedPage page = streamer.stream(writer);
            writer.finish(",\"numberMatched\":" + matched + ",\"numberReturned\":" + page.returned()
                    + ",\"timeStamp\":\"" + Instant.now() + "\",\"links\":" + Json.MAPPER.writeValueAsString(pageLinks(ctx, c, offset, limit, page)));
        }
    }

    private static ElementQuery withoutCursor(ElementQuery q) {
        return new ElementQuery(q.incidentId(), q.time(), q.kinds(), q.bbox(), q.bboxCrs(), q.crs(), q.limit(), 0, null);
    }

    private static long rowKey(String after) {
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("after", "after must be the value from a next link");
        }
    }

    private interface Streamer {
        StreamedPage stream(FeatureCollectionWriter writer);
    }

    private static void checkFormat(QueryParams params) {
        String f = params.string("f");
        if (f != null && !f.equals("json") && !f.equals("geojson")) {
            throw new ApiException(400, "InvalidParameterValue", "Unsupported format", "f must be json or geojson; only GeoJSON is served", "f");
        }
    }

    /**
     * self, next and prev. next continues after the last feature's key (keyset paging: every page
     * costs the same, unlike a growing offset); prev steps back by offset when the client used one.
     */
    private static List<Map<String, Object>> pageLinks(Context ctx, OgcCollection c, int offset, int limit, StreamedPage page) {
        String path = base(ctx) + "/collections/" + c.id() + "/items";
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link(path + (ctx.queryString() == null ? "" : "?" + ctx.queryString()), "self", GEOJSON, "This page"));
        if (page.more()) links.add(link(path + query(ctx, Map.of("limit", String.valueOf(limit), "after", page.lastKey())), "next", GEOJSON, "Next page"));
        if (offset > 0 && ctx.queryParam("after") == null) {
            links.add(link(path + query(ctx, Map.of("limit", String.valueOf(limit), "offset", String.valueOf(Math.max(0, offset - limit)))),
                    "prev", GEOJSON, "Previous page"));
        }
        links.add(link(base(ctx) + "/collections/" + c.id(), "collection", JSON, c.title()));
        return links;
    }

    /** The request's query with the paging parameters replaced by {@code paging}. */
    private static String query(Context ctx, Map<String, String> paging) {
        StringBuilder q = new StringBuilder();
        paging.forEach((name, value) -> q.append(q.isEmpty() ? '?' : '&').append(encode(name)).append('=').append(encode(value)));
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.equals("limit") || name.equals("offset") || name.equals("after")) return;
            for (String v : values) q.append('&').append(encode(name)).append('=').append(encode(v));
        });
        return q.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void item(Context ctx) {
        OgcCollection c = find(ctx);
        QueryParams params = new QueryParams(ctx, Set.of("crs", "f"));
        checkFormat(params);
        Crs crs = Crs.parse(params.string("crs"), "crs");
        String fid = ctx.pathParam("featureId");
        if (c.isIncident()) {
            writeElement(ctx, c, elements.get(c.incidentId(), elementId(fid), crs), crs, 200);
            return;
        }
        String feature = reference.feature(c.layer(), fid, crs);
        if (feature == null) throw ApiException.notFound("No feature '" + fid + "' in " + c.id());
        ctx.contentType(GEOJSON).header("Content-Crs", crs.header()).result(withLinks(ctx, c, fid, feature, crs));
    }

    /** A picture element as an OGC feature: with its ETag, and with links like every feature here. */
    private static void writeElement(Context ctx, OgcCollection c, StoredElement element, Crs crs, int status) {
        Etags.set(ctx, element.version());
        ctx.status(status).contentType(GEOJSON).header("Content-Crs", crs.header())
                .result(withLinks(ctx, c, element.id().toString(), element.feature(), crs));
    }

    /**
     * The feature with its links (/req/core/f-links): self and its collection. No alternate: GeoJSON
     * is the one format served (f=json and f=geojson are the same document).
     */
    private static String withLinks(Context ctx, OgcCollection c, String featureId, String feature, Crs crs) {
        String collection = base(ctx) + "/collections/" + c.id();
        String self = collection + "/items/" + encodePath(featureId) + (crs == Crs.CRS84 ? "" : "?crs=" + encode(crs.uri()));
        ObjectNode node = (ObjectNode) Json.tree(feature);
        node.set("links", Json.MAPPER.valueToTree(List.of(link(self, "self", GEOJSON, "This feature"),
                link(collection, "collection", JSON, c.title()))));
        return node.toString();
    }

    /** A value as one path segment (URLEncoder encodes for forms: a space would become '+'). */
    private static String encodePath(String segment) {
        return encode(segment).replace("+", "%20");
    }

    private OgcCollection writable(Context ctx) {
        OgcCollection c = find(ctx);
        if (!c.isIncident()) {
            throw new ApiException(405, "MethodNotAllowed", "Method not allowed",
                    "Reference layer '" + c.id() + "' is read-only here; load it with ./zorgbeeld import", null);
        }
        return c;
    }

    private void create(Context ctx) {
        OgcCollection c = writable(ctx);
        QueryParams params = new QueryParams(ctx, Set.of("repair"));
        var actor = Actors.require(ctx);
        Crs crs = Crs.parse(ctx.header("Content-Crs"), "Content-Crs");
        ElementInput input = ElementParser.parse(ElementHandler.body(ctx), crs, Boolean.TRUE.equals(params.bool("repair")));
        StoredElement element = elements.create(c.incidentId(), input, actor, crs);
        ctx.header("Location", base(ctx) + "/collections/" + c.id() + "/items/" + element.id());
        writeElement(ctx, c, element, crs, 201);
    }

    private void replace(Context ctx) {
        OgcCollection c = writable(ctx);
        QueryParams params = new QueryParams(ctx, Set.of("repair"));
        var actor = Actors.require(ctx);
        Etags.IfMatch ifMatch = Etags.require(ctx);
        Crs crs = Crs.parse(ctx.header("Content-Crs"), "Content-Crs");
        ElementInput input = ElementParser.parse(ElementHandler.body(ctx), crs, Boolean.TRUE.equals(params.bool("repair")));
        writeElement(ctx, c, elements.replace(c.incidentId(), elementId(ctx.pathParam("featureId")), ifMatch, input, actor, crs), crs, 200);
    }

    /** PATCH: a JSON merge patch of the Feature; properties merge (null removes), a geometry replaces. */
    private void update(Context ctx) {
        OgcCollection c = writable(ctx);
        QueryParams params = new QueryParams(ctx, Set.of("repair"));
        var actor = Actors.require(ctx);
        Etags.IfMatch ifMatch = Etags.require(ctx);
        Crs crs = Crs.parse(ctx.header("Content-Crs"), "Content-Crs");
        UUID id = elementId(ctx.pathParam("featureId"));
        JsonNode patch = ElementHandler.body(ctx);
        if (!patch.isObject()) throw ApiException.badBody("", "a merge patch must be a JSON object");
        ObjectNode merged = (ObjectNode) Json.tree(elements.get(c.incidentId(), id, crs).feature());
        if (patch.has("geometry")) merged.set("geometry", patch.get("geometry"));
        if (patch.has("properties")) {
            if (!patch.get("properties").isObject()) throw ApiException.badBody("properties", "properties must be an object");
            ObjectNode props = (ObjectNode) merged.get("properties");
            patch.get("properties").fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) props.remove(e.getKey()); else props.set(e.getKey(), e.getValue());
            });
        }
        ElementInput input = ElementParser.parse(merged, crs, Boolean.TRUE.equals(params.bool("repair")));
        writeElement(ctx, c, elements.replace(c.incidentId(), id, ifMatch, input, actor, crs), crs, 200);
    }

    private void delete(Context ctx) {
        OgcCollection c = writable(ctx);
        new QueryParams(ctx, Set.of());
        var actor = Actors.require(ctx);
        elements.end(c.incidentId(), elementId(ctx.pathParam("featureId")), Etags.require(ctx), actor, Crs.CRS84);
        ctx.status(204);
    }

    private static UUID elementId(String fid) {
        try {
            return UUID.fromString(fid);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No feature '" + fid + "'");
        }
    }
}

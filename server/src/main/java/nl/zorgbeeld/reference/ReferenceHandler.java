package nl.zorgbeeld.reference;

import static nl.zorgbeeld.geo.FeatureCollectionWriter.GEOJSON;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.geo.FeatureCollectionWriter;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for the reference layers: GeoJSON per layer, the vocabulary, and the sources. */
public final class ReferenceHandler {
    private static final String COUNTRIES = "/data/basemap/ne_10m_countries_nl_be_de_lu.geojson";
    private static final Set<String> LAYER_PARAMS = Set.of("type", "region", "bbox", "limit");

    private final ReferenceService service;

    public ReferenceHandler(ReferenceService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/layers/countries", this::countries);
        routes.get("/api/layers/{layer}", this::layer);
        routes.get("/api/vocabularies/institution-types", this::institutionTypes);
        routes.get("/api/reference/sources", ctx -> ctx.json(service.sources()));
    }

    private void layer(Context ctx) throws IOException {
        Layer layer = Arrays.stream(Layer.values()).filter(l -> l.path().equals(ctx.pathParam("layer"))).findFirst()
                .orElseThrow(() -> ApiException.notFound("Unknown layer '" + ctx.pathParam("layer")
                        + "'; layers: institutions, safety-regions, municipalities, provinces, countries"));
        QueryParams params = new QueryParams(ctx, LAYER_PARAMS);
        LayerQuery query = service.query(layer, params.list("type"), params.string("region"), params.bbox("bbox"),
                params.integer("limit", ReferenceService.MAX_LIMIT, 1, ReferenceService.MAX_LIMIT));
        ctx.contentType(GEOJSON);
        try (FeatureCollectionWriter writer = new FeatureCollectionWriter(ctx.outputStream())) {
            service.stream(query, writer);
            writer.finish("");
        }
    }

    private void countries(Context ctx) throws IOException {
        new QueryParams(ctx, Set.of());
        try (InputStream in = ReferenceHandler.class.getResourceAsStream(COUNTRIES)) {
            if (in == null) throw ApiException.notFound("the bundled country outlines are missing from this build");
            ctx.contentType(GEOJSON).header("Cache-Control", "public, max-age=86400");
            in.transferTo(ctx.outputStream());
        }
    }

    private void institutionTypes(Context ctx) {
        Map<String, Long> counts = service.institutionTypeCounts();
        var types = service.types().all().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", t.code());
            m.put("label", t.label());
            m.put("acute", t.acute());
            m.put("color", t.color());
            m.put("shape", t.shape());
            m.put("count", counts.getOrDefault(t.code(), 0L));
            return m;
        }).toList();
        ctx.json(Map.of("types", types));
    }
}

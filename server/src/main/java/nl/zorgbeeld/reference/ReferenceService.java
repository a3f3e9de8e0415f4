package nl.zorgbeeld.reference;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.geo.FeatureCollectionWriter;

/** Reference layers: checks a query against the vocabulary and hands it to the store. */
public final class ReferenceService {
    public static final int MAX_LIMIT = 100_000;

    private final ReferenceStore store;
    private final InstitutionTypes types;
    private final Map<Layer, CachedExtent> extents = new ConcurrentHashMap<>();

    /** A layer's extent as computed at a change counter value; {@code bbox} null for an empty layer. */
    private record CachedExtent(long version, double[] bbox) {}

    public ReferenceService(ReferenceStore store, InstitutionTypes types) {
        this.store = store;
        this.types = types;
    }

    public LayerQuery query(Layer layer, List<String> typeFilter, String region, double[] bbox, int limit) {
        return validated(LayerQuery.simple(layer, typeFilter, region, bbox, limit));
    }

    /** The query, when its type and region filters fit the layer and the vocabulary. */
    public LayerQuery validated(LayerQuery query) {
        Layer layer = query.layer();
        List<String> typeFilter = query.types();
        String region = query.regionCode();
        if (!typeFilter.isEmpty() && layer != Layer.INSTITUTIONS) {
            throw ApiException.badParameter("type", "type filters only the institutions layer");
        }
        for (String t : typeFilter) {
            if (!types.isCode(t)) {
                throw ApiException.badParameter("type", "unknown institution type '" + t + "'; known: "
                        + String.join(", ", types.all().stream().map(InstitutionType::code).toList()));
            }
        }
        if (region != null && !region.matches("[A-Za-z0-9_-]{1,32}")) {
            throw ApiException.badParameter("region", "region must be a safety-region code such as VR13");
        }
        if (region != null && layer == Layer.PROVINCES) {
            throw ApiException.badParameter("region", "provinces cannot be filtered by safety region");
        }
        return query;
    }

    public nl.zorgbeeld.geo.StreamedPage stream(LayerQuery query, FeatureCollectionWriter writer) {
        return store.streamFeatures(query, writer);
    }

    public long count(LayerQuery query) {
        return store.count(query);
    }

    /** One feature's GeoJSON, or null. */
    public String feature(Layer layer, String id, nl.zorgbeeld.geo.Crs crs) {
        return store.feature(layer, id, crs);
    }

    /**
     * Each layer's extent in CRS84 {west, south, east, north} (absent for an empty layer). Computed
     * from the data once per change of the layer: the counter is read before the extent, so a change
     * that commits in between only makes the next call compute it again.
     */
    public Map<Layer, double[]> extents() {
        Map<Layer, Long> versions = store.changeVersions();
        Map<Layer, double[]> result = new EnumMap<>(Layer.class);
        for (Layer layer : Layer.values()) {
            long version = versions.getOrDefault(layer, -1L);
            CachedExtent cached = extents.get(layer);
            if (cached == null || cached.version() != version) {
                cached = new CachedExtent(version, store.extent(layer));
                extents.put(layer, cached);
            }
            if (cached.bbox() != null) result.put(layer, cached.bbox().clone());
        }
        return result;
    }

    public Map<String, Long> counts() { return store.counts(); }

    public Map<String, Long> institutionTypeCounts() { return store.institutionTypeCounts(); }

    public List<ReferenceStore.SourceInfo> sources() { return store.sources(); }

    public InstitutionTypes types() { return types; }
}

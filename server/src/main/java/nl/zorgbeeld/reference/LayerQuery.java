package nl.zorgbeeld.reference;

import java.util.List;

/** A validated filter on a reference layer. bbox is WGS84 {minLon, minLat, maxLon, maxLat} or null. */
public record LayerQuery(Layer layer, List<String> types, String regionCode, double[] bbox, int limit) {}

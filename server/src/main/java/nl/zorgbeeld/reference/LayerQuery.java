package nl.zorgbeeld.reference;

import java.util.List;
import nl.zorgbeeld.common.TimeFilter;
import nl.zorgbeeld.geo.Crs;

/**
 * A validated filter on a reference layer.
 *
 * @param bbox    {minX, minY, maxX, maxY} in {@code bboxCrs}, or null
 * @param updated only features last updated within this time, or null
 * @param crs     the CRS of the geometry written out
 * @param after   only features whose id sorts after this one (keyset paging), or null
 */
public record LayerQuery(Layer layer, List<String> types, String regionCode, double[] bbox, Crs bboxCrs,
                         TimeFilter updated, Crs crs, int limit, int offset, String after) {

    public static LayerQuery simple(Layer layer, List<String> types, String regionCode, double[] bbox, int limit) {
        return new LayerQuery(layer, types, regionCode, bbox, Crs.CRS84, null, Crs.CRS84, limit, 0, null);
    }
}

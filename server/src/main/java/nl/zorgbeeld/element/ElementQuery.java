package nl.zorgbeeld.element;

import java.util.Set;
import nl.zorgbeeld.common.TimeFilter;
import nl.zorgbeeld.geo.Crs;

/**
 * Which elements of an incident to read.
 *
 * @param time  null for the current map; an instant for the map as it was then; an interval for
 *              every version valid at some moment within it
 * @param kinds empty for all kinds
 * @param bbox  {minX, minY, maxX, maxY} in {@code bboxCrs}, or null
 * @param after only versions written after this row (keyset paging), or null
 */
public record ElementQuery(long incidentId, TimeFilter time, Set<ElementKind> kinds, double[] bbox, Crs bboxCrs,
                           Crs crs, int limit, int offset, Long after) {}

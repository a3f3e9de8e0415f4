package nl.zorgbeeld.plume;

import org.locationtech.jts.geom.Geometry;

/**
 * One zone of a plume in RD New.
 *
 * @param area      a Polygon (a MultiPolygon only when drawn so), counter-clockwise, valid; empty
 *                  when the threshold is nowhere reached
 * @param reach     how far the zone reaches in metres: the farthest downwind distance for a
 *                  Gaussian zone, the radius of a sector, the farthest point from the source for a
 *                  drawn zone; null for a drawn zone without a source
 * @param threshold the intervention value in mg/m3 (Gaussian only; null otherwise)
 * @param clipped   the zone went on beyond the model's maximum distance and was cut off
 */
public record PlumeZone(ZoneLevel level, Geometry area, Double reach, Double threshold, boolean clipped) {
    public boolean isEmpty() {
        return area.isEmpty();
    }
}

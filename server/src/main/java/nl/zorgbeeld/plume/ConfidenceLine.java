package nl.zorgbeeld.plume;

import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The wind-direction confidence line of one zone: the outline of the area the zone sweeps over when
 * the wind direction is anywhere within plus or minus the half angle, drawn dashed beside the zone
 * itself (as ALOHA does). In RD New.
 *
 * @param area      the swept area (counter-clockwise), for "could be reached if the wind turns"
 * @param line      its outline as a closed line: the two side lines, the arc beyond the zone's end
 *                  and, for a zone that starts away from the source, the arc before its start
 * @param halfAngle the half angle in degrees
 */
public record ConfidenceLine(ZoneLevel level, Polygon area, LineString line, double halfAngle) {}

package nl.zorgbeeld.plume;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.common.ApiException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Zones drawn by the GAGS, in RD New: one to three of LBW, AGW and VRW, each a valid Polygon or
 * MultiPolygon, nested (LBW within AGW within VRW, allowing {@value #NESTING_TOLERANCE} m for
 * drawing by hand). A zone left out was not reached.
 *
 * @param source optional: the source, for distances and arrival times
 * @param wind   optional, with a source: the wind, for arrival times
 */
public record DrawnInput(Map<ZoneLevel, Geometry> zones, Source source, Wind wind) implements PlumeInput {
    /** How far, in metres, an inner zone may stick out of the next one: a hand on a map is not exact. */
    public static final double NESTING_TOLERANCE = 1;

    public DrawnInput {
        if (zones == null || zones.isEmpty()) throw ApiException.badBody("zones", "zones needs at least one of LBW, AGW, VRW (a GeoJSON Polygon)");
        Map<ZoneLevel, Geometry> copy = new EnumMap<>(ZoneLevel.class);
        zones.forEach((level, area) -> copy.put(level, check(level, area)));
        checkNesting(copy);
        zones = Map.copyOf(copy);
        if (wind != null && source == null) throw ApiException.badBody("source", "source is needed with the wind, to tell arrival times");
    }

    @Override
    public Method method() {
        return Method.DRAWN;
    }

    /** The drawn zone of a level, or null when it was left out. */
    public Geometry zone(ZoneLevel level) {
        return zones.get(level);
    }

    private static Geometry check(ZoneLevel level, Geometry area) {
        String field = field(level);
        if (area == null) throw ApiException.badBody(field, field + " must be a GeoJSON Polygon");
        if (!(area instanceof Polygon) && !(area instanceof MultiPolygon)) {
            throw ApiException.badBody(field, field + " must be a Polygon or MultiPolygon, not a " + area.getGeometryType());
        }
        if (area.isEmpty()) throw ApiException.badBody(field, field + " is empty");
        TopologyValidationError error = new IsValidOp(area).getValidationError();
        if (error != null) {
            throw ApiException.badBody(field, field + " is not a valid polygon: " + error.getMessage() + at(error.getCoordinate()));
        }
        if (!(area.getArea() > 0)) throw ApiException.badBody(field, field + " has no area");
        return area;
    }

    /** Each zone inside the next larger one that was drawn. */
    private static void checkNesting(Map<ZoneLevel, Geometry> zones) {
        List<ZoneLevel> drawn = new ArrayList<>();
        for (ZoneLevel level : ZoneLevel.INSIDE_OUT) if (zones.containsKey(level)) drawn.add(level);
        for (int i = 0; i + 1 < drawn.size(); i++) {
            ZoneLevel inner = drawn.get(i);
            ZoneLevel outer = drawn.get(i + 1);
            Geometry outside = zones.get(inner).difference(zones.get(outer));
            if (outside.isEmpty()) continue;
            IndexedFacetDistance distance = new IndexedFacetDistance(zones.get(outer));
            Coordinate farthest = null;
            double worst = 0;
            for (Coordinate c : outside.getCoordinates()) {
                double d = distance.distance(Geometries.RD.createPoint(c));
                if (d > worst) {
                    worst = d;
                    farthest = c;
                }
            }
            if (worst > NESTING_TOLERANCE) {
                throw ApiException.badBody(field(inner), "the " + inner.code() + " zone must lie within the " + outer.code()
                        + " zone, but sticks out of it by " + Checks.distance(worst, false) + at(farthest));
            }
        }
    }

    private static String field(ZoneLevel level) {
        return "zones." + level.code();
    }

    /** " near (lon, lat)" for a point in RD New. */
    private static String at(Coordinate rd) {
        if (rd == null) return "";
        Coordinate lonLat = Geometries.transform().toWgs84(rd.x, rd.y);
        return String.format(java.util.Locale.ROOT, " near (%.6f, %.6f)", lonLat.x, lonLat.y);
    }
}

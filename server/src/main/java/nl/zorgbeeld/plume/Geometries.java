package nl.zorgbeeld.plume;

import nl.zorgbeeld.geo.RdNew;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The geometry plumbing of plumes: the factory for RD New (EPSG:28992) output, conversion of whole
 * geometries to and from WGS84 with {@link RdNew}, and ring orientation (outer rings counter-clockwise,
 * as RFC 7946 asks of GeoJSON).
 */
public final class Geometries {
    public static final int RD_SRID = 28992;
    public static final int WGS84_SRID = 4326;
    static final GeometryFactory RD = new GeometryFactory(new PrecisionModel(), RD_SRID);
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), WGS84_SRID);
    /** RdNew's transforms are not thread-safe and cost something to create: one per thread. */
    private static final ThreadLocal<RdNew> TRANSFORM = ThreadLocal.withInitial(RdNew::new);

    private Geometries() {}

    /** A copy of an RD New geometry in WGS84 longitude/latitude (SRID 4326). */
    public static Geometry toWgs84(Geometry rd) {
        RdNew transform = TRANSFORM.get();
        return transformed(rd, WGS84, c -> {
            Coordinate lonLat = transform.toWgs84(c.x, c.y);
            c.x = lonLat.x;
            c.y = lonLat.y;
        });
    }

    /** A copy of a WGS84 longitude/latitude geometry in RD New (SRID 28992). */
    public static Geometry toRd(Geometry wgs84) {
        RdNew transform = TRANSFORM.get();
        return transformed(wgs84, RD, c -> {
            Coordinate xy = transform.toRd(c.x, c.y);
            c.x = xy.x;
            c.y = xy.y;
        });
    }

    static RdNew transform() {
        return TRANSFORM.get();
    }

    private static Geometry transformed(Geometry geometry, GeometryFactory factory, CoordinateFilter filter) {
        Geometry copy = factory.createGeometry(geometry);
        copy.apply(filter);
        copy.geometryChanged();
        return copy;
    }

    /** The same polygon(s) with counter-clockwise outer rings and clockwise holes; other geometries unchanged. */
    public static Geometry counterClockwise(Geometry geometry) {
        if (geometry instanceof Polygon polygon) return counterClockwise(polygon);
        if (geometry instanceof MultiPolygon multi) {
            Polygon[] parts = new Polygon[multi.getNumGeometries()];
            for (int i = 0; i < parts.length; i++) parts[i] = counterClockwise((Polygon) multi.getGeometryN(i));
            return geometry.getFactory().createMultiPolygon(parts);
        }
        return geometry;
    }

    static Polygon counterClockwise(Polygon polygon) {
        if (polygon.isEmpty()) return polygon;
        GeometryFactory factory = polygon.getFactory();
        LinearRing shell = oriented(polygon.getExteriorRing(), true, factory);
        LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) holes[i] = oriented(polygon.getInteriorRingN(i), false, factory);
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing oriented(LinearRing ring, boolean ccw, GeometryFactory factory) {
        if (Orientation.isCCW(ring.getCoordinateSequence()) == ccw) return ring;
        return factory.createLinearRing(ring.reverse().getCoordinateSequence());
    }
}

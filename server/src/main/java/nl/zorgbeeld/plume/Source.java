package nl.zorgbeeld.plume;

import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.geo.RdNew;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Where a substance is released, in RD New metres and in WGS84, inside the Netherlands and its
 * neighbours. Also carries the grid convergence there: wind directions are given from true north,
 * while RD New's grid north differs from it by up to about two degrees inside the Netherlands (more
 * far into Germany), so bearings are turned by it before they are drawn in the grid.
 *
 * @param x               RD New easting in metres
 * @param y               RD New northing in metres
 * @param lon             WGS84 longitude in degrees
 * @param lat             WGS84 latitude in degrees
 * @param gridConvergence the angle in degrees, clockwise, from grid north to true north at the source
 */
public record Source(double x, double y, double lon, double lat, double gridConvergence) {
    /** The Netherlands, Belgium, Luxembourg and Germany with a margin, in WGS84 degrees. */
    public static final Envelope AREA = new Envelope(2.0, 15.5, 47.0, 55.5);
    private static final double NORTH_STEP_DEGREES = 0.01;

    /** A source given as WGS84 longitude/latitude; {@code field} names it in errors. */
    public static Source wgs84(double lon, double lat, String field) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) throw ApiException.badBody(field, field + " must have finite coordinates");
        checkArea(lon, lat, field);
        RdNew transform = Geometries.transform();
        Coordinate rd = transform.toRd(lon, lat);
        return new Source(rd.x, rd.y, lon, lat, convergence(transform, rd, lon, lat));
    }

    /** A source given in RD New metres; {@code field} names it in errors. */
    public static Source rd(double x, double y, String field) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw ApiException.badBody(field, field + " must have finite coordinates");
        RdNew transform = Geometries.transform();
        Coordinate lonLat = transform.toWgs84(x, y);
        checkArea(lonLat.x, lonLat.y, field);
        return new Source(x, y, lonLat.x, lonLat.y, convergence(transform, new Coordinate(x, y), lonLat.x, lonLat.y));
    }

    private static void checkArea(double lon, double lat, String field) {
        if (!AREA.contains(lon, lat)) {
            throw ApiException.badBody(field, field + " (" + Checks.plain(lon) + ", " + Checks.plain(lat) + ") lies outside the Netherlands"
                    + " and its neighbours (longitude 2.0 to 15.5, latitude 47.0 to 55.5)");
        }
    }

    private static double convergence(RdNew transform, Coordinate rd, double lon, double lat) {
        Coordinate north = transform.toRd(lon, lat + NORTH_STEP_DEGREES);
        return Math.toDegrees(Math.atan2(north.x - rd.x, north.y - rd.y));
    }

    /** The source in RD New. */
    public Coordinate rd() {
        return new Coordinate(x, y);
    }
}

package nl.zorgbeeld.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * WGS84 longitude/latitude to and from RD New (EPSG:28992) with proj4j, using the EPSG datum shift
 * (accurate to about a metre without the RDNAPTRANS grid, like PostGIS without the grid).
 * A transform object is not thread-safe: create one per thread or task.
 */
public final class RdNew {
    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateReferenceSystem WGS84 = CRS.createFromName("EPSG:4326");
    private static final CoordinateReferenceSystem RD = CRS.createFromName("EPSG:28992");

    private final CoordinateTransform toRd;
    private final CoordinateTransform toWgs84;

    public RdNew() {
        CoordinateTransformFactory factory = new CoordinateTransformFactory();
        toRd = factory.createTransform(WGS84, RD);
        toWgs84 = factory.createTransform(RD, WGS84);
    }

    /** (lon, lat) in degrees to (x, y) in metres. */
    public Coordinate toRd(double lon, double lat) {
        ProjCoordinate out = toRd.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
        return new Coordinate(out.x, out.y);
    }

    /** (x, y) in metres to (lon, lat) in degrees. */
    public Coordinate toWgs84(double x, double y) {
        ProjCoordinate out = toWgs84.transform(new ProjCoordinate(x, y), new ProjCoordinate());
        return new Coordinate(out.x, out.y);
    }
}

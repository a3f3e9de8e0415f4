package nl.zorgbeeld.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import nl.zorgbeeld.geo.RdNew;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The land outline of the Netherlands plus a margin, in RD New, prepared for fast point tests. It
 * tells "outside the Netherlands" apart from "lat/lon swapped" and "RD metres sent as degrees".
 */
final class NetherlandsArea {
    static final double MARGIN_METRES = 2000;
    private final PreparedGeometry area;
    private final RdNew rd = new RdNew();
    private final GeometryFactory geometry = new GeometryFactory();

    private NetherlandsArea(PreparedGeometry area) {
        this.area = area;
    }

    static NetherlandsArea load(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ST_AsBinary(ST_Buffer(ST_Union(geom), ?)) FROM land_outline")) {
            ps.setDouble(1, MARGIN_METRES);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                byte[] wkb = rs.getBytes(1);
                if (wkb == null) throw new ImportException("no land outline loaded: cannot check that locations lie in the Netherlands");
                return new NetherlandsArea(PreparedGeometryFactory.prepare(new WKBReader().read(wkb)));
            } catch (ParseException e) {
                throw new ImportException("the land outline cannot be read: " + e.getMessage(), e);
            }
        }
    }

    boolean containsRd(double x, double y) {
        return area.contains(geometry.createPoint(new Coordinate(x, y)));
    }

    boolean containsWgs84(double lon, double lat) {
        Coordinate c = rd.toRd(lon, lat);
        return containsRd(c.x, c.y);
    }

    /** Why a WGS84 point cannot be a Dutch care location, or null when it can. */
    String problemWithWgs84(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) return "coordinates are not finite numbers";
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
            if (containsRd(lon, lat)) {
                return "coordinates (" + lon + ", " + lat + ") are RD New metres, not WGS84 degrees: use x/y columns or a crs of EPSG:28992";
            }
            return "coordinates (" + lon + ", " + lat + ") are out of range for WGS84 degrees";
        }
        if (containsWgs84(lon, lat)) return null;
        if (Math.abs(lon) <= 90 && containsWgs84(lat, lon)) {
            return "latitude and longitude look swapped: (" + lon + ", " + lat + ") lies outside the Netherlands, (" + lat + ", " + lon + ") inside";
        }
        return "outside the Netherlands (lon " + lon + ", lat " + lat + ")";
    }

    /** Why an RD New point cannot be a Dutch care location, or null when it can. */
    String problemWithRd(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) return "coordinates are not finite numbers";
        if (containsRd(x, y)) return null;
        if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
            return "coordinates (" + x + ", " + y + ") look like WGS84 degrees, not RD New metres: use lat/lon columns";
        }
        return "outside the Netherlands (RD x " + x + ", y " + y + ")";
    }
}

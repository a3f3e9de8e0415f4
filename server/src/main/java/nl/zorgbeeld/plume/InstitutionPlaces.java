package nl.zorgbeeld.plume;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;

/** SQL: the institutions of the reference layer within a box in RD New (the reach of a plume), through the GiST index. */
final class InstitutionPlaces {
    private final DataSource dataSource;

    InstitutionPlaces(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An institution's location, in RD New (x, y) and WGS84 (lon, lat). */
    record Place(String id, String name, String type, String organisation, String city, boolean connected, String regionCode,
                 double x, double y, double lon, double lat) {
        void write(ObjectNode node) {
            node.put("id", id);
            node.put("name", name);
            node.put("type", type);
            if (organisation != null) node.put("organisation", organisation);
            if (city != null) node.put("city", city);
            node.put("connected", connected);
            if (regionCode != null) node.put("region", regionCode);
            node.put("lon", Math.round(lon * 1e6) / 1e6);
            node.put("lat", Math.round(lat * 1e6) / 1e6);
        }
    }

    List<Place> within(Envelope rd) {
        if (rd.isNull()) return List.of();
        String sql = "SELECT id, name, type, organisation, city, connected, region_code, ST_X(geom), ST_Y(geom), ST_X(geom_wgs84),"
                + " ST_Y(geom_wgs84) FROM institution WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 28992) ORDER BY id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, rd.getMinX());
            ps.setDouble(2, rd.getMinY());
            ps.setDouble(3, rd.getMaxX());
            ps.setDouble(4, rd.getMaxY());
            List<Place> places = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    places.add(new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                            rs.getString(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11)));
                }
            }
            return places;
        } catch (SQLException e) {
            throw new IllegalStateException("reading institutions near a plume failed: " + e.getMessage(), e);
        }
    }
}

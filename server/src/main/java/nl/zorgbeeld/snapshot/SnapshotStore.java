package nl.zorgbeeld.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/** The little SQL the snapshot needs beyond the other capabilities' services: the incident's safety region. */
final class SnapshotStore {
    /** A safety region's outline in RD New and WGS84. */
    record Region(String code, String name, Geometry rd, Geometry wgs84) {}

    private final DataSource dataSource;

    SnapshotStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Region> region(String code) {
        if (code == null) return Optional.empty();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT code, name, ST_AsBinary(geom), ST_AsBinary(geom_wgs84) FROM safety_region WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                WKBReader reader = new WKBReader();
                return Optional.of(new Region(rs.getString(1), rs.getString(2), reader.read(rs.getBytes(3)), reader.read(rs.getBytes(4))));
            }
        } catch (SQLException | ParseException e) {
            throw new IllegalStateException("reading safety region " + code + " failed: " + e.getMessage(), e);
        }
    }
}

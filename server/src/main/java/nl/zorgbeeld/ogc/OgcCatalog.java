package nl.zorgbeeld.ogc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.zorgbeeld.reference.Layer;

/** Which collections exist: the reference layers, then one per incident (newest first). */
final class OgcCatalog {
    private final DataSource dataSource;

    OgcCatalog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<OgcCollection> all() {
        List<OgcCollection> list = new ArrayList<>();
        for (Layer layer : Layer.values()) list.add(OgcCollection.of(layer));
        String sql = "SELECT DISTINCT ON (incident_id) incident_id, title FROM incident_version ORDER BY incident_id DESC, version DESC";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) list.add(OgcCollection.ofIncident(rs.getLong(1), rs.getString(2)));
        } catch (SQLException e) {
            throw new IllegalStateException("listing the incidents' collections failed", e);
        }
        return list;
    }

    Optional<OgcCollection> find(String id) {
        for (Layer layer : Layer.values()) {
            if (layer.path().equals(id)) return Optional.of(OgcCollection.of(layer));
        }
        if (!id.matches(OgcCollection.INCIDENT_PREFIX + "[0-9]{1,18}")) return Optional.empty();
        long incident = Long.parseLong(id.substring(OgcCollection.INCIDENT_PREFIX.length()));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT title FROM incident_version WHERE incident_id = ? ORDER BY version DESC LIMIT 1")) {
            ps.setLong(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(OgcCollection.ofIncident(incident, rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading incident " + incident + " failed", e);
        }
    }
}

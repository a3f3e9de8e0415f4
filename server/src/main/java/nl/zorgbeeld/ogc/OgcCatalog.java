package nl.zorgbeeld.ogc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import nl.zorgbeeld.common.Visibility;
import nl.zorgbeeld.reference.Layer;
import nl.zorgbeeld.reference.ReferenceService;

/** Which collections exist, with their extents: the reference layers, then one per incident (newest first). */
final class OgcCatalog {
    /**
     * Each incident's latest title, its temporal extent (from its start, or its first element if
     * earlier, until it was closed; open while it is not) and the extent of every element version it
     * holds (what datetime can return), in one statement.
     */
    private static final String INCIDENTS = "SELECT v.incident_id, v.title, least(v.started_at, x.first_from),"
            + " CASE WHEN v.status = 'gesloten' THEN greatest(v.recorded_at, x.last_to) END,"
            + " ST_XMin(x.box), ST_YMin(x.box), ST_XMax(x.box), ST_YMax(x.box)"
            + " FROM (SELECT DISTINCT ON (incident_id) incident_id, title, started_at, status, recorded_at, region_code FROM incident_version"
            + "       WHERE %1$s ORDER BY incident_id DESC, version DESC) v"
            + " LEFT JOIN (SELECT incident_id, ST_Extent(geom_wgs84) AS box, min(valid_from) AS first_from, max(valid_to) AS last_to"
            + "       FROM picture_element WHERE %1$s GROUP BY incident_id) x ON x.incident_id = v.incident_id"
            + " WHERE %2$s ORDER BY v.incident_id DESC";

    private final DataSource dataSource;
    private final ReferenceService reference;

    OgcCatalog(DataSource dataSource, ReferenceService reference) {
        this.dataSource = dataSource;
        this.reference = reference;
    }

    /** The reference layers and the incidents {@code visibility} lets the user see. */
    List<OgcCollection> all(Visibility visibility) {
        List<OgcCollection> list = new ArrayList<>();
        Map<Layer, double[]> extents = reference.extents();
        for (Layer layer : Layer.values()) list.add(OgcCollection.of(layer, extents.get(layer)));
        list.addAll(incidents(null, visibility));
        return list;
    }

    /** The collection, without its extent (which only its description needs): cheap enough for every items request. */
    Optional<OgcCollection> find(String id) {
        for (Layer layer : Layer.values()) {
            if (layer.path().equals(id)) return Optional.of(OgcCollection.of(layer, null));
        }
        if (!id.matches(OgcCollection.INCIDENT_PREFIX + "[0-9]{1,18}")) return Optional.empty();
        long incident = Long.parseLong(id.substring(OgcCollection.INCIDENT_PREFIX.length()));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT title FROM incident_version WHERE incident_id = ? ORDER BY version DESC LIMIT 1")) {
            ps.setLong(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(OgcCollection.ofIncident(incident, rs.getString(1), null, null, null)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading incident " + incident + " failed", e);
        }
    }

    /** The collection with its extent. */
    OgcCollection withExtent(OgcCollection collection) {
        if (!collection.isIncident()) return OgcCollection.of(collection.layer(), reference.extents().get(collection.layer()));
        // Only asked for a collection the route check has let through: no visibility filter here.
        return incidents(collection.incidentId(), Visibility.EVERYTHING).stream().findFirst().orElse(collection);
    }

    /** Every visible incident's collection, or only incident {@code only} when it is not null. */
    private List<OgcCollection> incidents(Long only, Visibility visibility) {
        String sql = String.format(INCIDENTS, only == null ? "true" : "incident_id = ?",
                Visibility.condition("v.incident_id", "v.region_code"));
        List<OgcCollection> list = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int next = 1;
            if (only != null) {
                ps.setLong(next++, only);
                ps.setLong(next++, only);
            }
            visibility.bind(ps, next);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getDouble(5);
                    double[] bbox = rs.wasNull() ? null : new double[] {rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)};
                    list.add(OgcCollection.ofIncident(rs.getLong(1), rs.getString(2), bbox, instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing the incidents' collections failed", e);
        }
        return list;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

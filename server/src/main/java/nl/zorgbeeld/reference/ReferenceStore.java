package nl.zorgbeeld.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.zorgbeeld.geo.FeatureCollectionWriter;

/** SQL for the reference layers. Every value is a parameter; table names come from {@link Layer}. */
public final class ReferenceStore {
    private final DataSource dataSource;

    public ReferenceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Streams the layer's features into {@code writer} with a server-side cursor; returns how many. */
    public int streamFeatures(LayerQuery q, FeatureCollectionWriter writer) {
        Layer layer = q.layer();
        StringBuilder sql = new StringBuilder("SELECT json_build_object('type', 'Feature', 'id', t.")
                .append(layer.idColumn())
                .append(", 'geometry', ST_AsGeoJSON(t.geom_wgs84, 6)::json, 'properties', ")
                .append(layer.propertiesSql()).append(")::text FROM ").append(layer.table()).append(" t WHERE true");
        List<Object> params = new ArrayList<>();
        if (!q.types().isEmpty()) {
            sql.append(" AND t.type = ANY (?)");
            params.add(q.types().toArray(String[]::new));
        }
        if (q.regionCode() != null) {
            sql.append(layer == Layer.SAFETY_REGIONS ? " AND t.code = ?" : " AND t.region_code = ?");
            params.add(q.regionCode());
        }
        if (q.bbox() != null) {
            // The transformed box narrows on the RD New index; the exact test is in WGS84.
            sql.append(" AND t.geom && ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, 4326), 28992)")
               .append(" AND ST_Intersects(t.geom_wgs84, ST_MakeEnvelope(?, ?, ?, ?, 4326))");
            for (int i = 0; i < 2; i++) for (double v : q.bbox()) params.add(v);
        }
        sql.append(" ORDER BY t.").append(layer.idColumn()).append(" LIMIT ?");
        params.add(q.limit());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(c, ps, params);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) writer.feature(rs.getString(1));
                }
            } finally {
                c.commit();
            }
            return writer.count();
        } catch (SQLException e) {
            throw new IllegalStateException("reading layer " + layer.path() + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** Feature counts per layer, for /health. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        String sql = "SELECT (SELECT count(*) FROM institution), (SELECT count(*) FROM safety_region),"
                + " (SELECT count(*) FROM municipality), (SELECT count(*) FROM province)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            counts.put(Layer.INSTITUTIONS.path(), rs.getLong(1));
            counts.put(Layer.SAFETY_REGIONS.path(), rs.getLong(2));
            counts.put(Layer.MUNICIPALITIES.path(), rs.getLong(3));
            counts.put(Layer.PROVINCES.path(), rs.getLong(4));
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("counting reference layers failed", e);
        }
    }

    /** Institutions per type, for the legend. */
    public Map<String, Long> institutionTypeCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT type, count(*) FROM institution GROUP BY type ORDER BY type");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) counts.put(rs.getString(1), rs.getLong(2));
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("counting institutions failed", e);
        }
    }

    /** Which sources filled the layers, for attribution and the demo notice. */
    public List<SourceInfo> sources() {
        List<SourceInfo> sources = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT layer, source, attribution, licence, demo, features, loaded_at FROM reference_source ORDER BY layer, source");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sources.add(new SourceInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getInt(6), rs.getObject(7, java.time.OffsetDateTime.class)));
            }
            return sources;
        } catch (SQLException e) {
            throw new IllegalStateException("reading reference sources failed", e);
        }
    }

    public record SourceInfo(String layer, String source, String attribution, String licence, boolean demo,
                             int features, java.time.OffsetDateTime loadedAt) {}
}

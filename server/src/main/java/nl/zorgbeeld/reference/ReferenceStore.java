package nl.zorgbeeld.reference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.geo.FeatureCollectionWriter;
import nl.zorgbeeld.geo.FeatureRows;
import nl.zorgbeeld.geo.SqlWhere;
import nl.zorgbeeld.geo.StreamedPage;

/** SQL for the reference layers. Every value is a parameter; table names come from {@link Layer}. */
public final class ReferenceStore {
    private final DataSource dataSource;

    public ReferenceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Streams up to {@code limit} features, in id order after {@code after}, into {@code writer} with a
     * server-side cursor. One row more is read to know whether another page follows.
     */
    public StreamedPage streamFeatures(LayerQuery q, FeatureCollectionWriter writer) {
        Layer layer = q.layer();
        String geometry = q.crs() == Crs.RD_NEW ? "t.geom" : "t.geom_wgs84";
        SqlWhere where = where(q);
        String sql = "SELECT json_build_object('type', 'Feature', 'id', t." + layer.idColumn()
                + ", 'geometry', ST_AsGeoJSON(" + geometry + ", " + q.crs().decimals() + ")::json, 'properties', "
                + layer.propertiesSql() + ")::text, t." + layer.idColumn() + " FROM " + layer.table() + " t" + layer.sourceJoin() + where.sql()
                + " ORDER BY t." + layer.idColumn();
        return FeatureRows.stream(dataSource, sql, where, q.limit(), q.offset(), writer);
    }

    /** How many features match the query, ignoring limit and offset (OGC numberMatched). */
    public long count(LayerQuery q) {
        SqlWhere where = where(q);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + q.layer().table() + " t" + where.sql())) {
            where.bind(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting layer " + q.layer().path() + " failed", e);
        }
    }

    /** One feature by id, in the given CRS, or null. */
    public String feature(Layer layer, String id, Crs crs) {
        String geometry = crs == Crs.RD_NEW ? "t.geom" : "t.geom_wgs84";
        String sql = "SELECT json_build_object('type', 'Feature', 'id', t." + layer.idColumn()
                + ", 'geometry', ST_AsGeoJSON(" + geometry + ", " + crs.decimals() + ")::json, 'properties', "
                + layer.propertiesSql() + ")::text FROM " + layer.table() + " t" + layer.sourceJoin() + " WHERE t." + layer.idColumn() + " = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a feature of " + layer.path() + " failed", e);
        }
    }

    private static SqlWhere where(LayerQuery q) {
        SqlWhere where = new SqlWhere();
        if (!q.types().isEmpty()) where.and("t.type = ANY (?)", (Object) q.types().toArray(String[]::new));
        if (q.regionCode() != null) {
            where.and(q.layer() == Layer.SAFETY_REGIONS ? "t.code = ?" : "t.region_code = ?", q.regionCode());
        }
        if (q.bbox() != null) where.bbox("t", q.bbox(), q.bboxCrs());
        if (q.after() != null) where.and("t." + q.layer().idColumn() + " > ?", q.after());
        if (q.updated() != null && q.updated().start() != null) where.and("t.updated_at >= ?", q.updated().start());
        if (q.updated() != null && q.updated().end() != null) where.and("t.updated_at <= ?", q.updated().end());
        return where;
    }

    /** Each layer's change counter (reference_layer_change): it goes up with every transaction that changes the layer. */
    public Map<Layer, Long> changeVersions() {
        Map<Layer, Long> versions = new EnumMap<>(Layer.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT layer, version FROM reference_layer_change");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String path = rs.getString(1);
                for (Layer layer : Layer.values()) if (layer.path().equals(path)) versions.put(layer, rs.getLong(2));
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the reference layers' change counters failed", e);
        }
    }

    /** The layer's extent in CRS84 {west, south, east, north}, or null when it is empty. */
    public double[] extent(Layer layer) {
        String sql = "SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM (SELECT ST_Extent(geom_wgs84) AS b FROM "
                + layer.table() + ") x WHERE b IS NOT NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)} : null;
        } catch (SQLException e) {
            throw new IllegalStateException("computing the extent of " + layer.path() + " failed", e);
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

package nl.zorgbeeld.geo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause built from fixed SQL fragments with every value as a parameter. Fragments come from
 * code, never from a request.
 */
public final class SqlWhere {
    private final StringBuilder sql = new StringBuilder(" WHERE true");
    private final List<Object> params = new ArrayList<>();

    /** Adds {@code AND fragment}, binding {@code values} to its placeholders in order. */
    public SqlWhere and(String fragment, Object... values) {
        sql.append(" AND ").append(fragment);
        params.addAll(List.of(values));
        return this;
    }

    /**
     * Adds a bounding-box test on {@code alias.geom} (stored in EPSG:28992): the box is transformed to
     * the storage CRS so the GiST index narrows the search, then tested exactly.
     *
     * @param box {minX, minY, maxX, maxY} in {@code crs}
     */
    public SqlWhere bbox(String alias, double[] box, Crs crs) {
        String envelope = "ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, " + crs.srid() + "), 28992)";
        sql.append(" AND ").append(alias).append(".geom && ").append(envelope)
           .append(" AND ST_Intersects(").append(alias).append(".geom, ").append(envelope).append(")");
        for (int i = 0; i < 2; i++) for (double v : box) params.add(v);
        return this;
    }

    public String sql() { return sql.toString(); }

    public List<Object> params() { return List.copyOf(params); }

    /** Binds the parameters from position {@code first} on; returns the next free position. */
    public int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object p : params) {
            if (p instanceof String[] array) {
                ps.setArray(i++, c.createArrayOf("text", array));
            } else if (p instanceof java.time.Instant instant) {
                ps.setObject(i++, java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
            } else {
                ps.setObject(i++, p);
            }
        }
        return i;
    }
}

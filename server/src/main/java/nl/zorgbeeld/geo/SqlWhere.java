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
     * Adds a bounding-box test, on the indexed column in the box's own CRS so that the GiST index
     * narrows the search and no box is transformed: CRS84 boxes on {@code alias.geom_wgs84}, RD New
     * boxes on {@code alias.geom}. A CRS84 box whose west edge exceeds its east edge crosses the
     * antimeridian and is tested as its two halves.
     *
     * @param box {minX, minY, maxX, maxY} in {@code crs}
     */
    public SqlWhere bbox(String alias, double[] box, Crs crs) {
        String column = alias + (crs == Crs.RD_NEW ? ".geom" : ".geom_wgs84");
        if (crs == Crs.CRS84 && box[0] > box[2]) {
            sql.append(" AND (");
            envelope(column, new double[] {box[0], box[1], 180, box[3]}, crs);
            sql.append(" OR ");
            envelope(column, new double[] {-180, box[1], box[2], box[3]}, crs);
            sql.append(")");
        } else {
            sql.append(" AND ");
            envelope(column, box, crs);
        }
        return this;
    }

    private void envelope(String column, double[] box, Crs crs) {
        String envelope = "ST_MakeEnvelope(?, ?, ?, ?, " + crs.srid() + ")";
        sql.append("(").append(column).append(" && ").append(envelope)
           .append(" AND ST_Intersects(").append(column).append(", ").append(envelope).append("))");
        for (int i = 0; i < 2; i++) for (double v : box) params.add(v);
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

package nl.zorgbeeld.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Derives which safety region and municipality each institution lies in (and the region and province
 * of each municipality when its source did not say). Points just outside the generalised boundaries,
 * on the coast, take the nearest area within 2 km.
 */
final class SpatialDerivation {
    private static final String[] STATEMENTS = {
        "UPDATE municipality m SET region_code = r.code FROM safety_region r"
                + " WHERE m.region_code IS NULL AND ST_Intersects(r.geom, ST_PointOnSurface(m.geom))",
        "UPDATE municipality m SET province_code = p.code FROM province p"
                + " WHERE m.province_code IS NULL AND ST_Intersects(p.geom, ST_PointOnSurface(m.geom))",
        "UPDATE institution i SET region_code = r.code FROM safety_region r"
                + " WHERE ST_Intersects(r.geom, i.geom) AND i.region_code IS DISTINCT FROM r.code",
        "UPDATE institution i SET region_code = (SELECT r.code FROM safety_region r WHERE ST_DWithin(r.geom, i.geom, 2000)"
                + " ORDER BY r.geom <-> i.geom LIMIT 1)"
                + " WHERE NOT EXISTS (SELECT 1 FROM safety_region r WHERE ST_Intersects(r.geom, i.geom))",
        "UPDATE institution i SET municipality_code = m.code FROM municipality m"
                + " WHERE ST_Intersects(m.geom, i.geom) AND i.municipality_code IS DISTINCT FROM m.code",
        "UPDATE institution i SET municipality_code = (SELECT m.code FROM municipality m WHERE ST_DWithin(m.geom, i.geom, 2000)"
                + " ORDER BY m.geom <-> i.geom LIMIT 1)"
                + " WHERE NOT EXISTS (SELECT 1 FROM municipality m WHERE ST_Intersects(m.geom, i.geom))",
    };

    private SpatialDerivation() {}

    static void run(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : STATEMENTS) s.executeUpdate(sql);
        }
    }
}

package nl.zorgbeeld.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A synthetic, clearly labelled demo set for a machine without real data: regions and municipalities
 * as grid cells cut from the land outline, institutions at seeded random points inside it. Fills only
 * the layers that are empty, so real boundaries from the official source are kept.
 */
public final class DemoData {
    public static final String SOURCE = "Synthetische demodata (geen echte gegevens)";
    private static final String CELLS = "SELECT row_number() OVER (ORDER BY g.i, g.j) AS n,"
            + " ST_Multi(ST_CollectionExtract(ST_Intersection(o.geom, g.geom), 3)) AS geom"
            + " FROM land_outline o, ST_SquareGrid(%d, o.geom) g WHERE ST_Intersects(o.geom, g.geom)";
    private static final String[] TYPES = {
        "ziekenhuis", "ziekenhuis", "ambulancepost", "huisartsenpost", "ggd", "vvt", "vvt", "vvt", "vvt", "ghz", "ghz", "ghz",
        "ggz", "buitenpolikliniek", "categorale_instelling", "huisartsenpraktijk", "huisartsenpraktijk", "apotheek", "apotheek"
    };

    private final DataSource dataSource;

    public DemoData(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void generate() {
        String typeArray = "ARRAY['" + String.join("','", TYPES) + "']";
        String[] statements = {
            "INSERT INTO province (code, name, source, demo, geom) SELECT 'DEMO-PV' || lpad(n::text, 2, '0'), 'Demoprovincie ' || n, '"
                    + SOURCE + "', true, geom FROM (" + String.format(CELLS, 90_000) + ") c"
                    + " WHERE NOT ST_IsEmpty(geom) AND NOT EXISTS (SELECT 1 FROM province)",
            "INSERT INTO safety_region (code, name, source, demo, geom) SELECT 'DEMO-VR' || lpad(n::text, 2, '0'), 'Demoregio ' || n, '"
                    + SOURCE + "', true, geom FROM (" + String.format(CELLS, 50_000) + ") c"
                    + " WHERE NOT ST_IsEmpty(geom) AND NOT EXISTS (SELECT 1 FROM safety_region)",
            "INSERT INTO municipality (code, name, source, demo, geom) SELECT 'DEMO-GM' || lpad(n::text, 3, '0'), 'Demogemeente ' || n, '"
                    + SOURCE + "', true, geom FROM (" + String.format(CELLS, 15_000) + ") c"
                    + " WHERE NOT ST_IsEmpty(geom) AND NOT EXISTS (SELECT 1 FROM municipality)",
            "INSERT INTO institution (id, type, name, organisation, city, connected, source, demo, geom)"
                    + " SELECT 'demo:' || p.path[1], t.type, 'Demo-' || t.type || ' ' || p.path[1], 'Demo-organisatie', 'Demoplaats',"
                    + " t.type IN ('ziekenhuis', 'ambulancepost', 'huisartsenpost', 'ggd'), '" + SOURCE + "', true, p.geom"
                    + " FROM land_outline o, ST_Dump(ST_GeneratePoints(o.geom, 1500, 2024)) p,"
                    + " LATERAL (SELECT (" + typeArray + ")[1 + (p.path[1] % " + TYPES.length + ")] AS type) t"
                    + " WHERE NOT EXISTS (SELECT 1 FROM institution)",
            "INSERT INTO reference_source (layer, source, attribution, licence, demo, features)"
                    + " SELECT l.layer, '" + SOURCE + "', 'Synthetische demodata', 'geen', true, l.n FROM (VALUES"
                    + " ('provinces', (SELECT count(*) FROM province WHERE demo)),"
                    + " ('safety-regions', (SELECT count(*) FROM safety_region WHERE demo)),"
                    + " ('municipalities', (SELECT count(*) FROM municipality WHERE demo)),"
                    + " ('institutions', (SELECT count(*) FROM institution WHERE demo))) l(layer, n)"
                    + " WHERE l.n > 0 ON CONFLICT (layer, source) DO UPDATE SET features = EXCLUDED.features",
        };
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statements) s.executeUpdate(sql);
            SpatialDerivation.run(c);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("generating the demo data failed", e);
        }
    }
}

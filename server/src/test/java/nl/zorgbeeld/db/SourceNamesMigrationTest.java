package nl.zorgbeeld.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import nl.zorgbeeld.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V8 rewrites the sources that earlier imports stored as server paths or URLs into source names.
 * Runs the real migrations in a schema of its own: up to V6, rows as an old import left them, then
 * the rest.
 */
class SourceNamesMigrationTest {
    private static final String SCHEMA = "v8_migration_check";

    @BeforeEach
    @AfterEach
    void dropSchema() {
        TestDatabase.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(TestDatabase.dataSource()).schemas(SCHEMA).locations("classpath:db/migration")
                .target(target).load();
    }

    private static final String BEFORE_V8 = "6";

    @Test
    void pathsAndUrlsBecomeSourceNames() throws SQLException {
        flyway(BEFORE_V8).migrate();
        String square = "ST_GeomFromText('MULTIPOLYGON(((136000 455000,137000 455000,137000 456000,136000 456000,136000 455000)))', 28992)";
        inSchema("INSERT INTO municipality (code, name, source, geom) VALUES"
                        + " ('GM1', 'Een', '/srv/zorgbeeld/data/boundaries/gemeenten_2023.geojson', " + square + "),"
                        + " ('GM2', 'Twee', 'https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1/collections/gemeente_gegeneraliseerd/items?jaarcode=2023', "
                        + square + "),"
                        + " ('GM3', 'Drie', 'C:\\data\\gemeenten_oud.geojson', " + square + ")",
                "INSERT INTO institution (id, type, name, connected, source, geom) VALUES"
                        + " ('vvt:1', 'vvt', 'Huis', false, '/home/ghor/registers/vvt_evz_2026-07.geojson', ST_SetSRID(ST_MakePoint(136500, 455500), 28992)),"
                        + " ('vvt:2', 'vvt', 'Demo', false, 'Synthetische demodata (geen echte gegevens)', ST_SetSRID(ST_MakePoint(136600, 455500), 28992))",
                "INSERT INTO reference_source (layer, source, attribution, licence, features, loaded_at) VALUES"
                        + " ('institutions', '/old/folder/vvt_evz_2026-07.geojson', 'EVZ', 'x', 1, now() - interval '1 day'),"
                        + " ('institutions', '/home/ghor/registers/vvt_evz_2026-07.geojson', 'EVZ', 'x', 2, now()),"
                        + " ('municipalities', '/srv/zorgbeeld/data/boundaries/gemeenten_2023.geojson', 'CBS', 'CC BY 4.0', 1, now())");

        flyway("latest").migrate();

        assertEquals(List.of("gemeenten_2023.geojson", "gemeente_gegeneraliseerd", "gemeenten_oud.geojson"),
                column("SELECT source FROM municipality ORDER BY code"));
        assertEquals(List.of("vvt_evz_2026-07.geojson", "Synthetische demodata (geen echte gegevens)"),
                column("SELECT source FROM institution ORDER BY id"));
        assertEquals(List.of("institutions vvt_evz_2026-07.geojson 2", "municipalities gemeenten_2023.geojson 1"),
                column("SELECT layer || ' ' || source || ' ' || features FROM reference_source ORDER BY layer"),
                "the same file loaded from two folders is one source, the latest load");
    }

    private static void inSchema(String... statements) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // Local to this transaction, so the pooled connection keeps its own search path.
                s.execute("SET LOCAL search_path = " + SCHEMA + ", public");
                for (String sql : statements) s.execute(sql);
            }
            c.commit();
        }
    }

    private static List<String> column(String sql) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL search_path = " + SCHEMA + ", public");
            }
            List<String> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) values.add(rs.getString(1));
            }
            c.commit();
            return values;
        }
    }
}

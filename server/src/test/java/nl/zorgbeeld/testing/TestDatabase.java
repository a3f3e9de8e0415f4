package nl.zorgbeeld.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import nl.zorgbeeld.db.Database;

/**
 * The real PostGIS test database that {@code ./zorgbeeld test} starts (ZORGBEELD_TEST_DATABASE_URL),
 * opened and migrated once per test run. There is no mock: tests that need a database use this.
 */
public final class TestDatabase {
    private static Database database;

    private TestDatabase() {}

    public static synchronized Database get() {
        if (database == null) {
            String url = System.getenv("ZORGBEELD_TEST_DATABASE_URL");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("ZORGBEELD_TEST_DATABASE_URL is not set: run the tests with ./zorgbeeld test");
            }
            database = Database.open(url);
        }
        return database;
    }

    public static DataSource dataSource() {
        return get().dataSource();
    }

    /** Empties the reference layers, so a test starts from a known state. */
    public static void clearReferenceData() {
        execute("TRUNCATE institution, safety_region, municipality, province, land_outline, reference_source");
    }

    public static void execute(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * The real reference data beside the project (ZORGBEELD_DATA), or null when absent. Under CI
     * (CI=true) its absence is a failure, not a reason to skip.
     */
    public static Path realData() {
        String dir = System.getenv("ZORGBEELD_DATA");
        Path path = dir == null || dir.isBlank() ? null : Path.of(dir);
        if (path == null || !Files.isDirectory(path)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but ZORGBEELD_DATA (" + dir + ") is not a folder: the real-data tests must run in CI");
            }
            return null;
        }
        return path;
    }

    /** The project's root folder (where pom.xml is). */
    public static Path projectDir() {
        return Path.of(System.getProperty("zb.project.dir", "."));
    }
}

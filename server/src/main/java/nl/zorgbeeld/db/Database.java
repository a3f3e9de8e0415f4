package nl.zorgbeeld.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool, the PostGIS check and the schema migrations. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final String postgisVersion;

    private Database(HikariDataSource dataSource, String postgisVersion) {
        this.dataSource = dataSource;
        this.postgisVersion = postgisVersion;
    }

    /** Connects, refuses a database without PostGIS 3, and migrates the schema. */
    public static Database open(String databaseUrl) {
        HikariConfig config = new HikariConfig();
        JdbcUrl url = JdbcUrl.parse(databaseUrl);
        config.setJdbcUrl(url.jdbc());
        if (url.user() != null) config.setUsername(url.user());
        if (url.password() != null) config.setPassword(url.password());
        config.setMaximumPoolSize(12);
        config.setPoolName("zorgbeeld");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to the database at " + url.display() + ": " + rootMessage(e), e);
        }
        try {
            String version = checkPostgis(ds, url.display());
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            return new Database(ds, version);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static String checkPostgis(DataSource ds, String where) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'postgis'")) {
                if (!rs.next()) {
                    try {
                        s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
                    } catch (SQLException e) {
                        throw new IllegalStateException("PostGIS 3 is not available in the database at " + where
                                + ": install PostGIS there and run CREATE EXTENSION postgis (" + e.getMessage() + ")");
                    }
                    return checkPostgis(ds, where);
                }
                String version = rs.getString(1);
                if (!version.startsWith("3.")) {
                    throw new IllegalStateException("the database at " + where + " has PostGIS " + version + "; Zorgbeeld needs PostGIS 3");
                }
                return version;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query the database at " + where + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }

    public DataSource dataSource() { return dataSource; }

    public String postgisVersion() { return postgisVersion; }

    @Override
    public void close() { dataSource.close(); }

    /** DATABASE_URL in either libpq URI form or JDBC form. */
    record JdbcUrl(String jdbc, String user, String password, String display) {
        static JdbcUrl parse(String raw) {
            String value = raw.trim();
            if (value.startsWith("jdbc:")) {
                return new JdbcUrl(value, null, null, value.replaceAll("password=[^&]*", "password=***"));
            }
            URI uri = URI.create(value);
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
                throw new IllegalArgumentException("DATABASE_URL must start with postgresql:// or jdbc:postgresql://");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
            return new JdbcUrl(jdbc, user, password, jdbc);
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }
}

package nl.zorgbeeld.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.sql.SQLException;
import nl.zorgbeeld.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Connecting: DATABASE_URL forms, the PostGIS 3 requirement, and clear messages when it fails. */
class DatabaseTest {

    @Test
    void readsLibpqAndJdbcUrls() {
        Database.JdbcUrl libpq = Database.JdbcUrl.parse("postgresql://zorg%40beeld:ge%3Aheim@db.example:6543/zorgbeeld?sslmode=require");
        assertEquals("jdbc:postgresql://db.example:6543/zorgbeeld?sslmode=require", libpq.jdbc());
        assertEquals("zorg@beeld", libpq.user());
        assertEquals("ge:heim", libpq.password());
        assertEquals("jdbc:postgresql://localhost:5432/z", Database.JdbcUrl.parse("postgres://localhost/z").jdbc());
        assertEquals("jdbc:postgresql://h:1/d?user=u", Database.JdbcUrl.parse("jdbc:postgresql://h:1/d?user=u").jdbc());
        assertTrue(Database.JdbcUrl.parse("jdbc:postgresql://h/d?password=secret").display().contains("password=***"));
        assertThrows(IllegalArgumentException.class, () -> Database.JdbcUrl.parse("mysql://h/d"));
    }

    @Test
    void theTestDatabaseHasPostgis3AndIsMigrated() {
        assertTrue(TestDatabase.get().postgisVersion().startsWith("3."));
    }

    @Test
    void anUnreachableDatabaseIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Database.open("postgresql://nobody@127.0.0.1:9/nothing"));
        assertTrue(e.getMessage().startsWith("cannot connect to the database at jdbc:postgresql://127.0.0.1:9/nothing"), e.getMessage());
    }

    /** A database where PostGIS cannot be created (a role that may not create extensions) is refused by name. */
    @Test
    void aDatabaseWithoutPostgisIsRefusedWithAClearMessage() throws SQLException {
        URI url = URI.create(System.getenv("ZORGBEELD_TEST_DATABASE_URL").replaceFirst("^jdbc:", ""));
        try {
            TestDatabase.execute("DROP DATABASE IF EXISTS zb_without_postgis");
            TestDatabase.execute("DROP ROLE IF EXISTS zb_plain");
            TestDatabase.execute("CREATE ROLE zb_plain LOGIN");
            TestDatabase.execute("CREATE DATABASE zb_without_postgis OWNER zb_plain");
        } catch (IllegalStateException e) {
            assumeTrue(false, "this database server does not let the tests create roles and databases: " + e.getMessage());
        }
        String plain = "postgresql://zb_plain@" + url.getHost() + ":" + url.getPort() + "/zb_without_postgis";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.open(plain));
        assertTrue(e.getMessage().contains("PostGIS 3 is not available in the database"), e.getMessage());
        TestDatabase.execute("DROP DATABASE zb_without_postgis");
        TestDatabase.execute("DROP ROLE zb_plain");
    }
}

package nl.zorgbeeld.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import nl.zorgbeeld.testing.TestDatabase;

/**
 * Institutions for the status tests, each test class in its own made-up safety region and with its
 * own id prefix: the test database is shared with classes that empty the institution layer, and a
 * regional overview must only see this class's institutions.
 */
final class StatusFixtures {
    private StatusFixtures() {}

    record Place(String id, String name, String type, double lon, double lat) {}

    /** Replaces the institutions and status reports whose id starts with {@code prefix}. */
    static void institutions(String prefix, String region, List<Place> places) {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            for (String table : new String[] {"institution_status_bed", "institution_status_report", "institution_status", "institution"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE "
                        + (table.equals("institution") ? "id" : "institution_id") + " LIKE ?")) {
                    ps.setString(1, prefix + "%");
                    ps.executeUpdate();
                }
            }
            String sql = "INSERT INTO institution (id, type, name, connected, region_code, source, geom)"
                    + " VALUES (?, ?, ?, true, ?, 'statustest', ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), 28992))";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Place p : places) {
                    ps.setString(1, p.id());
                    ps.setString(2, p.type());
                    ps.setString(3, p.name());
                    ps.setString(4, region);
                    ps.setDouble(5, p.lon());
                    ps.setDouble(6, p.lat());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new incident in {@code region} with status {@code status}; returns its id. */
    static long incident(String title, String status, String region) {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident (created_by_author, created_by_organisation)"
                    + " VALUES ('Test', 'GHOR Test') RETURNING id")) {
                var rs = ps.executeQuery();
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_version (incident_id, version, title, type, started_at,"
                    + " scaled_up_at, region_code, grip, care_phase, status, exercise, regie_person, regie_organisation, author, organisation)"
                    + " VALUES (?, 1, ?, 'brand', now(), now(), ?, '1', 'regulier', ?, true, 'HIN Test', 'GHOR Test', 'Test', 'GHOR Test')")) {
                ps.setLong(1, id);
                ps.setString(2, title);
                ps.setString(3, region);
                ps.setString(4, status);
                ps.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

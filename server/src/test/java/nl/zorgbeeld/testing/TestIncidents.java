package nl.zorgbeeld.testing;

/** Incidents made directly in the test database, for tests of what hangs off an incident. */
public final class TestIncidents {
    private TestIncidents() {}

    /** A new incident in the fixtures' region ({@link TestUsers#REGION}) with the given status ('actief', 'gesloten', ...); returns its id. */
    public static long create(String title, String status) {
        return create(title, status, TestUsers.REGION);
    }

    /** A new incident of safety region {@code region}; returns its id. */
    public static long create(String title, String status, String region) {
        long id = ((Number) Sql.one("INSERT INTO incident (created_by_author, created_by_organisation)"
                + " VALUES ('Test', 'GHOR Test') RETURNING id")).longValue();
        Sql.rows("INSERT INTO incident_version (incident_id, version, title, type, started_at, scaled_up_at, region_code, grip, care_phase,"
                + " status, exercise, regie_person, regie_organisation, author, organisation)"
                + " VALUES (?, 1, ?, 'brand', now(), now(), ?, '1', 'regulier', ?, true, 'HIN Test', 'GHOR Test', 'Test', 'GHOR Test')"
                + " RETURNING incident_id", id, title, region, status);
        return id;
    }
}

package nl.zorgbeeld.analysis;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Coded;

/**
 * SQL of the network analysis. Every value is a parameter. Per request the database is asked only
 * small things (the current elements of an incident, its statuses and marks); the institution layer
 * is read whole when it changed ({@link InstitutionLayers}) and the geometry is done in memory by
 * {@link Analyzer}.
 */
public final class AnalysisStore {
    private static final String INSTITUTION_COLUMNS = "i.id, i.name, i.type, i.organisation, i.connected, i.region_code,"
            + " r.name, i.phone, i.email, i.street, i.house_number, i.postcode, i.city,"
            + " ST_X(i.geom), ST_Y(i.geom), ST_X(i.geom_wgs84), ST_Y(i.geom_wgs84)";
    /** Advisory lock class for "the analysis of incident N" (the second key is N). */
    private static final int ANALYSIS_LOCK = 0x5A42;
    /** The element kinds that can affect institutions. */
    private static final String HAZARD_KINDS = "('incidentlocatie', 'incidentgebied', 'effectgebied')";
    /** The incident's current hazard rows, ascending, for an incident aliased {@code i}. */
    private static final String CURRENT_ROWS = "coalesce((SELECT array_agg(e.row_id ORDER BY e.row_id) FROM picture_element e"
            + " WHERE e.incident_id = i.id AND e.valid_to IS NULL AND e.kind IN " + HAZARD_KINDS + "), '{}')";
    /** SQLSTATE of a lock not granted within lock_timeout. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** A hazard element as stored; {@code wkb} is null when the caller said it has the geometry already. */
    public record HazardRow(UUID elementId, long rowId, int version, String kind, String label, String zone, byte[] wkb) {}

    /** The hazard elements of an incident, and the version of the reference data at the same moment. */
    public record HazardRows(List<HazardRow> rows, long referenceVersion) {}

    /**
     * Everything an incident's analysis depends on, read in one statement, plus how far its recorded
     * part has followed the picture ({@link AnalysisState}). The inputs: the reference data version,
     * the current hazard rows (a row never changes, so the list changes with every change of a hazard),
     * the sum of the stakeholder status versions (each status change adds one) and the latest
     * recomputation that newly affected institutions (those are serialised per incident).
     */
    public record Inputs(long referenceVersion, List<Long> hazardRows, long statusVersions, long newlyAffectedRun) {}

    /** The inputs of an incident's analysis and the state of its recording; empty when there is no such incident. */
    public Optional<AnalysisState> state(Connection c, long incidentId) throws SQLException {
        String sql = "SELECT (SELECT version FROM reference_layer_version), " + CURRENT_ROWS + ","
                + " (SELECT coalesce(sum(s.version), 0) FROM stakeholder s WHERE s.incident_id = i.id),"
                + " (SELECT coalesce(max(r.id), 0) FROM analysis_run r WHERE r.incident_id = i.id AND r.added > 0),"
                + " st.recorded_rows, st.failed_rows, st.failed_at, st.failure_reference"
                + " FROM incident i LEFT JOIN analysis_state st ON st.incident_id = i.id WHERE i.id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Inputs inputs = new Inputs(rs.getLong(1), rows(rs.getArray(2)), rs.getLong(3), rs.getLong(4));
                return Optional.of(new AnalysisState(incidentId, inputs, rows(rs.getArray(5)), rows(rs.getArray(6)),
                        rs.getObject(7, OffsetDateTime.class), rs.getString(8)));
            }
        }
    }

    private static List<Long> rows(Array array) throws SQLException {
        if (array == null) return null;
        List<Long> rows = new ArrayList<>();
        for (Object row : (Object[]) array.getArray()) rows.add(((Number) row).longValue());
        return rows;
    }

    /** Records that the analysis has been recomputed from these hazard rows; clears an earlier failure. */
    public void recorded(Connection c, long incidentId, List<Long> hazardRows) throws SQLException {
        String sql = "INSERT INTO analysis_state (incident_id, recorded_rows, recorded_at) VALUES (?, ?, now())"
                + " ON CONFLICT (incident_id) DO UPDATE SET recorded_rows = EXCLUDED.recorded_rows, recorded_at = EXCLUDED.recorded_at,"
                + " failed_rows = NULL, failed_at = NULL, failure_reference = NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setArray(2, c.createArrayOf("bigint", hazardRows.toArray()));
            ps.executeUpdate();
        }
    }

    /** Records that recomputing the analysis from the incident's current hazards failed; {@code reference} is in the log. */
    public void failed(Connection c, long incidentId, String reference) throws SQLException {
        String sql = "INSERT INTO analysis_state (incident_id, failed_rows, failed_at, failure_reference)"
                + " SELECT i.id, " + CURRENT_ROWS + ", now(), ? FROM incident i WHERE i.id = ?"
                + " ON CONFLICT (incident_id) DO UPDATE SET failed_rows = EXCLUDED.failed_rows, failed_at = EXCLUDED.failed_at,"
                + " failure_reference = EXCLUDED.failure_reference";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, reference);
            ps.setLong(2, incidentId);
            ps.executeUpdate();
        }
    }

    /** A recomputation that failed and has not been made good: the incident's hazards are still those it failed for. */
    public record Failure(long incidentId, OffsetDateTime at, String reference) {}

    /** The standing failures, latest first. */
    public List<Failure> failures(Connection c) throws SQLException {
        String sql = "SELECT s.incident_id, s.failed_at, s.failure_reference FROM analysis_state s JOIN incident i ON i.id = s.incident_id"
                + " WHERE s.failed_at IS NOT NULL AND s.failed_rows = " + CURRENT_ROWS + " ORDER BY s.failed_at DESC, s.incident_id";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<Failure> failures = new ArrayList<>();
            while (rs.next()) failures.add(new Failure(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)));
            return failures;
        }
    }

    /** Who made the latest change of the incident's elements (the recorded analysis follows it), if anyone did. */
    public Optional<Actor> latestElementAuthor(Connection c, long incidentId) throws SQLException {
        String sql = "SELECT author, organisation FROM change_event WHERE incident_id = ? AND action LIKE 'element.%'"
                + " ORDER BY occurred_at DESC, id DESC LIMIT 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Actor(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /**
     * What an incident records about institutions: their status (only those with one recorded), and
     * those the latest recomputation that added institutions added ("newly affected"), with its time.
     */
    public record Marks(Map<String, Stakeholder> statuses, Set<String> newlyAffected, OffsetDateTime newlyAffectedAt) {
        /** The status of an institution in the incident: the recorded one, else the initial one. */
        public Stakeholder status(Institution institution) {
            Stakeholder status = statuses.get(institution.id());
            return status != null ? status : Stakeholder.initial(institution.id(), institution.name());
        }
    }

    /**
     * An institution in the last recorded result of an incident: what the next comparison needs (its
     * zone, and since which runs it is affected and in this zone). Distances are in the analysis itself
     * and in the recorded changes; kept here they would make every redrawn zone rewrite every row.
     */
    public record SnapshotRow(String institutionId, String institutionName, Zone zone, long affectedRunId, long zoneRunId) {}

    /** A recorded difference between two snapshots. */
    public record ChangeRow(long runId, OffsetDateTime computedAt, String institutionId, String institutionName, AnalysisChange change,
                            Zone fromZone, Zone toZone, Double distance, Actor actor) {}

    /**
     * The current hazard elements of an incident (incident location, area, effect zones) and the
     * reference data version; empty when there is no such incident. The geometry is left out for the
     * rows in {@code cachedRows}.
     */
    public Optional<HazardRows> hazards(Connection c, long incidentId, Collection<Long> cachedRows) throws SQLException {
        String sql = "SELECT (SELECT version FROM reference_layer_version), e.element_id, e.row_id, e.version, e.kind, e.label,"
                + " e.attributes->>'zone', CASE WHEN e.row_id = ANY (?) THEN NULL ELSE ST_AsBinary(e.geom) END"
                + " FROM incident i LEFT JOIN picture_element e ON e.incident_id = i.id AND e.valid_to IS NULL"
                + " AND e.kind IN " + HAZARD_KINDS
                + " WHERE i.id = ? ORDER BY e.kind, e.element_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", cachedRows.toArray()));
            ps.setLong(2, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long referenceVersion = rs.getLong(1);
                List<HazardRow> rows = new ArrayList<>();
                do {
                    if (rs.getObject(2) == null) continue;
                    rows.add(new HazardRow(rs.getObject(2, UUID.class), rs.getLong(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getBytes(8)));
                } while (rs.next());
                return Optional.of(new HazardRows(rows, referenceVersion));
            }
        }
    }

    /** The geometry (WKB, RD New) of one stored element version. */
    public byte[] geometry(Connection c, long rowId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ST_AsBinary(geom) FROM picture_element WHERE row_id = ?")) {
            ps.setLong(1, rowId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("picture_element row " + rowId + " vanished");
                return rs.getBytes(1);
            }
        }
    }

    /** The status of the incident's current version, or empty when there is no such incident. */
    public Optional<String> incidentStatus(Connection c, long incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status FROM incident_version WHERE incident_id = ? ORDER BY version DESC LIMIT 1")) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The whole institution layer, for {@link InstitutionLayer}, read in portions through a cursor. */
    public List<Institution> allInstitutions(Connection c) throws SQLException {
        String sql = "SELECT " + INSTITUTION_COLUMNS + " FROM institution i LEFT JOIN safety_region r ON r.code = i.region_code";
        boolean autoCommit = c.getAutoCommit();
        // The driver uses a cursor only inside a transaction; one opened here only read, so it is rolled back.
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(5000);
            return institutions(ps);
        } finally {
            if (autoCommit) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * The statuses recorded in the incident and the institutions newly affected by its latest
     * recomputation that added any: both small, so one round trip reads them for every request.
     */
    public Marks marks(Connection c, long incidentId) throws SQLException {
        String sql = "SELECT 's', v.institution_id, v.institution_name, v.status, v.note, v.version, v.recorded_at, v.author,"
                + " v.organisation, NULL::text[] FROM stakeholder s JOIN stakeholder_version v ON v.incident_id = s.incident_id"
                + " AND v.institution_id = s.institution_id AND v.version = s.version WHERE s.incident_id = ?"
                + " UNION ALL SELECT 'n', NULL, NULL, NULL, NULL, NULL, r.computed_at, NULL, NULL, array_agg(ch.institution_id)"
                + " FROM analysis_run r JOIN analysis_change ch ON ch.incident_id = r.incident_id AND ch.run_id = r.id"
                + " AND ch.change = 'nieuw' WHERE r.incident_id = ?"
                + " AND r.id = (SELECT max(id) FROM analysis_run WHERE incident_id = ? AND added > 0) GROUP BY r.computed_at";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setLong(2, incidentId);
            ps.setLong(3, incidentId);
            Map<String, Stakeholder> statuses = new HashMap<>();
            Set<String> newlyAffected = new HashSet<>();
            OffsetDateTime newlyAt = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(2);
                    OffsetDateTime at = rs.getObject(7, OffsetDateTime.class);
                    if (rs.getString(1).equals("n")) {
                        newlyAffected.addAll(List.of((String[]) rs.getArray(10).getArray()));
                        newlyAt = at;
                    } else {
                        statuses.put(id, new Stakeholder(id, rs.getString(3), Coded.known(StakeholderStatus.class, rs.getString(4)),
                                rs.getString(5), rs.getInt(6), at, new Actor(rs.getString(8), rs.getString(9))));
                    }
                }
            }
            return new Marks(statuses, newlyAffected, newlyAt);
        }
    }

    /** The institutions with these ids. */
    public List<Institution> institutionsById(Connection c, List<String> ids) throws SQLException {
        return institutions(c, "i.id = ANY (?)", c.createArrayOf("text", ids.toArray()));
    }

    /** All locations of an organisation (name compared case-insensitively). */
    public List<Institution> institutionsOfOrganisation(Connection c, String organisation) throws SQLException {
        return institutions(c, "lower(i.organisation) = lower(?)", organisation);
    }

    private List<Institution> institutions(Connection c, String condition, Object value) throws SQLException {
        String sql = "SELECT " + INSTITUTION_COLUMNS + " FROM institution i LEFT JOIN safety_region r ON r.code = i.region_code"
                + " WHERE " + condition + " ORDER BY i.name, i.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            return institutions(ps);
        }
    }

    private static List<Institution> institutions(PreparedStatement ps) throws SQLException {
        List<Institution> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new Institution(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getString(13), rs.getDouble(14), rs.getDouble(15), rs.getDouble(16), rs.getDouble(17)));
            }
        }
        return found;
    }

    /** An institution or organisation found by name, for choosing whose exposure to show. */
    public record Found(String kind, String id, String name, String type, String organisation, String city, int locations) {}

    /**
     * Institutions whose name, and organisations whose name, contain {@code text} (case-insensitive),
     * organisations first, each list at most {@code limit} long.
     */
    public List<Found> search(Connection c, String text, int limit) throws SQLException {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String sql = "(SELECT 'organisatie', NULL, organisation, NULL, organisation, NULL, count(*)::int FROM institution"
                + " WHERE organisation ILIKE ? GROUP BY organisation ORDER BY organisation LIMIT ?)"
                + " UNION ALL (SELECT 'instelling', id, name, type, organisation, city, 1 FROM institution WHERE name ILIKE ?"
                + " ORDER BY name, id LIMIT ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, pattern);
            ps.setInt(2, limit);
            ps.setString(3, pattern);
            ps.setInt(4, limit);
            List<Found> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Found(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getInt(7)));
                }
            }
            return found;
        }
    }

    /** The name of an institution of the reference layer, or empty when there is none with this id. */
    public Optional<String> institutionName(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM institution WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Thrown when another recomputation of the same incident held the lock longer than the wait allowed. */
    public static final class Busy extends RuntimeException {
        Busy(long incidentId) {
            super("the analysis of incident " + incidentId + " is being recomputed elsewhere", null, false, false);
        }
    }

    /**
     * Serialises recomputations of one incident's analysis until the transaction ends. Every lock of
     * the transaction is waited for at most {@code waitMillis}, so a recomputation never hangs; when
     * this one is not granted in time: {@link Busy}.
     */
    public void lockAnalysis(Connection c, long incidentId, int waitMillis) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
            ps.setString(1, waitMillis + "ms");
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, ANALYSIS_LOCK);
            ps.setInt(2, (int) incidentId);
            ps.execute();
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) throw new Busy(incidentId);
            throw e;
        }
    }

    public Map<String, SnapshotRow> snapshot(Connection c, long incidentId) throws SQLException {
        String sql = "SELECT institution_id, institution_name, zone, affected_run_id, zone_run_id FROM analysis_snapshot WHERE incident_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            Map<String, SnapshotRow> rows = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new SnapshotRow(rs.getString(1), rs.getString(2), Zone.parse(rs.getString(3)),
                            rs.getLong(4), rs.getLong(5)));
                }
            }
            return rows;
        }
    }

    /** Records a recomputation that changed something; returns its id. */
    public long insertRun(Connection c, long incidentId, Rings rings, int affected, SnapshotDiff diff, Actor actor)
            throws SQLException {
        String sql = "INSERT INTO analysis_run (incident_id, rings, affected, added, removed, zone_changed, author, organisation)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setArray(2, c.createArrayOf("float8", rings.metres().toArray()));
            ps.setInt(3, affected);
            ps.setInt(4, diff.count(AnalysisChange.NIEUW));
            ps.setInt(5, diff.count(AnalysisChange.NIET_MEER_GERAAKT));
            ps.setInt(6, diff.count(AnalysisChange.ZONE_GEWIJZIGD));
            ps.setString(7, actor.author());
            ps.setString(8, actor.organisation());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Records the differences of a run, in one statement whatever their number. */
    public void insertChanges(Connection c, long runId, long incidentId, List<SnapshotDiff.Change> changes) throws SQLException {
        if (changes.isEmpty()) return;
        String sql = "INSERT INTO analysis_change (run_id, incident_id, institution_id, institution_name, change, from_zone,"
                + " to_zone, distance_m) SELECT ?, ?, * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[])";
        int n = changes.size();
        String[] ids = new String[n];
        String[] names = new String[n];
        String[] kinds = new String[n];
        String[] from = new String[n];
        String[] to = new String[n];
        Double[] distances = new Double[n];
        for (int i = 0; i < n; i++) {
            SnapshotDiff.Change change = changes.get(i);
            ids[i] = change.institutionId();
            names[i] = change.institutionName();
            kinds[i] = change.change().code();
            from[i] = change.from() == null ? null : change.from().key();
            to[i] = change.to() == null ? null : change.to().key();
            distances[i] = change.distance();
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            ps.setLong(2, incidentId);
            ps.setArray(3, c.createArrayOf("text", ids));
            ps.setArray(4, c.createArrayOf("text", names));
            ps.setArray(5, c.createArrayOf("text", kinds));
            ps.setArray(6, c.createArrayOf("text", from));
            ps.setArray(7, c.createArrayOf("text", to));
            ps.setArray(8, c.createArrayOf("float8", distances));
            ps.executeUpdate();
        }
    }

    /**
     * Makes the incident's snapshot {@code after}, writing only the rows that differ from {@code before}
     * (one DELETE and one upsert, whatever the number): a redrawn zone keeps most institutions' zones,
     * and rewriting every row (with its foreign key checks) cost more than the analysis.
     */
    public void writeSnapshot(Connection c, long incidentId, Map<String, SnapshotRow> before, List<SnapshotRow> after)
            throws SQLException {
        Set<String> kept = new HashSet<>();
        List<SnapshotRow> changed = new ArrayList<>();
        for (SnapshotRow row : after) {
            kept.add(row.institutionId());
            if (!row.equals(before.get(row.institutionId()))) changed.add(row);
        }
        List<String> removed = before.keySet().stream().filter(id -> !kept.contains(id)).toList();
        if (!removed.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM analysis_snapshot WHERE incident_id = ? AND institution_id = ANY (?)")) {
                ps.setLong(1, incidentId);
                ps.setArray(2, c.createArrayOf("text", removed.toArray()));
                ps.executeUpdate();
            }
        }
        if (changed.isEmpty()) return;
        String sql = "INSERT INTO analysis_snapshot (incident_id, institution_id, institution_name, zone, affected_run_id, zone_run_id)"
                + " SELECT ?, * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])"
                + " ON CONFLICT (incident_id, institution_id) DO UPDATE SET institution_name = EXCLUDED.institution_name,"
                + " zone = EXCLUDED.zone, affected_run_id = EXCLUDED.affected_run_id, zone_run_id = EXCLUDED.zone_run_id";
        int n = changed.size();
        String[] ids = new String[n];
        String[] names = new String[n];
        String[] zones = new String[n];
        Long[] affectedRuns = new Long[n];
        Long[] zoneRuns = new Long[n];
        for (int i = 0; i < n; i++) {
            SnapshotRow row = changed.get(i);
            ids[i] = row.institutionId();
            names[i] = row.institutionName();
            zones[i] = row.zone().key();
            affectedRuns[i] = row.affectedRunId();
            zoneRuns[i] = row.zoneRunId();
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setArray(2, c.createArrayOf("text", ids));
            ps.setArray(3, c.createArrayOf("text", names));
            ps.setArray(4, c.createArrayOf("text", zones));
            ps.setArray(5, c.createArrayOf("bigint", affectedRuns));
            ps.setArray(6, c.createArrayOf("bigint", zoneRuns));
            ps.executeUpdate();
        }
    }

    /**
     * The recorded changes of an incident's analysis, newest first: after {@code since} when given,
     * only of {@code institutionIds} when given, at most {@code limit}.
     */
    public List<ChangeRow> changes(Connection c, long incidentId, OffsetDateTime since, List<String> institutionIds, int limit)
            throws SQLException {
        String sql = "SELECT r.id, r.computed_at, ch.institution_id, ch.institution_name, ch.change, ch.from_zone, ch.to_zone,"
                + " ch.distance_m, r.author, r.organisation FROM analysis_change ch JOIN analysis_run r ON r.id = ch.run_id"
                + " WHERE ch.incident_id = ? AND (?::timestamptz IS NULL OR r.computed_at > ?)"
                + " AND (?::text[] IS NULL OR ch.institution_id = ANY (?))"
                + " ORDER BY r.id DESC, ch.change, ch.institution_name, ch.institution_id LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array ids = institutionIds == null ? null : c.createArrayOf("text", institutionIds.toArray());
            ps.setLong(1, incidentId);
            ps.setObject(2, since);
            ps.setObject(3, since);
            ps.setArray(4, ids);
            ps.setArray(5, ids);
            ps.setInt(6, limit);
            List<ChangeRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString(6);
                    String to = rs.getString(7);
                    rows.add(new ChangeRow(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                            Coded.known(AnalysisChange.class, rs.getString(5)), from == null ? null : Zone.parse(from),
                            to == null ? null : Zone.parse(to), (Double) rs.getObject(8), new Actor(rs.getString(9), rs.getString(10))));
                }
            }
            return rows;
        }
    }
}

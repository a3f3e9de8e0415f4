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

    /** A hazard element as stored; {@code wkb} is null when the caller said it has the geometry already. */
    public record HazardRow(UUID elementId, long rowId, int version, String kind, String label, String zone, byte[] wkb) {}

    /** The hazard elements of an incident, and the version of the reference data at the same moment. */
    public record HazardRows(List<HazardRow> rows, long referenceVersion) {}

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

    /** An institution in the last snapshot of an incident. */
    public record SnapshotRow(String institutionId, String institutionName, Zone zone, UUID elementId, double distance, long affectedRunId, long zoneRunId) {}

    /** A recorded difference between two snapshots. */
    public record ChangeRow(long runId, OffsetDateTime computedAt, String institutionId, String institutionName, AnalysisChange change,
                            Zone fromZone, Zone toZone, Double distance, Actor actor) {}

    /**
     * The current hazard elements of an incident (incident location, area, effect zones) and the
     * reference data version; empty when there is no such incident. The geometry is left out for the
     * rows in {@code cachedRows}.
     */
    public Optional<HazardRows> hazards(Connection c, long incidentId, Collection<Long> cachedRows) throws SQLException {
        return hazards(c, incidentId, cachedRows, null);
    }

    /** As {@link #hazards(Connection, long, Collection)}, for the elements valid at {@code at} (null: the current ones). */
    public Optional<HazardRows> hazards(Connection c, long incidentId, Collection<Long> cachedRows, OffsetDateTime at) throws SQLException {
        // Two statements rather than one with a null test, so the current picture keeps its plain index condition.
        String valid = at == null ? "e.valid_to IS NULL" : "e.valid_from <= ? AND (e.valid_to IS NULL OR e.valid_to > ?)";
        String sql = "SELECT (SELECT version FROM reference_layer_version), e.element_id, e.row_id, e.version, e.kind, e.label,"
                + " e.attributes->>'zone', CASE WHEN e.row_id = ANY (?) THEN NULL ELSE ST_AsBinary(e.geom) END"
                + " FROM incident i LEFT JOIN picture_element e ON e.incident_id = i.id AND " + valid
                + " AND e.kind IN ('incidentlocatie', 'incidentgebied', 'effectgebied')"
                + " WHERE i.id = ? ORDER BY e.kind, e.element_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setArray(i++, c.createArrayOf("bigint", cachedRows.toArray()));
            if (at != null) {
                ps.setObject(i++, at);
                ps.setObject(i++, at);
            }
            ps.setLong(i, incidentId);
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

    /** Whether the incident is a read-only archive restored from a snapshot. */
    public boolean archived(Connection c, long incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM incident_origin WHERE incident_id = ? AND mode = 'archive')")) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
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
            return marks(ps);
        }
    }

    /** The marks as they were at {@code at}: each status's latest version then, and the newly affected of the runs until then. */
    public Marks marks(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        if (at == null) return marks(c, incidentId);
        String sql = "SELECT * FROM (SELECT DISTINCT ON (v.institution_id) 's', v.institution_id, v.institution_name, v.status, v.note,"
                + " v.version, v.recorded_at, v.author, v.organisation, NULL::text[] FROM stakeholder_version v"
                + " WHERE v.incident_id = ? AND v.recorded_at <= ? ORDER BY v.institution_id, v.version DESC) s"
                + " UNION ALL SELECT 'n', NULL, NULL, NULL, NULL, NULL, r.computed_at, NULL, NULL, array_agg(ch.institution_id)"
                + " FROM analysis_run r JOIN analysis_change ch ON ch.incident_id = r.incident_id AND ch.run_id = r.id"
                + " AND ch.change = 'nieuw' WHERE r.incident_id = ? AND r.id = (SELECT max(id) FROM analysis_run"
                + " WHERE incident_id = ? AND added > 0 AND computed_at <= ?) GROUP BY r.computed_at";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setObject(2, at);
            ps.setLong(3, incidentId);
            ps.setLong(4, incidentId);
            ps.setObject(5, at);
            return marks(ps);
        }
    }

    private static Marks marks(PreparedStatement ps) throws SQLException {
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

    /** Serialises recomputations of one incident's analysis until the transaction ends. */
    public void lockAnalysis(Connection c, long incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, ANALYSIS_LOCK);
            ps.setInt(2, (int) incidentId);
            ps.execute();
        }
    }

    public Map<String, SnapshotRow> snapshot(Connection c, long incidentId) throws SQLException {
        String sql = "SELECT institution_id, institution_name, zone, element_id, distance_m, affected_run_id, zone_run_id"
                + " FROM analysis_snapshot WHERE incident_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            Map<String, SnapshotRow> rows = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new SnapshotRow(rs.getString(1), rs.getString(2), Zone.parse(rs.getString(3)),
                            rs.getObject(4, UUID.class), rs.getDouble(5), rs.getLong(6), rs.getLong(7)));
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

    public void insertChanges(Connection c, long runId, long incidentId, List<SnapshotDiff.Change> changes) throws SQLException {
        String sql = "INSERT INTO analysis_change (run_id, incident_id, institution_id, institution_name, change, from_zone,"
                + " to_zone, distance_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (SnapshotDiff.Change change : changes) {
                ps.setLong(1, runId);
                ps.setLong(2, incidentId);
                ps.setString(3, change.institutionId());
                ps.setString(4, change.institutionName());
                ps.setString(5, change.change().code());
                ps.setString(6, change.from() == null ? null : change.from().key());
                ps.setString(7, change.to() == null ? null : change.to().key());
                ps.setObject(8, change.distance());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Replaces the incident's snapshot with {@code rows}. */
    public void replaceSnapshot(Connection c, long incidentId, List<SnapshotRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM analysis_snapshot WHERE incident_id = ?")) {
            ps.setLong(1, incidentId);
            ps.executeUpdate();
        }
        String sql = "INSERT INTO analysis_snapshot (incident_id, institution_id, institution_name, zone, element_id, distance_m,"
                + " affected_run_id, zone_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (SnapshotRow row : rows) {
                ps.setLong(1, incidentId);
                ps.setString(2, row.institutionId());
                ps.setString(3, row.institutionName());
                ps.setString(4, row.zone().key());
                ps.setObject(5, row.elementId());
                ps.setDouble(6, row.distance());
                ps.setLong(7, row.affectedRunId());
                ps.setLong(8, row.zoneRunId());
                ps.addBatch();
            }
            ps.executeBatch();
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

package nl.zorgbeeld.analysis;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Coded;
import org.locationtech.jts.geom.Envelope;

/**
 * SQL of the network analysis. Every value is a parameter. The database does what its indexes are
 * good at (the institutions in a few boxes, the current elements of an incident); the exact geometry
 * is done in memory by {@link Analyzer}.
 */
public final class AnalysisStore {
    private static final String INSTITUTION_COLUMNS = "i.id, i.name, i.type, i.organisation, i.connected, i.region_code,"
            + " r.name, i.phone, i.email, i.street, i.house_number, i.postcode, i.city,"
            + " ST_X(i.geom), ST_Y(i.geom), ST_X(i.geom_wgs84), ST_Y(i.geom_wgs84)";
    private static final int INSTITUTION_COLUMN_COUNT = 17;
    private static final String STATUS_COLUMNS = "sv.status, sv.note, sv.version, sv.recorded_at, sv.author, sv.organisation";
    private static final String CURRENT_STATUS_JOIN = " LEFT JOIN stakeholder st ON st.incident_id = ? AND st.institution_id = i.id"
            + " LEFT JOIN stakeholder_version sv ON sv.incident_id = st.incident_id AND sv.institution_id = st.institution_id"
            + " AND sv.version = st.version";
    /** Advisory lock class for "the analysis of incident N" (the second key is N). */
    private static final int ANALYSIS_LOCK = 0x5A42;

    /** A hazard element as stored; {@code wkb} is null when the caller said it has the geometry already. */
    public record HazardRow(UUID elementId, long rowId, int version, String kind, String label, String zone, byte[] wkb) {}

    /**
     * An institution near the hazards, with its status in the incident and its mark in the last
     * snapshot: since when it is affected, and whether the latest run that added institutions added it.
     */
    public record Candidate(Institution institution, Stakeholder status, boolean newlyAffected, OffsetDateTime affectedSince) {}

    /** An institution in the last snapshot of an incident. */
    public record SnapshotRow(String institutionId, String institutionName, Zone zone, UUID elementId, double distance, long affectedRunId, long zoneRunId) {}

    /** A recorded difference between two snapshots. */
    public record ChangeRow(long runId, OffsetDateTime computedAt, String institutionId, String institutionName, AnalysisChange change,
                            Zone fromZone, Zone toZone, Double distance, Actor actor) {}

    /**
     * The current hazard elements of an incident (incident location, area, effect zones); empty when
     * there is no such incident. The geometry is left out for the rows in {@code cachedRows}.
     */
    public Optional<List<HazardRow>> hazards(Connection c, long incidentId, Collection<Long> cachedRows) throws SQLException {
        String sql = "SELECT e.element_id, e.row_id, e.version, e.kind, e.label, e.attributes->>'zone',"
                + " CASE WHEN e.row_id = ANY (?) THEN NULL ELSE ST_AsBinary(e.geom) END"
                + " FROM incident i LEFT JOIN picture_element e ON e.incident_id = i.id AND e.valid_to IS NULL"
                + " AND e.kind IN ('incidentlocatie', 'incidentgebied', 'effectgebied')"
                + " WHERE i.id = ? ORDER BY e.kind, e.element_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", cachedRows.toArray()));
            ps.setLong(2, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                List<HazardRow> rows = new ArrayList<>();
                do {
                    if (rs.getObject(1) == null) continue;
                    rows.add(new HazardRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBytes(7)));
                } while (rs.next());
                return Optional.of(rows);
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

    /**
     * The institutions inside any of the boxes (RD New; boxes that do not overlap, so each institution
     * comes once), with their status in the incident and their mark in its last snapshot. The boxes
     * use the GiST index.
     */
    public List<Candidate> candidates(Connection c, long incidentId, List<Envelope> boxes) throws SQLException {
        if (boxes.isEmpty()) return List.of();
        String sql = "SELECT " + INSTITUTION_COLUMNS + ", " + STATUS_COLUMNS + ", ar.computed_at,"
                + " sn.affected_run_id = (SELECT max(affected_run_id) FROM analysis_snapshot WHERE incident_id = ?)"
                + " FROM unnest(?::float8[], ?::float8[], ?::float8[], ?::float8[]) AS b (x1, y1, x2, y2)"
                + " JOIN institution i ON i.geom && ST_MakeEnvelope(b.x1, b.y1, b.x2, b.y2, 28992)"
                + " LEFT JOIN safety_region r ON r.code = i.region_code"
                + CURRENT_STATUS_JOIN
                + " LEFT JOIN analysis_snapshot sn ON sn.incident_id = ? AND sn.institution_id = i.id"
                + " LEFT JOIN analysis_run ar ON ar.id = sn.affected_run_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            int i = 2;
            for (int corner = 0; corner < 4; corner++) {
                Double[] values = new Double[boxes.size()];
                for (int b = 0; b < values.length; b++) values[b] = corner(boxes.get(b), corner);
                ps.setArray(i++, c.createArrayOf("float8", values));
            }
            ps.setLong(i++, incidentId);
            ps.setLong(i, incidentId);
            ps.setFetchSize(2000);
            List<Candidate> candidates = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Institution institution = institution(rs);
                    int next = INSTITUTION_COLUMN_COUNT + 1;
                    Stakeholder status = status(rs, next, institution);
                    OffsetDateTime since = rs.getObject(next + 6, OffsetDateTime.class);
                    candidates.add(new Candidate(institution, status, rs.getBoolean(next + 7), since));
                }
            }
            return candidates;
        }
    }

    private static double corner(Envelope box, int corner) {
        return switch (corner) {
            case 0 -> box.getMinX();
            case 1 -> box.getMinY();
            case 2 -> box.getMaxX();
            default -> box.getMaxY();
        };
    }

    /** The institutions with these ids, with their status in the incident, in the order of the ids found. */
    public List<Candidate> institutionsById(Connection c, long incidentId, List<String> ids) throws SQLException {
        return institutions(c, incidentId, "i.id = ANY (?)", c.createArrayOf("text", ids.toArray()));
    }

    /** All locations of an organisation (name compared case-insensitively), with their status in the incident. */
    public List<Candidate> institutionsOfOrganisation(Connection c, long incidentId, String organisation) throws SQLException {
        return institutions(c, incidentId, "lower(i.organisation) = lower(?)", organisation);
    }

    private List<Candidate> institutions(Connection c, long incidentId, String condition, Object value) throws SQLException {
        String sql = "SELECT " + INSTITUTION_COLUMNS + ", " + STATUS_COLUMNS + " FROM institution i"
                + " LEFT JOIN safety_region r ON r.code = i.region_code" + CURRENT_STATUS_JOIN
                + " WHERE " + condition + " ORDER BY i.name, i.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setObject(2, value);
            List<Candidate> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Institution institution = institution(rs);
                    found.add(new Candidate(institution, status(rs, INSTITUTION_COLUMN_COUNT + 1, institution), false, null));
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

    private static Institution institution(ResultSet rs) throws SQLException {
        return new Institution(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getDouble(14), rs.getDouble(15), rs.getDouble(16), rs.getDouble(17));
    }

    /** The status columns from {@code first} on; the initial status when none was recorded. */
    private static Stakeholder status(ResultSet rs, int first, Institution institution) throws SQLException {
        String code = rs.getString(first);
        if (code == null) return Stakeholder.initial(institution.id(), institution.name());
        return new Stakeholder(institution.id(), institution.name(), Coded.known(StakeholderStatus.class, code),
                rs.getString(first + 1), rs.getInt(first + 2), rs.getObject(first + 3, OffsetDateTime.class),
                new Actor(rs.getString(first + 4), rs.getString(first + 5)));
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

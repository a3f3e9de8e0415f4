package nl.zorgbeeld.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.common.Visibility;
import nl.zorgbeeld.status.StatusContent.BedCount;
import nl.zorgbeeld.status.StatusContent.Continuity;
import nl.zorgbeeld.status.StatusContent.Decontamination;
import nl.zorgbeeld.status.StatusContent.EmergencyDepartment;
import nl.zorgbeeld.status.StatusContent.Received;

/**
 * SQL of the status reports (tables institution_status, institution_status_report,
 * institution_status_bed, see V13). Every value is a parameter. Reads take a moment: null is now,
 * otherwise the reports recorded by then.
 */
public final class StatusStore {
    private static final String REPORT_COLUMNS = "r.institution_id, r.version, r.institution_name, r.reported_at, r.recorded_at,"
            + " r.incident_id, r.confirms_version, r.source, r.operational_status, r.ed_status, r.ed_reason, r.received_t1,"
            + " r.received_t2, r.received_t3, r.received_dead, r.received_unknown, r.decon_status, r.decon_per_hour, r.staffing,"
            + " r.continuity_power, r.continuity_water, r.continuity_ict, r.continuity_staff, r.continuity_supplies, r.needs,"
            + " r.remarks, r.author, r.organisation,"
            + " (SELECT json_object_agg(b.bed_type, json_build_object('available', b.available, 'total', b.total))::text"
            + "  FROM institution_status_bed b WHERE b.institution_id = r.institution_id AND b.version = r.version) AS beds";
    private static final String INSTITUTION_COLUMNS = "i.id, i.name, i.type, i.region_code, i.connected, ST_X(i.geom_wgs84), ST_Y(i.geom_wgs84)";

    /** The institution in the reference layer, or empty when there is none or {@code visibility} does not see it. */
    public Optional<InstitutionRef> institution(Connection c, String id, Visibility visibility) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + INSTITUTION_COLUMNS + " FROM institution i WHERE i.id = ? AND "
                + Visibility.institutionCondition("i.region_code"))) {
            ps.setString(1, id);
            visibility.bind(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(institution(rs, 1)) : Optional.empty();
            }
        }
    }

    /**
     * The number of the institution's latest report (0: none yet), locked until the transaction
     * ends so that two reports cannot take the same number.
     */
    public int lock(Connection c, String institutionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO institution_status (institution_id, version) VALUES (?, 0) ON CONFLICT (institution_id) DO NOTHING")) {
            ps.setString(1, institutionId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM institution_status WHERE institution_id = ? FOR UPDATE")) {
            ps.setString(1, institutionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Stores a report as version {@code version} and makes it the latest. */
    public void insert(Connection c, InstitutionRef institution, int version, OffsetDateTime reportedAt, Long incidentId,
                       Integer confirmsVersion, String source, StatusContent content, Actor actor) throws SQLException {
        String sql = "INSERT INTO institution_status_report (institution_id, version, institution_name, reported_at, incident_id,"
                + " confirms_version, source, operational_status, ed_status, ed_reason, received_t1, received_t2, received_t3,"
                + " received_dead, received_unknown, decon_status, decon_per_hour, staffing, continuity_power, continuity_water,"
                + " continuity_ict, continuity_staff, continuity_supplies, needs, remarks, author, organisation)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 0;
            ps.setString(++i, institution.id());
            ps.setInt(++i, version);
            ps.setString(++i, institution.name());
            ps.setObject(++i, reportedAt);
            ps.setObject(++i, incidentId, Types.BIGINT);
            ps.setObject(++i, confirmsVersion, Types.INTEGER);
            ps.setString(++i, source);
            ps.setString(++i, code(content.operationalStatus()));
            ps.setString(++i, code(content.emergencyDepartment().status()));
            ps.setString(++i, content.emergencyDepartment().reason());
            Received r = content.received();
            for (Integer n : new Integer[] {r.t1(), r.t2(), r.t3(), r.dead(), r.unknown()}) ps.setObject(++i, n, Types.INTEGER);
            ps.setString(++i, code(content.decontamination().status()));
            ps.setObject(++i, content.decontamination().capacityPerHour(), Types.INTEGER);
            ps.setString(++i, code(content.staffing()));
            Continuity k = content.continuity();
            for (ContinuityLevel level : new ContinuityLevel[] {k.power(), k.water(), k.ict(), k.staff(), k.supplies()}) {
                ps.setString(++i, code(level));
            }
            ps.setString(++i, content.needs());
            ps.setString(++i, content.remarks());
            ps.setString(++i, actor.author());
            ps.setString(++i, actor.organisation());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO institution_status_bed (institution_id, version, bed_type, available, total) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, BedCount> bed : content.beds().entrySet()) {
                ps.setString(1, institution.id());
                ps.setInt(2, version);
                ps.setString(3, bed.getKey());
                ps.setObject(4, bed.getValue().available(), Types.INTEGER);
                ps.setObject(5, bed.getValue().total(), Types.INTEGER);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE institution_status SET version = ? WHERE institution_id = ?")) {
            ps.setInt(1, version);
            ps.setString(2, institution.id());
            ps.executeUpdate();
        }
    }

    /** The latest report recorded by {@code at} (null: now), or empty when there was none yet. */
    public Optional<StatusReport> latest(Connection c, String institutionId, OffsetDateTime at) throws SQLException {
        List<StatusReport> found = reports(c, "SELECT " + REPORT_COLUMNS + " FROM institution_status_report r WHERE r.institution_id = ?"
                + " AND (?::timestamptz IS NULL OR r.recorded_at <= ?) ORDER BY r.version DESC LIMIT 1", institutionId, at, at);
        return found.stream().findFirst();
    }

    /** The reports describing moments from {@code from} to {@code to} (either may be null), oldest first. */
    public List<StatusReport> history(Connection c, String institutionId, OffsetDateTime from, OffsetDateTime to, int limit)
            throws SQLException {
        return reports(c, "SELECT * FROM (SELECT " + REPORT_COLUMNS + " FROM institution_status_report r WHERE r.institution_id = ?"
                + " AND (?::timestamptz IS NULL OR r.reported_at >= ?) AND (?::timestamptz IS NULL OR r.reported_at <= ?)"
                + " ORDER BY r.version DESC LIMIT ?) latest ORDER BY version", institutionId, from, from, to, to, limit);
    }

    /** Whether incident {@code id} exists and {@code visibility} sees it. */
    public boolean incidentVisible(Connection c, long id, Visibility visibility) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM incident i JOIN incident_version v ON v.incident_id = i.id"
                + " AND v.version = i.version WHERE i.id = ? AND " + Visibility.condition("i.id", "v.region_code"))) {
            ps.setLong(1, id);
            visibility.bind(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The institutions matching the filter that {@code visibility} sees, each with its latest report
     * recorded by {@code at} (null when it had none), by name.
     */
    public List<Row> overview(Connection c, OverviewFilter filter, OffsetDateTime at, Visibility visibility) throws SQLException {
        String sql = "SELECT " + INSTITUTION_COLUMNS + ", r.* FROM institution i LEFT JOIN LATERAL (SELECT " + REPORT_COLUMNS
                + " FROM institution_status_report r WHERE r.institution_id = i.id AND (?::timestamptz IS NULL OR r.recorded_at <= ?)"
                + " ORDER BY r.version DESC LIMIT 1) r ON true"
                + " WHERE (?::text IS NULL OR i.region_code = ?) AND (cardinality(?::text[]) = 0 OR i.type = ANY (?::text[]))"
                + " AND (? OR r.version IS NOT NULL)"
                + " AND (cardinality(?::text[]) = 0 OR coalesce(r.operational_status, 'onbekend') = ANY (?::text[]))"
                + " AND (cardinality(?::text[]) = 0 OR coalesce(r.ed_status, 'onbekend') = ANY (?::text[]))"
                + " AND " + Visibility.institutionCondition("i.region_code")
                + " ORDER BY i.name, i.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array types = c.createArrayOf("text", filter.types().toArray());
            Array statuses = c.createArrayOf("text", filter.statuses().toArray());
            Array ed = c.createArrayOf("text", filter.emergencyDepartment().toArray());
            int i = 0;
            ps.setObject(++i, at);
            ps.setObject(++i, at);
            ps.setString(++i, filter.region());
            ps.setString(++i, filter.region());
            ps.setArray(++i, types);
            ps.setArray(++i, types);
            ps.setBoolean(++i, filter.includeUnreported());
            ps.setArray(++i, statuses);
            ps.setArray(++i, statuses);
            ps.setArray(++i, ed);
            ps.setArray(++i, ed);
            visibility.bind(ps, i + 1);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    InstitutionRef institution = institution(rs, 1);
                    StatusReport report = rs.getString(8) == null ? null : report(rs, 8);
                    rows.add(new Row(institution, report));
                }
            }
            return rows;
        }
    }

    /** The safety regions with an active incident at {@code at} (null: now). */
    public Set<String> regionsWithActiveIncident(Connection c, OffsetDateTime at) throws SQLException {
        String sql = "SELECT DISTINCT v.region_code FROM incident i JOIN LATERAL (SELECT w.status, w.region_code FROM incident_version w"
                + " WHERE w.incident_id = i.id AND (?::timestamptz IS NULL OR w.recorded_at <= ?) ORDER BY w.version DESC LIMIT 1) v ON true"
                + " WHERE v.status = 'actief' AND v.region_code IS NOT NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, at);
            ps.setObject(2, at);
            Set<String> regions = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) regions.add(rs.getString(1));
            }
            return regions;
        }
    }

    /** The incidents active at {@code at} (null: now) among {@code ids}. */
    public Set<Long> activeIncidents(Connection c, Set<Long> ids, OffsetDateTime at) throws SQLException {
        if (ids.isEmpty()) return Set.of();
        String sql = "SELECT i.id FROM incident i JOIN LATERAL (SELECT w.status FROM incident_version w WHERE w.incident_id = i.id"
                + " AND (?::timestamptz IS NULL OR w.recorded_at <= ?) ORDER BY w.version DESC LIMIT 1) v ON true"
                + " WHERE i.id = ANY (?::bigint[]) AND v.status = 'actief'";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, at);
            ps.setObject(2, at);
            ps.setArray(3, c.createArrayOf("bigint", ids.toArray()));
            Set<Long> active = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) active.add(rs.getLong(1));
            }
            return active;
        }
    }

    /** An institution with its report (null: none). */
    public record Row(InstitutionRef institution, StatusReport report) {}

    private static List<StatusReport> reports(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            List<StatusReport> reports = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) reports.add(report(rs, 1));
            }
            return reports;
        }
    }

    private static InstitutionRef institution(ResultSet rs, int first) throws SQLException {
        return new InstitutionRef(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2), rs.getString(first + 3),
                rs.getBoolean(first + 4), (Double) rs.getObject(first + 5), (Double) rs.getObject(first + 6));
    }

    /** A report from the columns of REPORT_COLUMNS, the first at {@code first}. */
    private static StatusReport report(ResultSet rs, int first) throws SQLException {
        int i = first;
        String institutionId = rs.getString(i++);
        int version = rs.getInt(i++);
        String name = rs.getString(i++);
        OffsetDateTime reportedAt = rs.getObject(i++, OffsetDateTime.class);
        OffsetDateTime recordedAt = rs.getObject(i++, OffsetDateTime.class);
        Long incidentId = (Long) rs.getObject(i++);
        Integer confirms = (Integer) rs.getObject(i++);
        String source = rs.getString(i++);
        OperationalStatus operational = known(OperationalStatus.class, rs.getString(i++));
        EmergencyDepartment ed = new EmergencyDepartment(known(EmergencyDepartmentStatus.class, rs.getString(i++)), rs.getString(i++));
        Received received = new Received((Integer) rs.getObject(i++), (Integer) rs.getObject(i++), (Integer) rs.getObject(i++),
                (Integer) rs.getObject(i++), (Integer) rs.getObject(i++));
        Decontamination decon = new Decontamination(known(DeconStatus.class, rs.getString(i++)), (Integer) rs.getObject(i++));
        StaffingLevel staffing = known(StaffingLevel.class, rs.getString(i++));
        Continuity continuity = new Continuity(known(ContinuityLevel.class, rs.getString(i++)), known(ContinuityLevel.class, rs.getString(i++)),
                known(ContinuityLevel.class, rs.getString(i++)), known(ContinuityLevel.class, rs.getString(i++)),
                known(ContinuityLevel.class, rs.getString(i++)));
        String needs = rs.getString(i++);
        String remarks = rs.getString(i++);
        String author = rs.getString(i++);
        String organisation = rs.getString(i++);
        Map<String, BedCount> beds = beds(rs.getString(i));
        StatusContent content = new StatusContent(operational, ed, beds, received, decon, staffing, continuity, needs, remarks);
        return new StatusReport(institutionId, name, version, reportedAt, recordedAt, incidentId, confirms, source, content, author,
                organisation);
    }

    private static Map<String, BedCount> beds(String json) {
        Map<String, BedCount> beds = new LinkedHashMap<>();
        if (json == null) return beds;
        JsonNode node = Json.tree(json);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> bed = it.next();
            beds.put(bed.getKey(), new BedCount(number(bed.getValue().get("available")), number(bed.getValue().get("total"))));
        }
        return beds;
    }

    private static Integer number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }

    private static String code(Coded value) {
        return value == null ? null : value.code();
    }

    private static <E extends Enum<E> & Coded> E known(Class<E> type, String code) {
        return code == null ? null : Coded.known(type, code);
    }
}

package nl.zorgbeeld.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgbeeld.alert.CapCodes.Category;
import nl.zorgbeeld.alert.CapCodes.Certainty;
import nl.zorgbeeld.alert.CapCodes.MsgType;
import nl.zorgbeeld.alert.CapCodes.ResponseType;
import nl.zorgbeeld.alert.CapCodes.Severity;
import nl.zorgbeeld.alert.CapCodes.Urgency;
import nl.zorgbeeld.analysis.AlertMark;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.common.Json;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** SQL of alerts and their recipients (migration V16), and the lookups that resolve an audience. */
public final class AlertStore {
    private static final String ALERT_COLUMNS = "a.id, a.incident_id, a.msg_type, a.references_id, a.status, a.category, a.event,"
            + " a.response_type, a.urgency, a.severity, a.certainty, a.headline, a.description, a.instruction, a.expires,"
            + " a.audience::text, a.area_desc, ST_AsBinary(a.area_wgs84), ST_AsBinary(a.circle_centre_wgs84), a.circle_radius_m,"
            + " a.substance, a.threshold, a.wind, a.sent_at, a.ack_deadline, a.author, a.organisation, a.superseded_by, a.cancelled_by";
    private static final String RECIPIENT_COLUMNS = "r.institution_id, r.institution_name, r.institution_type, r.organisation,"
            + " r.region_code, r.phone, r.email, r.connected, r.zone, r.distance_m, r.delivered_at, r.delivered_by, r.read_at,"
            + " r.read_by, r.acknowledged_at, r.acknowledged_by, r.acknowledged_organisation, r.acknowledgement_note, r.overdue_at";
    /** The institution a user speaks for: its own, or else its organisation's. */
    static final String SPEAKS_FOR = "coalesce(u.institution_id, o.institution_id)";
    private static final String CANDIDATE_COLUMNS = "i.id, i.name, i.type, i.organisation, i.region_code, i.phone, i.email";

    /** An alert about to be stored; area and circle centre in RD New (EPSG:28992). */
    record NewAlert(long incidentId, MsgType msgType, Long references, String status, Category category, String event,
                    ResponseType responseType, Urgency urgency, Severity severity, Certainty certainty, String headline,
                    String description, String instruction, OffsetDateTime expires, Map<String, Object> audience, String areaDesc,
                    Geometry areaRd, Point circleCentreRd, Double circleRadius, String substance, String threshold, String wind,
                    OffsetDateTime sentAt, OffsetDateTime ackDeadline, Actor actor) {}

    long insert(Connection c, NewAlert a) throws SQLException {
        String sql = "INSERT INTO alert (incident_id, msg_type, references_id, status, category, event, response_type, urgency, severity,"
                + " certainty, headline, description, instruction, expires, audience, area_desc, area, circle_centre, circle_radius_m,"
                + " substance, threshold, wind, sent_at, ack_deadline, author, organisation, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?::jsonb, ?, ST_SetSRID(ST_GeomFromWKB(?), 28992), ST_SetSRID(ST_GeomFromWKB(?), 28992), ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, a.incidentId());
            ps.setString(i++, a.msgType().code());
            ps.setObject(i++, a.references(), Types.BIGINT);
            ps.setString(i++, a.status());
            ps.setString(i++, a.category().code());
            ps.setString(i++, a.event());
            ps.setString(i++, a.responseType().code());
            ps.setString(i++, a.urgency().code());
            ps.setString(i++, a.severity().code());
            ps.setString(i++, a.certainty().code());
            ps.setString(i++, a.headline());
            ps.setString(i++, a.description());
            ps.setString(i++, a.instruction());
            ps.setObject(i++, a.expires());
            ps.setString(i++, json(a.audience()));
            ps.setString(i++, a.areaDesc());
            ps.setBytes(i++, a.areaRd() == null ? null : new WKBWriter().write(a.areaRd()));
            ps.setBytes(i++, a.circleCentreRd() == null ? null : new WKBWriter().write(a.circleCentreRd()));
            ps.setObject(i++, a.circleRadius(), Types.DOUBLE);
            ps.setString(i++, a.substance());
            ps.setString(i++, a.threshold());
            ps.setString(i++, a.wind());
            ps.setObject(i++, a.sentAt());
            ps.setObject(i++, a.ackDeadline());
            ps.setString(i++, a.actor().author());
            ps.setString(i++, a.actor().organisation());
            ps.setObject(i, a.actor().userId(), Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void insertRecipients(Connection c, long alertId, List<Candidate> recipients) throws SQLException {
        String sql = "INSERT INTO alert_recipient (alert_id, institution_id, institution_name, institution_type, organisation, region_code,"
                + " phone, email, connected, zone, distance_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Candidate r : recipients) {
                ps.setLong(1, alertId);
                ps.setString(2, r.id());
                ps.setString(3, r.name());
                ps.setString(4, r.type());
                ps.setString(5, r.organisation());
                ps.setString(6, r.regionCode());
                ps.setString(7, r.phone());
                ps.setString(8, r.email());
                ps.setBoolean(9, r.connected());
                ps.setString(10, r.zone());
                ps.setObject(11, r.distance(), Types.DOUBLE);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    Optional<Alert> find(Connection c, long incidentId, long alertId, boolean lock) throws SQLException {
        String sql = "SELECT " + ALERT_COLUMNS + " FROM alert a WHERE a.incident_id = ? AND a.id = ?" + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setLong(2, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(alert(rs, 1)) : Optional.empty();
            }
        }
    }

    /** The incident's alerts, newest first. */
    List<Alert> list(Connection c, long incidentId, int limit) throws SQLException {
        String sql = "SELECT " + ALERT_COLUMNS + " FROM alert a WHERE a.incident_id = ? ORDER BY a.id DESC LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setInt(2, limit);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) alerts.add(alert(rs, 1));
            }
            return alerts;
        }
    }

    /** The alerts of the incidents a visibility condition admits, newest first (the feed). */
    List<Alert> visible(Connection c, String condition, Binder binder, int limit) throws SQLException {
        String sql = "SELECT " + ALERT_COLUMNS + " FROM alert a JOIN incident i ON i.id = a.incident_id"
                + " JOIN incident_version v ON v.incident_id = i.id AND v.version = i.version WHERE " + condition
                + " ORDER BY a.id DESC LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = binder.bind(ps, 1);
            ps.setInt(next, limit);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) alerts.add(alert(rs, 1));
            }
            return alerts;
        }
    }

    @FunctionalInterface
    interface Binder {
        int bind(PreparedStatement ps, int first) throws SQLException;
    }

    List<Recipient> recipients(Connection c, long alertId) throws SQLException {
        String sql = "SELECT " + RECIPIENT_COLUMNS + " FROM alert_recipient r WHERE r.alert_id = ?"
                + " ORDER BY r.connected, r.institution_name, r.institution_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, alertId);
            List<Recipient> recipients = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) recipients.add(recipient(rs, 1));
            }
            return recipients;
        }
    }

    Optional<Recipient> recipient(Connection c, long alertId, String institutionId, boolean lock) throws SQLException {
        String sql = "SELECT " + RECIPIENT_COLUMNS + " FROM alert_recipient r WHERE r.alert_id = ? AND r.institution_id = ?"
                + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, alertId);
            ps.setString(2, institutionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(recipient(rs, 1)) : Optional.empty();
            }
        }
    }

    /** The ids of the institutions an alert went to. */
    List<String> recipientIds(Connection c, long alertId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT institution_id FROM alert_recipient WHERE alert_id = ? ORDER BY institution_id")) {
            ps.setLong(1, alertId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    /** How many recipients of each alert reached each state; overdue as of {@code now}. */
    Map<Long, AlertViews.Counts> counts(Connection c, Collection<Long> alertIds, OffsetDateTime now) throws SQLException {
        String sql = "SELECT r.alert_id, count(*), count(*) FILTER (WHERE r.connected), count(r.delivered_at), count(r.read_at),"
                + " count(r.acknowledged_at), count(*) FILTER (WHERE r.acknowledged_at IS NULL AND a.msg_type <> 'Cancel'"
                + " AND a.cancelled_by IS NULL AND a.superseded_by IS NULL AND (r.overdue_at IS NOT NULL OR a.ack_deadline < ?))"
                + " FROM alert_recipient r JOIN alert a ON a.id = r.alert_id WHERE r.alert_id = ANY (?) GROUP BY r.alert_id";
        Map<Long, AlertViews.Counts> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, now);
            ps.setArray(2, c.createArrayOf("bigint", alertIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int total = rs.getInt(2);
                    int connected = rs.getInt(3);
                    counts.put(rs.getLong(1), new AlertViews.Counts(total, connected, total - connected, rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7)));
                }
            }
        }
        return counts;
    }

    /** Marks the alert delivered to a screen of the recipient's users; whether this was the first delivery. */
    boolean delivered(Connection c, long alertId, String institutionId, String by) throws SQLException {
        String sql = "UPDATE alert_recipient SET delivered_at = now(), delivered_by = ? WHERE alert_id = ? AND institution_id = ?"
                + " AND delivered_at IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, by);
            ps.setLong(2, alertId);
            ps.setString(3, institutionId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Marks the alert read (and so delivered) by a user of the recipient; whether this was the first reading. */
    boolean read(Connection c, long alertId, String institutionId, String by) throws SQLException {
        String sql = "UPDATE alert_recipient SET delivered_at = coalesce(delivered_at, now()), delivered_by = coalesce(delivered_by, ?),"
                + " read_at = now(), read_by = ? WHERE alert_id = ? AND institution_id = ? AND read_at IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, by);
            ps.setString(2, by);
            ps.setLong(3, alertId);
            ps.setString(4, institutionId);
            return ps.executeUpdate() == 1;
        }
    }

    void acknowledge(Connection c, long alertId, String institutionId, Actor actor, String note) throws SQLException {
        String sql = "UPDATE alert_recipient SET acknowledged_at = now(), acknowledged_by = ?, acknowledged_by_user = ?,"
                + " acknowledged_organisation = ?, acknowledgement_note = ?, delivered_at = coalesce(delivered_at, now()),"
                + " delivered_by = coalesce(delivered_by, ?), read_at = coalesce(read_at, now()), read_by = coalesce(read_by, ?)"
                + " WHERE alert_id = ? AND institution_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, actor.author());
            ps.setObject(2, actor.userId(), Types.BIGINT);
            ps.setString(3, actor.organisation());
            ps.setString(4, note);
            ps.setString(5, actor.author());
            ps.setString(6, actor.author());
            ps.setLong(7, alertId);
            ps.setString(8, institutionId);
            ps.executeUpdate();
        }
    }

    void markSuperseded(Connection c, long alertId, long by) throws SQLException {
        update(c, "UPDATE alert SET superseded_by = ? WHERE id = ?", by, alertId);
    }

    void markCancelled(Connection c, long alertId, long by) throws SQLException {
        update(c, "UPDATE alert SET cancelled_by = ? WHERE id = ?", by, alertId);
    }

    private static void update(Connection c, String sql, long a, long b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            ps.executeUpdate();
        }
    }

    /** A recipient whose deadline passed without acknowledgement, not yet flagged. */
    record Overdue(long alertId, long incidentId, String institutionId, String institutionName) {}

    /** Flags every recipient past its deadline in one statement and returns them (locked rows are left for the next round). */
    List<Overdue> flagOverdue(Connection c, OffsetDateTime now) throws SQLException {
        String sql = "UPDATE alert_recipient r SET overdue_at = ? FROM alert a WHERE a.id = r.alert_id AND r.acknowledged_at IS NULL"
                + " AND r.overdue_at IS NULL AND a.ack_deadline < ? AND a.msg_type <> 'Cancel' AND a.cancelled_by IS NULL"
                + " AND a.superseded_by IS NULL RETURNING r.alert_id, a.incident_id, r.institution_id, r.institution_name";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, now);
            ps.setObject(2, now);
            List<Overdue> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new Overdue(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
            }
            return rows;
        }
    }

    /** The recipients of the incident's standing alerts that are past the deadline without acknowledgement, latest alert per institution. */
    Map<String, AlertMark> unacknowledged(Connection c, long incidentId, OffsetDateTime now) throws SQLException {
        String sql = "SELECT DISTINCT ON (r.institution_id) r.institution_id, r.institution_name, r.institution_type, r.phone, r.email,"
                + " r.connected, a.id, a.headline, a.sent_at, a.ack_deadline FROM alert_recipient r JOIN alert a ON a.id = r.alert_id"
                + " WHERE a.incident_id = ? AND r.acknowledged_at IS NULL AND a.msg_type <> 'Cancel' AND a.cancelled_by IS NULL"
                + " AND a.superseded_by IS NULL AND (r.overdue_at IS NOT NULL OR a.ack_deadline < ?)"
                + " ORDER BY r.institution_id, a.id DESC";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setObject(2, now);
            Map<String, AlertMark> marks = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    marks.put(rs.getString(1), new AlertMark(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getBoolean(6), rs.getLong(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                            rs.getObject(10, OffsetDateTime.class)));
                }
            }
            return marks;
        }
    }

    /** An alert to an institution with what became of it there, for the institution's users. */
    record Addressed(Alert alert, Recipient recipient, String incidentTitle) {}

    /** The alerts to an institution, newest first. */
    List<Addressed> addressedTo(Connection c, String institutionId, int limit) throws SQLException {
        String sql = "SELECT " + ALERT_COLUMNS + ", " + RECIPIENT_COLUMNS + ", v.title FROM alert_recipient r JOIN alert a ON a.id = r.alert_id"
                + " JOIN incident i ON i.id = a.incident_id JOIN incident_version v ON v.incident_id = i.id AND v.version = i.version"
                + " WHERE r.institution_id = ? ORDER BY a.id DESC LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, institutionId);
            ps.setInt(2, limit);
            List<Addressed> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new Addressed(alert(rs, 1), recipient(rs, 30), rs.getString(49)));
            }
            return rows;
        }
    }

    /** The institution a user speaks for (its own, else its organisation's), or empty. */
    Optional<String> institutionOf(Connection c, long userId) throws SQLException {
        String sql = "SELECT " + SPEAKS_FOR + " FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Of these institutions, those some enabled user speaks for. */
    Set<String> connected(Connection c, Collection<String> institutionIds) throws SQLException {
        String sql = "SELECT DISTINCT " + SPEAKS_FOR + " FROM app_user u JOIN organisation o ON o.id = u.organisation_id"
                + " WHERE NOT u.disabled AND " + SPEAKS_FOR + " = ANY (?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", institutionIds.toArray()));
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    /** Institutions by id, in the order asked; unknown ids are missing from the answer. */
    Map<String, Candidate> candidatesById(Connection c, Collection<String> ids) throws SQLException {
        String sql = "SELECT " + CANDIDATE_COLUMNS + " FROM institution i WHERE i.id = ANY (?)";
        Map<String, Candidate> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.put(rs.getString(1), candidate(rs));
            }
        }
        Map<String, Candidate> ordered = new LinkedHashMap<>();
        for (String id : ids) {
            if (found.containsKey(id)) ordered.put(id, found.get(id));
        }
        return ordered;
    }

    /** Institutions of these types (none: every type) in this region (null: every region), at most {@code limit}. */
    List<Candidate> candidatesWhere(Connection c, List<String> types, String region, int limit) throws SQLException {
        String sql = "SELECT " + CANDIDATE_COLUMNS + " FROM institution i WHERE (cardinality(?::text[]) = 0 OR i.type = ANY (?))"
                + " AND (?::text IS NULL OR upper(i.region_code) = upper(?)) ORDER BY i.id LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("text", types.toArray());
            ps.setArray(1, array);
            ps.setArray(2, array);
            ps.setString(3, region);
            ps.setString(4, region);
            ps.setInt(5, limit);
            List<Candidate> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.add(candidate(rs));
            }
            return found;
        }
    }

    /** Whether a safety region of this code is known (the reference layer). */
    boolean regionKnown(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM safety_region WHERE upper(code) = upper(?))"
                + " OR EXISTS (SELECT 1 FROM institution WHERE upper(region_code) = upper(?))")) {
            ps.setString(1, code);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** What the current effect zones of the incident say about the substance (and, when drawn so, threshold and wind). */
    Map<String, String> hazardAttributes(Connection c, long incidentId) throws SQLException {
        String sql = "SELECT attributes->>'substance', attributes->>'threshold', attributes->>'wind' FROM picture_element"
                + " WHERE incident_id = ? AND valid_to IS NULL AND kind = 'effectgebied' ORDER BY valid_from DESC";
        Map<String, String> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) found.putIfAbsent("substance", rs.getString(1));
                    if (rs.getString(2) != null) found.putIfAbsent("threshold", rs.getString(2));
                    if (rs.getString(3) != null) found.putIfAbsent("wind", rs.getString(3));
                }
            }
        }
        return found;
    }

    /** The newest current bullet of a theme of the medical picture, or empty. */
    Optional<String> latestBullet(Connection c, long incidentId, String themeName) throws SQLException {
        String sql = "SELECT bv.text FROM bullet b JOIN bullet_version bv ON bv.bullet_id = b.id AND bv.version = b.version"
                + " JOIN picture p ON p.id = b.picture_id AND p.kind = 'geneeskundig'"
                + " JOIN template_theme_version tv ON tv.theme_id = bv.theme_id"
                + " AND tv.version = (SELECT t.version FROM template_theme t WHERE t.id = bv.theme_id)"
                + " WHERE b.incident_id = ? AND NOT bv.retracted AND lower(tv.name) = lower(?) ORDER BY bv.recorded_at DESC LIMIT 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setString(2, themeName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), false, null, null);
    }

    private static Alert alert(ResultSet rs, int i) throws SQLException {
        return new Alert(rs.getLong(i), rs.getLong(i + 1), Coded.known(MsgType.class, rs.getString(i + 2)), (Long) rs.getObject(i + 3),
                rs.getString(i + 4), Coded.known(Category.class, rs.getString(i + 5)), rs.getString(i + 6),
                Coded.known(ResponseType.class, rs.getString(i + 7)), Coded.known(Urgency.class, rs.getString(i + 8)),
                Coded.known(Severity.class, rs.getString(i + 9)), Coded.known(Certainty.class, rs.getString(i + 10)),
                rs.getString(i + 11), rs.getString(i + 12), rs.getString(i + 13), rs.getObject(i + 14, OffsetDateTime.class),
                Json.tree(rs.getString(i + 15)), rs.getString(i + 16), geometry(rs.getBytes(i + 17)),
                (Point) geometry(rs.getBytes(i + 18)), (Double) rs.getObject(i + 19), rs.getString(i + 20), rs.getString(i + 21),
                rs.getString(i + 22), rs.getObject(i + 23, OffsetDateTime.class), rs.getObject(i + 24, OffsetDateTime.class),
                new Actor(rs.getString(i + 25), rs.getString(i + 26)), (Long) rs.getObject(i + 27), (Long) rs.getObject(i + 28));
    }

    private static Recipient recipient(ResultSet rs, int i) throws SQLException {
        return new Recipient(rs.getString(i), rs.getString(i + 1), rs.getString(i + 2), rs.getString(i + 3), rs.getString(i + 4),
                rs.getString(i + 5), rs.getString(i + 6), rs.getBoolean(i + 7), rs.getString(i + 8), (Double) rs.getObject(i + 9),
                rs.getObject(i + 10, OffsetDateTime.class), rs.getString(i + 11), rs.getObject(i + 12, OffsetDateTime.class),
                rs.getString(i + 13), rs.getObject(i + 14, OffsetDateTime.class), rs.getString(i + 15), rs.getString(i + 16),
                rs.getString(i + 17), rs.getObject(i + 18, OffsetDateTime.class));
    }

    private static Geometry geometry(byte[] wkb) {
        if (wkb == null) return null;
        try {
            return new WKBReader().read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("an alert has an unreadable area", e);
        }
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the audience cannot be written as JSON", e);
        }
    }
}

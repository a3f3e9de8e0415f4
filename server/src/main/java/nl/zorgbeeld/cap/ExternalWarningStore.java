package nl.zorgbeeld.cap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.zorgbeeld.common.Actor;
import org.locationtech.jts.io.WKBWriter;

/** SQL of the CAP alerts received from other systems (table external_warning, migration V16). */
final class ExternalWarningStore {
    /** Each warning as a finished GeoJSON Feature (WGS84), built in SQL like the other layers. */
    private static final String FEATURE = "json_build_object('type', 'Feature', 'id', w.id, 'geometry',"
            + " ST_AsGeoJSON(w.geom_wgs84, 6)::json, 'properties', json_build_object('kind', 'externe-waarschuwing',"
            + " 'identifier', w.identifier, 'sender', w.sender, 'sent', w.sent, 'status', w.status, 'msgType', w.msg_type,"
            + " 'scope', w.scope, 'event', w.event, 'headline', w.headline, 'description', w.description, 'instruction', w.instruction,"
            + " 'severity', w.severity, 'urgency', w.urgency, 'certainty', w.certainty, 'expires', w.expires, 'areaDesc', w.area_desc,"
            + " 'regionCode', w.region_code, 'incidentId', w.incident_id, 'replacedBy', w.replaced_by, 'receivedAt', w.received_at,"
            + " 'receivedBy', w.author, 'organisation', w.organisation))::text";

    record Incident(long id, String regionCode, String status, boolean visible) {}

    /** An incident's current region and status, and whether the visibility condition admits it. */
    Optional<Incident> incident(Connection c, long id, String visibleCondition, Binder binder) throws SQLException {
        String sql = "SELECT v.region_code, v.status, " + visibleCondition + " FROM incident i JOIN incident_version v"
                + " ON v.incident_id = i.id AND v.version = i.version WHERE i.id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = binder.bind(ps, 1);
            ps.setLong(next, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Incident(id, rs.getString(1), rs.getString(2), rs.getBoolean(3))) : Optional.empty();
            }
        }
    }

    @FunctionalInterface
    interface Binder {
        int bind(PreparedStatement ps, int first) throws SQLException;
    }

    /** The incidents of a region that are not closed. */
    List<Long> openIncidents(Connection c, String regionCode) throws SQLException {
        String sql = "SELECT i.id FROM incident i JOIN incident_version v ON v.incident_id = i.id AND v.version = i.version"
                + " WHERE upper(v.region_code) = upper(?) AND v.status <> 'gesloten' ORDER BY i.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, regionCode);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    boolean exists(Connection c, String sender, String identifier) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM external_warning WHERE sender = ? AND identifier = ?)")) {
            ps.setString(1, sender);
            ps.setString(2, identifier);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    long insert(Connection c, CapReader.Parsed p, String regionCode, Long incidentId, Actor actor) throws SQLException {
        String sql = "INSERT INTO external_warning (identifier, sender, sent, status, msg_type, scope, event, headline, description,"
                + " instruction, severity, urgency, certainty, expires, area_desc, geom, region_code, incident_id, document, author,"
                + " organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_GeomFromWKB(?), 28992), ?, ?, ?, ?, ?)"
                + " RETURNING id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, p.identifier());
            ps.setString(i++, p.sender());
            ps.setObject(i++, p.sent());
            ps.setString(i++, p.status());
            ps.setString(i++, p.msgType());
            ps.setString(i++, p.scope());
            ps.setString(i++, p.event());
            ps.setString(i++, p.headline());
            ps.setString(i++, p.description());
            ps.setString(i++, p.instruction());
            ps.setString(i++, p.severity());
            ps.setString(i++, p.urgency());
            ps.setString(i++, p.certainty());
            ps.setObject(i++, p.expires());
            ps.setString(i++, p.areaDesc());
            ps.setBytes(i++, p.area() == null ? null : new WKBWriter().write(p.area()));
            ps.setString(i++, regionCode);
            ps.setObject(i++, incidentId, Types.BIGINT);
            ps.setString(i++, p.document());
            ps.setString(i++, actor.author());
            ps.setString(i, actor.organisation());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Marks the earlier warnings a received Update or Cancel names (by sender and identifier) as replaced by it. */
    int markReplaced(Connection c, String sender, String identifier, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE external_warning SET replaced_by = ? WHERE sender = ? AND identifier = ?"
                + " AND replaced_by IS NULL AND id <> ?")) {
            ps.setLong(1, by);
            ps.setString(2, sender);
            ps.setString(3, identifier);
            ps.setLong(4, by);
            return ps.executeUpdate();
        }
    }

    String feature(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FEATURE + " FROM external_warning w WHERE w.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /**
     * The warnings that stand for an incident: received for it or for its region, not replaced, not
     * cancelled, not expired; newest first, as GeoJSON Features.
     */
    List<String> standing(Connection c, long incidentId, String regionCode, int limit) throws SQLException {
        String sql = "SELECT " + FEATURE + " FROM external_warning w WHERE (w.incident_id = ? OR (w.incident_id IS NULL"
                + " AND upper(w.region_code) = upper(?))) AND w.replaced_by IS NULL AND w.msg_type <> 'Cancel'"
                + " AND (w.expires IS NULL OR w.expires > now()) ORDER BY w.sent DESC, w.id DESC LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setString(2, regionCode);
            ps.setInt(3, limit);
            List<String> features = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) features.add(rs.getString(1));
            }
            return features;
        }
    }
}

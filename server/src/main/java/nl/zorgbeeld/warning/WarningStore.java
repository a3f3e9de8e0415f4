package nl.zorgbeeld.warning;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.zorgbeeld.common.Actor;

/** SQL of warning distances and the warnings they gave (migration V16). */
final class WarningStore {
    private static final String WARNING_COLUMNS = "w.id, w.incident_id, v.title, w.institution_id, w.institution_name, w.element_id,"
            + " w.element_version, w.hazard_kind, w.hazard_zone, w.hazard_label, w.distance_m, w.setting_distance_m, w.bearing,"
            + " w.direction, w.description, w.warned_at";
    private static final String WARNING_FROM = " FROM proximity_warning w JOIN incident i ON i.id = w.incident_id"
            + " JOIN incident_version v ON v.incident_id = i.id AND v.version = i.version";

    Optional<WarningSetting> setting(Connection c, String institutionId, boolean lock) throws SQLException {
        String sql = "SELECT institution_id, distance_m, hazard_kinds, version, updated_at, author, organisation FROM warning_setting"
                + " WHERE institution_id = ?" + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, institutionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(setting(rs)) : Optional.empty();
            }
        }
    }

    /** Stores the setting as the next version (1 when it is the first); false when someone else stored a first one meanwhile. */
    boolean save(Connection c, String institutionId, double distance, List<String> kinds, int version, long organisationId, Actor actor)
            throws SQLException {
        String sql = version == 1
                ? "INSERT INTO warning_setting (distance_m, hazard_kinds, version, organisation_id, author, organisation, institution_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (institution_id) DO NOTHING"
                : "UPDATE warning_setting SET distance_m = ?, hazard_kinds = ?, version = ?, organisation_id = ?, author = ?,"
                    + " organisation = ?, updated_at = now() WHERE institution_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, distance);
            ps.setArray(2, c.createArrayOf("text", kinds.toArray()));
            ps.setInt(3, version);
            ps.setLong(4, organisationId);
            ps.setString(5, actor.author());
            ps.setString(6, actor.organisation());
            ps.setString(7, institutionId);
            return ps.executeUpdate() == 1;
        }
    }

    void delete(Connection c, String institutionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM warning_setting WHERE institution_id = ?")) {
            ps.setString(1, institutionId);
            ps.executeUpdate();
        }
    }

    /** An incident's region and whether it is closed, or empty for an unknown one. */
    record IncidentState(String regionCode, boolean closed, String title) {}

    Optional<IncidentState> incident(Connection c, long incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.region_code, v.status = 'gesloten', v.title FROM incident i"
                + " JOIN incident_version v ON v.incident_id = i.id AND v.version = i.version WHERE i.id = ?")) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new IncidentState(rs.getString(1), rs.getBoolean(2), rs.getString(3))) : Optional.empty();
            }
        }
    }

    /** The settings of institutions whose setter's organisation sees the incident (its region, or invited). */
    List<WarningSetting> settingsSeeing(Connection c, long incidentId, String regionCode) throws SQLException {
        String sql = "SELECT s.institution_id, s.distance_m, s.hazard_kinds, s.version, s.updated_at, s.author, s.organisation"
                + " FROM warning_setting s JOIN organisation o ON o.id = s.organisation_id WHERE upper(o.region_code) = upper(?)"
                + " OR EXISTS (SELECT 1 FROM incident_invitation inv WHERE inv.incident_id = ? AND inv.organisation_id = o.id"
                + " AND inv.removed_at IS NULL) ORDER BY s.institution_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, regionCode);
            ps.setLong(2, incidentId);
            List<WarningSetting> settings = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) settings.add(setting(rs));
            }
            return settings;
        }
    }

    /** The open incidents an organisation sees (its region, or invited): where a new setting is checked at once. */
    List<Long> openIncidentsSeenBy(Connection c, long organisationId) throws SQLException {
        String sql = "SELECT i.id FROM incident i JOIN incident_version v ON v.incident_id = i.id AND v.version = i.version"
                + " JOIN organisation o ON o.id = ? WHERE v.status <> 'gesloten' AND (upper(v.region_code) = upper(o.region_code)"
                + " OR EXISTS (SELECT 1 FROM incident_invitation inv WHERE inv.incident_id = i.id AND inv.organisation_id = o.id"
                + " AND inv.removed_at IS NULL)) ORDER BY i.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, organisationId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    /** A warning about to be recorded. */
    record NewWarning(long incidentId, String institutionId, String institutionName, UUID elementId, int elementVersion, String kind,
                      String zone, String label, double distance, double settingDistance, Double bearing, String direction,
                      String description) {}

    /** Records the warning unless this hazard version warned the institution before; its id, or empty. */
    Optional<Long> insert(Connection c, NewWarning w) throws SQLException {
        String sql = "INSERT INTO proximity_warning (incident_id, institution_id, institution_name, element_id, element_version, hazard_kind,"
                + " hazard_zone, hazard_label, distance_m, setting_distance_m, bearing, direction, description)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (institution_id, element_id, element_version) DO NOTHING"
                + " RETURNING id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, w.incidentId());
            ps.setString(2, w.institutionId());
            ps.setString(3, w.institutionName());
            ps.setObject(4, w.elementId());
            ps.setInt(5, w.elementVersion());
            ps.setString(6, w.kind());
            ps.setString(7, w.zone());
            ps.setString(8, w.label());
            ps.setDouble(9, w.distance());
            ps.setDouble(10, w.settingDistance());
            ps.setObject(11, w.bearing(), Types.DOUBLE);
            ps.setString(12, w.direction());
            ps.setString(13, w.description());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    ProximityWarning warning(Connection c, long id) throws SQLException {
        return warnings(c, " WHERE w.id = ?", id, 1).get(0);
    }

    List<ProximityWarning> ofIncident(Connection c, long incidentId, int limit) throws SQLException {
        return warnings(c, " WHERE w.incident_id = ?", incidentId, limit);
    }

    List<ProximityWarning> ofInstitution(Connection c, String institutionId, int limit) throws SQLException {
        return warnings(c, " WHERE w.institution_id = ?", institutionId, limit);
    }

    private List<ProximityWarning> warnings(Connection c, String where, Object value, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + WARNING_COLUMNS + WARNING_FROM + where + " ORDER BY w.id DESC LIMIT ?")) {
            ps.setObject(1, value);
            ps.setInt(2, limit);
            List<ProximityWarning> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new ProximityWarning(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, UUID.class), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getDouble(11), rs.getDouble(12), (Double) rs.getObject(13), rs.getString(14), rs.getString(15),
                            rs.getObject(16, OffsetDateTime.class)));
                }
            }
            return found;
        }
    }

    private static WarningSetting setting(ResultSet rs) throws SQLException {
        Array kinds = rs.getArray(3);
        List<String> list = new ArrayList<>();
        for (Object k : (Object[]) kinds.getArray()) list.add((String) k);
        return new WarningSetting(rs.getString(1), rs.getDouble(2), list, rs.getInt(4), rs.getObject(5, OffsetDateTime.class),
                rs.getString(6), rs.getString(7));
    }
}

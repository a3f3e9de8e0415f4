package nl.zorgbeeld.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.zorgbeeld.common.Visibility;

/** The lookups of the route check: an incident's region and invitations, and what a write targets. */
public final class AccessStore {
    private final DataSource dataSource;

    public AccessStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An incident as the route check sees it: its current region and whether the caller's organisation is invited. */
    public record IncidentAccess(long id, String regionCode, boolean invited) {}

    /** A care institution as the route check sees it: its safety region and whether the caller's organisation may see it. */
    public record InstitutionAccess(String id, String regionCode, boolean visible) {}

    /** A picture's kind and, for an own picture, the institution it is of. */
    public record PictureTarget(String kind, String institutionId) {}

    /** An existing bullet: its picture and the name of its current theme. */
    public record BulletTarget(PictureTarget picture, String themeName) {}

    /**
     * Who holds an incident's regie (person and organisation, as the incident names them) and whether
     * that person is a user of this app (an enabled user of that name in an organisation of that name).
     */
    public record RegieHolder(String person, String organisation, boolean isUser) {
        public boolean is(Principal p) {
            return person.equalsIgnoreCase(p.displayName()) && organisation.equalsIgnoreCase(p.organisationName());
        }
    }

    /** The author of a regie check's target, as kept with the check. */
    public record CheckTarget(String author, String organisation) {}

    /** A user someone wants to manage: their organisation and roles. */
    public record UserTarget(long organisationId, Set<Role> roles) {}

    public Optional<IncidentAccess> incident(long id, long organisationId) throws SQLException {
        String sql = "SELECT v.region_code, EXISTS (SELECT 1 FROM incident_invitation inv WHERE inv.incident_id = i.id"
                + " AND inv.organisation_id = ? AND inv.removed_at IS NULL)"
                + " FROM incident i JOIN incident_version v ON v.incident_id = i.id AND v.version = i.version WHERE i.id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, organisationId);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new IncidentAccess(id, rs.getString(1), rs.getBoolean(2))) : Optional.empty();
            }
        }
    }

    /** The institution of the reference layer with this id, and whether {@code visibility} sees it. */
    public Optional<InstitutionAccess> institution(String id, Visibility visibility) throws SQLException {
        String sql = "SELECT i.region_code, " + Visibility.institutionCondition("i.region_code") + " FROM institution i WHERE i.id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int next = visibility.bind(ps, 1);
            ps.setString(next, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new InstitutionAccess(id, rs.getString(1), rs.getBoolean(2))) : Optional.empty();
            }
        }
    }

    /** The safety regions (upper case) of the incidents the organisation is invited to, for the live streams. */
    public Set<String> invitedRegions(long organisationId) throws SQLException {
        String sql = "SELECT DISTINCT upper(v.region_code) FROM incident_invitation inv JOIN incident i ON i.id = inv.incident_id"
                + " JOIN incident_version v ON v.incident_id = i.id AND v.version = i.version"
                + " WHERE inv.organisation_id = ? AND inv.removed_at IS NULL AND v.region_code IS NOT NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, organisationId);
            Set<String> regions = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) regions.add(rs.getString(1));
            }
            return Set.copyOf(regions);
        }
    }

    /** The ids of the incidents visible to {@code visibility} (for leaving the others out of lists). */
    public Set<Long> visibleIncidents(Visibility visibility) throws SQLException {
        String sql = "SELECT i.id FROM incident i JOIN incident_version v ON v.incident_id = i.id AND v.version = i.version WHERE "
                + Visibility.condition("i.id", "v.region_code");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            visibility.bind(ps, 1);
            Set<Long> ids = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    public Optional<PictureTarget> picture(long incidentId, long pictureId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT kind, institution_id FROM picture WHERE id = ? AND incident_id = ?")) {
            ps.setLong(1, pictureId);
            ps.setLong(2, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PictureTarget(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** The current name of a theme. */
    public Optional<String> themeName(long themeId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT tv.name FROM template_theme t JOIN template_theme_version tv"
                     + " ON tv.theme_id = t.id AND tv.version = t.version WHERE t.id = ?")) {
            ps.setLong(1, themeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public Optional<BulletTarget> bullet(long incidentId, long bulletId) throws SQLException {
        String sql = "SELECT p.kind, p.institution_id, tv.name FROM bullet b"
                + " JOIN bullet_version bv ON bv.bullet_id = b.id AND bv.version = b.version"
                + " JOIN picture p ON p.id = b.picture_id"
                + " JOIN template_theme t ON t.id = bv.theme_id JOIN template_theme_version tv ON tv.theme_id = t.id AND tv.version = t.version"
                + " WHERE b.id = ? AND b.incident_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, bulletId);
            ps.setLong(2, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new BulletTarget(new PictureTarget(rs.getString(1), rs.getString(2)), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** The kind of an element's current version. */
    public Optional<String> elementKind(long incidentId, UUID elementId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT kind FROM picture_element WHERE element_id = ? AND incident_id = ?"
                     + " AND valid_to IS NULL")) {
            ps.setObject(1, elementId);
            ps.setLong(2, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Whether the user speaks for a recipient of the incident's alert: the user's own institution or,
     * for a user bound to none, the organisation's.
     */
    public boolean alertRecipient(long incidentId, long alertId, long userId) throws SQLException {
        String sql = "SELECT EXISTS (SELECT 1 FROM alert a JOIN alert_recipient r ON r.alert_id = a.id"
                + " JOIN app_user u ON u.id = ? JOIN organisation o ON o.id = u.organisation_id"
                + " WHERE a.id = ? AND a.incident_id = ? AND r.institution_id = coalesce(u.institution_id, o.institution_id))";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, userId);
            ps.setLong(2, alertId);
            ps.setLong(3, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    public Optional<RegieHolder> regie(long incidentId) throws SQLException {
        String sql = "SELECT v.regie_person, v.regie_organisation, EXISTS (SELECT 1 FROM app_user u JOIN organisation o"
                + " ON o.id = u.organisation_id WHERE NOT u.disabled AND lower(u.display_name) = lower(v.regie_person)"
                + " AND lower(o.name) = lower(v.regie_organisation))"
                + " FROM incident i JOIN incident_version v ON v.incident_id = i.id AND v.version = i.version WHERE i.id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new RegieHolder(rs.getString(1), rs.getString(2), rs.getBoolean(3))) : Optional.empty();
            }
        }
    }

    public Optional<CheckTarget> checkTarget(long incidentId, long checkId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT target_author, target_organisation FROM regie_check WHERE id = ? AND incident_id = ?")) {
            ps.setLong(1, checkId);
            ps.setLong(2, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CheckTarget(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    public Optional<UserTarget> user(long userId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT u.organisation_id, coalesce((SELECT array_agg(r.role) FROM user_role r"
                     + " WHERE r.user_id = u.id), '{}'::text[]) FROM app_user u WHERE u.id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Set<Role> roles = new HashSet<>();
                for (Object code : (Object[]) rs.getArray(2).getArray()) roles.add(nl.zorgbeeld.common.Coded.known(Role.class, (String) code));
                return Optional.of(new UserTarget(rs.getLong(1), roles));
            }
        }
    }
}

package nl.zorgbeeld.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.NewChangeEvent;

/**
 * Invitations: the Hoofd Informatie of the incident's region lets an organisation of another region
 * see the incident, and takes that back. Each is a change on the incident's timeline and an entry
 * in the audit trail, in the transaction of the change.
 */
public final class InvitationService {
    private final Transactions tx;
    private final OrganisationStore organisations;
    private final ChangeLog log;

    public InvitationService(Transactions tx, OrganisationStore organisations, ChangeLog log) {
        this.tx = tx;
        this.organisations = organisations;
        this.log = log;
    }

    /** A current invitation. */
    public record Invitation(long organisationId, String name, String kind, String regionCode, OffsetDateTime invitedAt, String invitedBy) {}

    public List<Invitation> list(long incidentId) {
        return tx.run(c -> current(c, incidentId, null));
    }

    /** Invites an organisation; returns it and whether it is new (an organisation already invited stays so). */
    public Map.Entry<Invitation, Boolean> invite(Principal by, long incidentId, long organisationId) {
        return tx.run(c -> {
            lockIncident(c, incidentId);
            Organisation organisation = organisations.find(c, organisationId)
                    .orElseThrow(() -> ApiException.badBody("organisationId", "There is no organisation " + organisationId));
            String region = region(c, incidentId);
            if (region != null && region.equalsIgnoreCase(organisation.regionCode())) {
                throw ApiException.conflict("organisationId", organisation.name() + " is of the incident's own region (" + region
                        + ") and sees it already");
            }
            Optional<Invitation> existing = current(c, incidentId, organisationId).stream().findFirst();
            if (existing.isPresent()) return Map.entry(existing.get(), false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_invitation (incident_id, organisation_id, invited_by)"
                    + " VALUES (?, ?, ?)")) {
                ps.setLong(1, incidentId);
                ps.setLong(2, organisationId);
                ps.setLong(3, by.userId());
                ps.executeUpdate();
            }
            Invitation invitation = current(c, incidentId, organisationId).get(0);
            log.record(c, NewChangeEvent.of(incidentId, "invitation.added", path(incidentId, organisationId), null,
                    NewChangeEvent.excerpt("Uitgenodigd: " + organisation.name()), null, by.actor()).withStates(null, describe(invitation)));
            return Map.entry(invitation, true);
        });
    }

    public void remove(Principal by, long incidentId, long organisationId) {
        tx.run(c -> {
            lockIncident(c, incidentId);
            Invitation invitation = current(c, incidentId, organisationId).stream().findFirst().orElseThrow(() ->
                    ApiException.notFound("Organisation " + organisationId + " is not invited to incident " + incidentId));
            try (PreparedStatement ps = c.prepareStatement("UPDATE incident_invitation SET removed_at = now(), removed_by = ?"
                    + " WHERE incident_id = ? AND organisation_id = ? AND removed_at IS NULL")) {
                ps.setLong(1, by.userId());
                ps.setLong(2, incidentId);
                ps.setLong(3, organisationId);
                ps.executeUpdate();
            }
            log.record(c, NewChangeEvent.of(incidentId, "invitation.removed", path(incidentId, organisationId), null,
                    NewChangeEvent.excerpt("Uitnodiging ingetrokken: " + invitation.name()), null, by.actor())
                    .withStates(describe(invitation), null));
            return null;
        });
    }

    public static String path(long incidentId, long organisationId) {
        return "/api/incidents/" + incidentId + "/invitations/" + organisationId;
    }

    private static Map<String, Object> describe(Invitation i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organisationId", i.organisationId());
        m.put("organisation", i.name());
        m.put("regionCode", i.regionCode());
        return m;
    }

    /** Invitations change while no one changes the incident's region or closes it. */
    private static void lockIncident(Connection c, long incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM incident WHERE id = ? FOR SHARE")) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw ApiException.notFound("There is no incident " + incidentId);
            }
        }
    }

    private static String region(Connection c, long incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.region_code FROM incident i JOIN incident_version v"
                + " ON v.incident_id = i.id AND v.version = i.version WHERE i.id = ?")) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static List<Invitation> current(Connection c, long incidentId, Long organisationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT o.id, o.name, o.kind, o.region_code, inv.invited_at, u.login"
                + " FROM incident_invitation inv JOIN organisation o ON o.id = inv.organisation_id JOIN app_user u ON u.id = inv.invited_by"
                + " WHERE inv.incident_id = ? AND inv.removed_at IS NULL AND (?::bigint IS NULL OR inv.organisation_id = ?)"
                + " ORDER BY lower(o.name)")) {
            ps.setLong(1, incidentId);
            ps.setObject(2, organisationId, java.sql.Types.BIGINT);
            ps.setObject(3, organisationId, java.sql.Types.BIGINT);
            List<Invitation> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Invitation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class), rs.getString(6)));
                }
            }
            return list;
        }
    }
}

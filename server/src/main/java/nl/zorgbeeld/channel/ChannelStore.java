package nl.zorgbeeld.channel;

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

/** SQL of the organisations' outbound channels and what went through them (migration V16). */
final class ChannelStore {
    private static final int DELIVERIES_SHOWN = 20;

    long insert(Connection c, long organisationId, String kind, String address, String secret) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO organisation_channel (organisation_id, kind, address, secret)"
                + " VALUES (?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, organisationId);
            ps.setString(2, kind);
            ps.setString(3, address);
            ps.setString(4, secret);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    boolean remove(Connection c, long organisationId, long channelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE organisation_channel SET removed_at = now() WHERE id = ?"
                + " AND organisation_id = ? AND removed_at IS NULL")) {
            ps.setLong(1, channelId);
            ps.setLong(2, organisationId);
            return ps.executeUpdate() == 1;
        }
    }

    boolean organisationExists(Connection c, long organisationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM organisation WHERE id = ?)")) {
            ps.setLong(1, organisationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The organisation's current channels, each with its latest deliveries. */
    List<Channel> ofOrganisation(Connection c, long organisationId) throws SQLException {
        List<Channel> channels = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, organisation_id, kind, address, secret, created_at FROM organisation_channel"
                + " WHERE organisation_id = ? AND removed_at IS NULL ORDER BY id")) {
            ps.setLong(1, organisationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    channels.add(new Channel(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class), deliveries(c, rs.getLong(1))));
                }
            }
        }
        return channels;
    }

    Optional<Channel> find(Connection c, long organisationId, long channelId) throws SQLException {
        return ofOrganisation(c, organisationId).stream().filter(ch -> ch.id() == channelId).findFirst();
    }

    private List<Channel.Delivery> deliveries(Connection c, long channelId) throws SQLException {
        List<Channel.Delivery> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, subject, incident_id, outcome, detail, attempted_at FROM channel_delivery"
                + " WHERE channel_id = ? ORDER BY id DESC LIMIT ?")) {
            ps.setLong(1, channelId);
            ps.setInt(2, DELIVERIES_SHOWN);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Channel.Delivery(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class)));
                }
            }
        }
        return found;
    }

    /**
     * The current channels of the organisations that speak for these institutions (the organisation is
     * the institution, or has users bound to it), by institution; a channel serving two of them is listed once.
     */
    Map<Long, Channel> forInstitutions(Connection c, Collection<String> institutionIds) throws SQLException {
        String sql = "SELECT DISTINCT ch.id, ch.organisation_id, ch.kind, ch.address, ch.secret, ch.created_at FROM organisation_channel ch"
                + " JOIN organisation o ON o.id = ch.organisation_id WHERE ch.removed_at IS NULL AND (o.institution_id = ANY (?)"
                + " OR EXISTS (SELECT 1 FROM app_user u WHERE u.organisation_id = o.id AND NOT u.disabled AND u.institution_id = ANY (?)))"
                + " ORDER BY ch.id";
        Map<Long, Channel> channels = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            var ids = c.createArrayOf("text", institutionIds.toArray());
            ps.setArray(1, ids);
            ps.setArray(2, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    channels.put(rs.getLong(1), new Channel(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class), List.of()));
                }
            }
        }
        return channels;
    }

    void recordDelivery(Connection c, long channelId, String subject, long incidentId, boolean sent, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO channel_delivery (channel_id, subject, incident_id, outcome, detail)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, channelId);
            ps.setString(2, subject);
            ps.setLong(3, incidentId);
            ps.setString(4, sent ? "verzonden" : "mislukt");
            ps.setString(5, detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail);
            ps.executeUpdate();
        }
    }
}

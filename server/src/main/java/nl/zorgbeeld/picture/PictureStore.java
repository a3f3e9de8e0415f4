package nl.zorgbeeld.picture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Coded;

/** SQL for the pictures of incidents (table picture). Pictures are never changed once made. */
public final class PictureStore {
    private static final String SELECT = "SELECT id, incident_id, kind, template_id, organisation, institution_id, created_at,"
            + " created_by_author, created_by_organisation FROM picture";

    public Picture insert(Connection c, long incidentId, PictureKind kind, long templateId, String organisation,
                          String institutionId, Actor actor) throws SQLException {
        String sql = "INSERT INTO picture (incident_id, kind, template_id, organisation, institution_id, created_by_author,"
                + " created_by_organisation) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setString(2, kind.code());
            ps.setLong(3, templateId);
            ps.setString(4, organisation);
            ps.setString(5, institutionId);
            ps.setString(6, actor.author());
            ps.setString(7, actor.organisation());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return find(c, rs.getLong(1)).orElseThrow();
            }
        }
    }

    public Optional<Picture> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The incident's pictures that existed at {@code at} (all when null): shared pictures first, then own pictures by name. */
    public List<Picture> forIncident(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        String sql = SELECT + " WHERE incident_id = ? AND (?::timestamptz IS NULL OR created_at <= ?)"
                + " ORDER BY CASE kind WHEN 'geneeskundig' THEN 0 WHEN 'multidisciplinair' THEN 1 ELSE 2 END, lower(organisation), id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setObject(2, at);
            ps.setObject(3, at);
            List<Picture> pictures = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) pictures.add(read(rs));
            }
            return pictures;
        }
    }

    /** Whether the incident already has an own picture for this institution, or else for this organisation name. */
    public boolean ownPictureExists(Connection c, long incidentId, String institutionId, String organisation) throws SQLException {
        String sql = "SELECT 1 FROM picture WHERE incident_id = ? AND kind = 'eigen'"
                + " AND coalesce(institution_id, '') = coalesce(?, '') AND lower(organisation) = lower(?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setString(2, institutionId);
            ps.setString(3, organisation);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The name of a care institution in the reference layer, or empty when the id is unknown there. */
    public Optional<String> institutionName(Connection c, String institutionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM institution WHERE id = ?")) {
            ps.setString(1, institutionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Picture read(ResultSet rs) throws SQLException {
        return new Picture(rs.getLong(1), rs.getLong(2), Coded.known(PictureKind.class, rs.getString(3)), rs.getLong(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), new Actor(rs.getString(8), rs.getString(9)));
    }
}

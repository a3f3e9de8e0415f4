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
import nl.zorgbeeld.common.Certainty;
import nl.zorgbeeld.common.Coded;

/** SQL for bullets (tables bullet and bullet_version). An edit or a retraction is a new version; none is ever changed. */
public final class BulletStore {
    private static final String COLUMNS = "SELECT b.id, b.incident_id, b.picture_id, v.theme_id, v.text, v.source, v.certainty,"
            + " v.retracted, v.version, b.created_at, v.recorded_at, v.author, v.organisation";

    /** Creates the bullet's identity row; its first version follows with {@link #insertVersion}. */
    public long insert(Connection c, long incidentId, long pictureId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bullet (incident_id, picture_id) VALUES (?, ?) RETURNING id")) {
            ps.setLong(1, incidentId);
            ps.setLong(2, pictureId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Stores a version of the bullet and makes it the current one. */
    public void insertVersion(Connection c, long bulletId, int version, BulletContent content, boolean retracted, Actor actor)
            throws SQLException {
        String sql = "INSERT INTO bullet_version (bullet_id, version, theme_id, text, source, certainty, retracted, author, organisation)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, bulletId);
            ps.setInt(2, version);
            ps.setLong(3, content.themeId());
            ps.setString(4, content.text());
            ps.setString(5, content.source());
            ps.setString(6, content.certainty().code());
            ps.setBoolean(7, retracted);
            ps.setString(8, actor.author());
            ps.setString(9, actor.organisation());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE bullet SET version = ? WHERE id = ?")) {
            ps.setInt(1, version);
            ps.setLong(2, bulletId);
            ps.executeUpdate();
        }
    }

    /** The current version of a bullet, retracted or not. */
    public Optional<Bullet> find(Connection c, long id) throws SQLException {
        return one(c, COLUMNS + " FROM bullet b JOIN bullet_version v ON v.bullet_id = b.id AND v.version = b.version WHERE b.id = ?", id);
    }

    /** The current version, locked for a change until the transaction ends. */
    public Optional<Bullet> lock(Connection c, long id) throws SQLException {
        return one(c, COLUMNS + " FROM bullet b JOIN bullet_version v ON v.bullet_id = b.id AND v.version = b.version"
                + " WHERE b.id = ? FOR UPDATE OF b", id);
    }

    /** Every version of a bullet, the first first. */
    public List<Bullet> versions(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " FROM bullet b JOIN bullet_version v ON v.bullet_id = b.id"
                + " WHERE b.id = ? ORDER BY v.version")) {
            ps.setLong(1, id);
            return list(ps);
        }
    }

    /** The bullets in the incident's pictures at {@code at} (now when null), without the retracted ones, oldest first. */
    public List<Bullet> asOf(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        String sql = COLUMNS + " FROM bullet b JOIN LATERAL (SELECT * FROM bullet_version w WHERE w.bullet_id = b.id"
                + " AND (?::timestamptz IS NULL OR w.recorded_at <= ?) ORDER BY w.version DESC LIMIT 1) v ON true"
                + " WHERE b.incident_id = ? AND NOT v.retracted ORDER BY b.created_at, b.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, at);
            ps.setObject(2, at);
            ps.setLong(3, incidentId);
            return list(ps);
        }
    }

    /** Per picture and theme, when it was first written in and last changed, up to {@code at} (now when null). */
    public List<ThemeActivity> activity(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        String sql = "SELECT b.picture_id, v.theme_id, min(v.recorded_at), max(v.recorded_at)"
                + " FROM bullet b JOIN bullet_version v ON v.bullet_id = b.id"
                + " WHERE b.incident_id = ? AND (?::timestamptz IS NULL OR v.recorded_at <= ?) GROUP BY b.picture_id, v.theme_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setObject(2, at);
            ps.setObject(3, at);
            List<ThemeActivity> activity = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    activity.add(new ThemeActivity(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
                            rs.getObject(4, OffsetDateTime.class)));
                }
            }
            return activity;
        }
    }

    private Optional<Bullet> one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            List<Bullet> bullets = list(ps);
            return bullets.isEmpty() ? Optional.empty() : Optional.of(bullets.get(0));
        }
    }

    private static List<Bullet> list(PreparedStatement ps) throws SQLException {
        List<Bullet> bullets = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                BulletContent content = new BulletContent(rs.getLong(4), rs.getString(5), rs.getString(6),
                        Coded.known(Certainty.class, rs.getString(7)));
                bullets.add(new Bullet(rs.getLong(1), rs.getLong(2), rs.getLong(3), content, rs.getBoolean(8), rs.getInt(9),
                        rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class), rs.getString(12),
                        rs.getString(13)));
            }
        }
        return bullets;
    }
}

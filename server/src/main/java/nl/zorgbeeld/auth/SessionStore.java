package nl.zorgbeeld.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** SQL of the browser sessions (table user_session). The cookie holds the id; the table only its hash. */
public final class SessionStore {
    /** How often last_seen_at is written: often enough for the idle time-out, rarely enough not to cost a write per request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A new session; returns the id for the cookie (shown nowhere else). */
    public String create(Connection c, long userId, Session.State state, String pendingSecret) throws SQLException {
        String id = Secrets.token();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_session (id_hash, user_id, state, pending_secret, csrf_token)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, Secrets.hash(id));
            ps.setLong(2, userId);
            ps.setString(3, state.code);
            ps.setString(4, pendingSecret);
            ps.setString(5, Secrets.token());
            ps.executeUpdate();
        }
        return id;
    }

    public Optional<Session> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id_hash, user_id, state, pending_secret, csrf_token, created_at, last_seen_at"
                + " FROM user_session WHERE id_hash = ?")) {
            ps.setString(1, Secrets.hash(id));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Session(rs.getString(1), rs.getLong(2), Session.State.of(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class)));
            }
        }
    }

    public void setState(Connection c, Session session, Session.State state, String pendingSecret) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE user_session SET state = ?, pending_secret = ?, last_seen_at = now()"
                + " WHERE id_hash = ?")) {
            ps.setString(1, state.code);
            ps.setString(2, pendingSecret);
            ps.setString(3, session.idHash());
            ps.executeUpdate();
        }
    }

    public void touch(Connection c, Session session, OffsetDateTime now) throws SQLException {
        if (session.lastSeenAt().plus(TOUCH_EVERY).isAfter(now)) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE user_session SET last_seen_at = ? WHERE id_hash = ?")) {
            ps.setObject(1, now);
            ps.setString(2, session.idHash());
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, String idHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_session WHERE id_hash = ?")) {
            ps.setString(1, idHash);
            ps.executeUpdate();
        }
    }

    /** Ends every session of a user (disabled, or a new second factor). */
    public void deleteForUser(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_session WHERE user_id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        }
    }

    /** Removes sessions idle since before {@code idleSince}. */
    public void purgeIdle(Connection c, OffsetDateTime idleSince) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_session WHERE last_seen_at < ?")) {
            ps.setObject(1, idleSince);
            ps.executeUpdate();
        }
    }
}

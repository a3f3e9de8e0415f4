package nl.zorgbeeld.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.zorgbeeld.common.Coded;

/** SQL of the API tokens (table api_token). A token is shown once, at creation; the table keeps its hash. */
public final class TokenStore {
    /** Every token starts with this, so it is recognisable in a leaked config file or log. */
    public static final String PREFIX = "zbt_";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    private static final String COLUMNS = "id, user_id, name, scope, created_at, expires_at, revoked_at, last_used_at";

    /** A created token: what is stored, and the token itself. */
    public record Created(ApiToken token, String secret) {}

    public Created create(Connection c, long userId, String name, TokenScope scope, OffsetDateTime expiresAt) throws SQLException {
        String secret = PREFIX + Secrets.token();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_token (user_id, name, scope, token_hash, expires_at)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            ps.setLong(1, userId);
            ps.setString(2, name);
            ps.setString(3, scope.code());
            ps.setString(4, Secrets.hash(secret));
            ps.setObject(5, expiresAt);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Created(read(rs), secret);
            }
        }
    }

    /** The token with this secret, active or not. */
    public Optional<ApiToken> find(Connection c, String secret) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ?")) {
            ps.setString(1, Secrets.hash(secret));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public Optional<ApiToken> find(Connection c, long userId, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token WHERE user_id = ? AND id = ?")) {
            ps.setLong(1, userId);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** A user's tokens, newest first. */
    public List<ApiToken> list(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token WHERE user_id = ? ORDER BY created_at DESC, id DESC")) {
            ps.setLong(1, userId);
            List<ApiToken> tokens = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) tokens.add(read(rs));
            }
            return tokens;
        }
    }

    public void revoke(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_token SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    public void touch(Connection c, ApiToken token, OffsetDateTime now) throws SQLException {
        if (token.lastUsedAt() != null && token.lastUsedAt().plus(TOUCH_EVERY).isAfter(now)) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_token SET last_used_at = ? WHERE id = ?")) {
            ps.setObject(1, now);
            ps.setLong(2, token.id());
            ps.executeUpdate();
        }
    }

    private static ApiToken read(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong(1), rs.getLong(2), rs.getString(3), Coded.known(TokenScope.class, rs.getString(4)),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class));
    }
}

package nl.zorgbeeld.auth;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.zorgbeeld.common.Coded;

/** SQL of the users and their roles (tables app_user and user_role). */
public final class UserStore {
    private static final String SELECT = "SELECT u.id, u.login, u.display_name, " + OrganisationStore.COLUMNS + ","
            + " coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_role r WHERE r.user_id = u.id), '{}'::text[]),"
            + " u.password_hash, u.external_subject, u.totp_secret, u.enrolment = 'enrolled', u.enrolment_code_hash,"
            + " u.enrolment_code_expires, u.disabled, u.failed_attempts, u.locked_until, u.last_totp_step, u.institution_id, u.demo"
            + " FROM app_user u JOIN organisation o ON o.id = u.organisation_id";

    /** The fields of a new user. */
    public record NewUser(String login, String displayName, long organisationId, Set<Role> roles, String passwordHash,
                          String institutionId, boolean demo) {}

    public long insert(Connection c, NewUser user) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (login, display_name, organisation_id, password_hash,"
                + " institution_id, demo) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, user.login());
            ps.setString(2, user.displayName());
            ps.setLong(3, user.organisationId());
            ps.setString(4, user.passwordHash());
            ps.setString(5, user.institutionId());
            ps.setBoolean(6, user.demo());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        setRoles(c, id, user.roles());
        return id;
    }

    public void setRoles(Connection c, long userId, Collection<Role> roles) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_role WHERE user_id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, ?)")) {
            for (Role role : roles) {
                ps.setLong(1, userId);
                ps.setString(2, role.code());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public Optional<User> find(Connection c, long id) throws SQLException {
        return one(c, SELECT + " WHERE u.id = ?", id);
    }

    /** The user, locked until the transaction ends (for counting attempts and changing it). */
    public Optional<User> lock(Connection c, long id) throws SQLException {
        return one(c, SELECT + " WHERE u.id = ? FOR UPDATE OF u", id);
    }

    public Optional<User> findByLogin(Connection c, String login) throws SQLException {
        return one(c, SELECT + " WHERE lower(u.login) = lower(?)", login);
    }

    /** The user of an organisation known to its identity provider as {@code subject}, or not yet linked but with that login. */
    public Optional<User> findExternal(Connection c, long organisationId, String subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE u.organisation_id = ? AND (u.external_subject = ?"
                + " OR (u.external_subject IS NULL AND lower(u.login) = lower(?))) ORDER BY u.external_subject NULLS LAST LIMIT 1")) {
            ps.setLong(1, organisationId);
            ps.setString(2, subject);
            ps.setString(3, subject);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** All users, or those of one organisation ({@code organisationId} not null), by login. */
    public List<User> list(Connection c, Long organisationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE (?::bigint IS NULL OR u.organisation_id = ?) ORDER BY lower(u.login)")) {
            ps.setObject(1, organisationId, Types.BIGINT);
            ps.setObject(2, organisationId, Types.BIGINT);
            List<User> users = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) users.add(read(rs));
            }
            return users;
        }
    }

    public boolean anyDemo(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM app_user WHERE demo)"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    public void update(Connection c, long id, String displayName, boolean disabled, String institutionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET display_name = ?, disabled = ?, institution_id = ? WHERE id = ?")) {
            ps.setString(1, displayName);
            ps.setBoolean(2, disabled);
            ps.setString(3, institutionId);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    public void setPassword(Connection c, long id, String passwordHash) throws SQLException {
        execute(c, "UPDATE app_user SET password_hash = ? WHERE id = ?", passwordHash, id);
    }

    public void linkExternal(Connection c, long id, String subject) throws SQLException {
        execute(c, "UPDATE app_user SET external_subject = ? WHERE id = ?", subject, id);
    }

    /** A wrong password or code. At {@code limit} in a row the account locks until {@code lockedUntil} and the count starts again. */
    public void recordFailure(Connection c, long id, int limit, OffsetDateTime lockedUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET"
                + " locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END,"
                + " failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END WHERE id = ?")) {
            ps.setInt(1, limit);
            ps.setObject(2, lockedUntil);
            ps.setInt(3, limit);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /** A completed second factor: the count of failures starts again and the code's time step is used up. */
    public void recordSuccess(Connection c, long id, Long totpStep) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET failed_attempts = 0, locked_until = NULL,"
                + " last_totp_step = coalesce(?, last_totp_step) WHERE id = ?")) {
            ps.setObject(1, totpStep, Types.BIGINT);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** A new one-time enrolment code: the TOTP secret is dropped, so the next login enrols again. */
    public void resetEnrolment(Connection c, long id, String codeHash, OffsetDateTime expires) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET totp_secret = NULL, enrolment = 'pending',"
                + " enrolment_code_hash = ?, enrolment_code_expires = ?, last_totp_step = NULL WHERE id = ?")) {
            ps.setString(1, codeHash);
            ps.setObject(2, expires);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** Enrolment done: the secret is the user's, the one-time code is used up. */
    public void confirmEnrolment(Connection c, long id, String secret, long step) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET totp_secret = ?, enrolment = 'enrolled',"
                + " enrolment_code_hash = NULL, enrolment_code_expires = NULL, last_totp_step = ?, failed_attempts = 0,"
                + " locked_until = NULL WHERE id = ?")) {
            ps.setString(1, secret);
            ps.setLong(2, step);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** A user enrolled with a known secret (the demo users). */
    public void enrolWith(Connection c, long id, String secret) throws SQLException {
        execute(c, "UPDATE app_user SET totp_secret = ?, enrolment = 'enrolled' WHERE id = ?", secret, id);
    }

    private static void execute(Connection c, String sql, String value, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static Optional<User> one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<User> one(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static User read(ResultSet rs) throws SQLException {
        Organisation organisation = OrganisationStore.read(rs, 4);
        int i = 15;
        Array array = rs.getArray(i++);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object code : (Object[]) array.getArray()) roles.add(Coded.known(Role.class, (String) code));
        return new User(rs.getLong(1), rs.getString(2), rs.getString(3), organisation, roles,
                rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getBoolean(i++), rs.getString(i++),
                rs.getObject(i++, OffsetDateTime.class), rs.getBoolean(i++), rs.getInt(i++), rs.getObject(i++, OffsetDateTime.class),
                (Long) rs.getObject(i++), rs.getString(i++), rs.getBoolean(i));
    }
}

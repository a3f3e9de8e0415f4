package nl.zorgbeeld.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;

/**
 * Managing organisations (the beheerder) and users (the beheerder, and the organisatiebeheerder
 * for its own organisation: the route rules say who). Every change is audited in its transaction.
 */
public final class AdminService {
    private final Transactions tx;
    private final OrganisationStore organisations;
    private final UserStore users;
    private final SessionStore sessions;
    private final LoginService login;

    public AdminService(Transactions tx, OrganisationStore organisations, UserStore users, SessionStore sessions, LoginService login) {
        this.tx = tx;
        this.organisations = organisations;
        this.users = users;
        this.sessions = sessions;
        this.login = login;
    }

    /** A change to a user; null fields stay as they are. */
    public record UserChange(String displayName, Set<Role> roles, Boolean disabled, String institutionId, boolean institutionGiven,
                             String password) {}

    /** A created user with the one-time enrolment code for the first login. */
    public record CreatedUser(User user, String enrolmentCode) {}

    public List<Organisation> organisations() {
        return tx.run(organisations::all);
    }

    public Organisation createOrganisation(Principal by, OrganisationStore.Fields fields) {
        return tx.run(c -> {
            checkOrganisation(c, fields, null);
            long id = organisations.insert(c, fields, false);
            Organisation created = organisations.find(c, id).orElseThrow();
            audit(c, by, "organisation.created", "organisation", id, null, created);
            return created;
        });
    }

    public Organisation updateOrganisation(Principal by, long id, java.util.function.UnaryOperator<OrganisationStore.Fields> change) {
        return tx.run(c -> {
            Organisation before = organisations.lock(c, id).orElseThrow(() -> ApiException.notFound("There is no organisation " + id));
            OrganisationStore.Fields fields = change.apply(fields(before));
            checkOrganisation(c, fields, id);
            organisations.update(c, id, fields);
            Organisation after = organisations.find(c, id).orElseThrow();
            audit(c, by, "organisation.updated", "organisation", id, before, after);
            return after;
        });
    }

    static OrganisationStore.Fields fields(Organisation o) {
        return new OrganisationStore.Fields(o.name(), o.kind(), o.regionCode(), o.institutionId(), o.oidcIssuer(), o.oidcClientId(),
                o.oidcClientSecretRef(), o.oidcAddTotp(), o.oidcMfaAcrValues());
    }

    private void checkOrganisation(Connection c, OrganisationStore.Fields f, Long self) throws SQLException {
        var same = organisations.findByName(c, f.name());
        if (same.isPresent() && (self == null || same.get().id() != self)) {
            throw ApiException.conflict("name", "There is already an organisation called " + same.get().name());
        }
        if ((f.oidcIssuer() == null) != (f.oidcClientId() == null)) {
            throw ApiException.badBody(f.oidcIssuer() == null ? "oidcIssuer" : "oidcClientId",
                    "An identity provider needs both oidcIssuer and oidcClientId");
        }
        if (f.institutionId() != null) requireInstitution(c, f.institutionId());
    }

    /** All users ({@code organisationId} null) or those of one organisation. */
    public List<User> users(Long organisationId) {
        return tx.run(c -> users.list(c, organisationId));
    }

    public CreatedUser createUser(Principal by, UserStore.NewUser fields) {
        return tx.run(c -> {
            if (users.findByLogin(c, fields.login()).isPresent()) {
                throw ApiException.conflict("login", "There is already a user with login " + fields.login());
            }
            organisations.find(c, fields.organisationId())
                    .orElseThrow(() -> ApiException.badBody("organisationId", "There is no organisation " + fields.organisationId()));
            checkBinding(c, fields.roles(), fields.institutionId());
            long id = users.insert(c, fields);
            String code = login.newEnrolmentCode(c, id);
            User created = users.find(c, id).orElseThrow();
            audit(c, by, "user.created", "user", id, null, AdminViews.user(created));
            return new CreatedUser(created, code);
        });
    }

    public User updateUser(Principal by, long id, UserChange change) {
        return tx.run(c -> {
            User before = users.lock(c, id).orElseThrow(() -> ApiException.notFound("There is no user " + id));
            Set<Role> roles = change.roles() == null ? before.roles() : change.roles();
            String institution = change.institutionGiven() ? change.institutionId() : before.institutionId();
            checkBinding(c, roles, institution);
            if (by.userId() == id && before.roles().contains(Role.BEHEERDER) && !roles.contains(Role.BEHEERDER)) {
                throw ApiException.conflict("roles", "You cannot take the beheerder role from yourself");
            }
            boolean disabled = change.disabled() == null ? before.disabled() : change.disabled();
            users.update(c, id, change.displayName() == null ? before.displayName() : change.displayName(), disabled, institution);
            if (change.roles() != null) users.setRoles(c, id, roles);
            if (change.password() != null) users.setPassword(c, id, Passwords.hash(change.password()));
            if (disabled && !before.disabled() || change.password() != null) sessions.deleteForUser(c, id);
            User after = users.find(c, id).orElseThrow();
            Map<String, Object> afterView = AdminViews.user(after);
            if (change.password() != null) afterView.put("passwordChanged", true);
            audit(c, by, "user.updated", "user", id, AdminViews.user(before), afterView);
            return after;
        });
    }

    /** A new one-time enrolment code: the user's second factor is reset and the user's sessions end. */
    public Map<String, Object> newEnrolmentCode(Principal by, long id) {
        return tx.run(c -> {
            users.lock(c, id).orElseThrow(() -> ApiException.notFound("There is no user " + id));
            String code = login.newEnrolmentCode(c, id);
            User user = users.find(c, id).orElseThrow();
            audit(c, by, "user.enrolment-code", "user", id, null, Map.of("enrolmentCodeExpires", user.enrolmentCodeExpires().toString()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", code);
            body.put("expiresAt", user.enrolmentCodeExpires());
            return body;
        });
    }

    /** An informatiecoordinator speaks for exactly one existing care institution; nobody else is bound to one. */
    private static void checkBinding(Connection c, Set<Role> roles, String institutionId) throws SQLException {
        if (roles.contains(Role.INFORMATIECOORDINATOR) && institutionId == null) {
            throw ApiException.badBody("institutionId", "An informatiecoordinator must be bound to a care institution (institutionId)");
        }
        if (institutionId != null) requireInstitution(c, institutionId);
    }

    private static void requireInstitution(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM institution WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw ApiException.badBody("institutionId", "There is no institution '" + id + "' in the reference layer");
            }
        }
    }

    private static void audit(Connection c, Principal by, String action, String type, long id, Object before, Object after)
            throws SQLException {
        AuditLog.record(c, new AuditLog.Entry(by.actor(), action, type, String.valueOf(id), null,
                before instanceof Organisation o ? AdminViews.organisation(o, true) : before,
                after instanceof Organisation o ? AdminViews.organisation(o, true) : after));
    }

    /** The roles of a user as given, none twice. */
    static Set<Role> roleSet(List<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}

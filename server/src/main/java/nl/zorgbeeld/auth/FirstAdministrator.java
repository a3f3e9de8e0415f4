package nl.zorgbeeld.auth;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.db.Transactions;

/**
 * {@code ./zorgbeeld admin}: a beheerder made on the server, for a production database that has no
 * users yet. It gets a generated password and a one-time enrolment code, both shown once.
 */
public final class FirstAdministrator {
    private FirstAdministrator() {}

    /** The generated password and enrolment code of the new administrator. */
    public record Created(String login, String password, String enrolmentCode, OffsetDateTime codeExpires) {}

    public static Created create(DataSource dataSource, String login, String displayName, String organisation, String region) {
        if (!login.matches("[A-Za-z0-9._@-]{2,100}")) throw new IllegalArgumentException("LOGIN must be 2 to 100 letters, digits or . _ @ -");
        if (!region.matches("[A-Za-z0-9_-]{1,32}")) throw new IllegalArgumentException("REGION must be a safety-region code such as VR09");
        OrganisationStore organisations = new OrganisationStore();
        UserStore users = new UserStore();
        return new Transactions(dataSource).run(c -> {
            if (users.findByLogin(c, login).isPresent()) throw new IllegalArgumentException("there is already a user '" + login + "'");
            long org = organisations.findByName(c, organisation).map(Organisation::id).orElse(-1L);
            if (org < 0) {
                org = organisations.insert(c, new OrganisationStore.Fields(organisation, OrganisationKind.OVERIG, region.toUpperCase(),
                        null, null, null, null, false, List.of()), false);
            }
            String password = Secrets.token().substring(0, 24);
            long id = users.insert(c, new UserStore.NewUser(login, displayName, org, EnumSet.of(Role.BEHEERDER), Passwords.hash(password),
                    null, false));
            String code = Secrets.code();
            OffsetDateTime expires = OffsetDateTime.now().plus(LoginService.ENROLMENT_CODE_VALIDITY);
            users.resetEnrolment(c, id, Secrets.hash(Secrets.normaliseCode(code)), expires);
            AuditLog.record(c, new AuditLog.Entry(new Actor("Zorgbeeld", organisation), "user.created", "user", String.valueOf(id), null,
                    null, AdminViews.user(users.find(c, id).orElseThrow())));
            return new Created(login, password, code, expires);
        });
    }
}

package nl.zorgbeeld.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo organisations and users that {@code ./zorgbeeld run} creates outside production: one
 * user per role in safety region VR09 (Utrecht) and a Hoofd Informatie of VR13, all with the same
 * documented password and TOTP secret (README, "Logging in"). Never created in production mode,
 * which refuses to start while they exist.
 */
public final class DemoUsers {
    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
    public static final String PASSWORD = "zorgbeeld-demo";
    /** Base32; add it to an authenticator app, or print the current code with ./zorgbeeld demo-code. */
    public static final String TOTP_SECRET = "ZORGBEELDDEMO234ZORGBEELDDEMO234";
    public static final String REGION = "VR09";
    public static final String OTHER_REGION = "VR13";
    static final String GHOR = "GHOR Utrecht (demo)";
    static final String OTHER_GHOR = "GHOR Amsterdam-Amstelland (demo)";

    private record Demo(String login, String displayName, Role role) {}

    private static final List<Demo> USERS = List.of(
            new Demo("demo-beheerder", "Bea Beheer", Role.BEHEERDER),
            new Demo("demo-orgbeheerder", "Otto Organisatie", Role.ORGANISATIEBEHEERDER),
            new Demo("demo-hin", "Hanna Informatie", Role.HOOFD_INFORMATIE),
            new Demo("demo-gags", "Gijs Gevaarlijk", Role.GAGS),
            new Demo("demo-ico", "Ilse Coördinator", Role.INFORMATIECOORDINATOR),
            new Demo("demo-lezer", "Lieke Lezer", Role.LEZER),
            new Demo("demo-extern", "Erik Extern", Role.HOOFD_INFORMATIE));

    private final Transactions tx;
    private final OrganisationStore organisations = new OrganisationStore();
    private final UserStore users = new UserStore();

    public DemoUsers(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /** Creates what is missing (a second run changes nothing) and logs how to log in. */
    public void seed() {
        List<String> created = tx.run(c -> {
            List<String> made = new ArrayList<>();
            long ghor = organisation(c, GHOR, OrganisationKind.GHOR, REGION, null);
            long other = organisation(c, OTHER_GHOR, OrganisationKind.GHOR, OTHER_REGION, null);
            Optional<Map.Entry<String, String>> institution = institution(c);
            Long care = institution.isEmpty() ? null : organisation(c, institution.get().getValue() + " (demo)", OrganisationKind.ZORGINSTELLING,
                    REGION, institution.get().getKey());
            String hash = null;
            for (Demo demo : USERS) {
                if (users.findByLogin(c, demo.login()).isPresent()) continue;
                long organisation = demo.login().equals("demo-extern") ? other : demo.role() == Role.INFORMATIECOORDINATOR ? orNull(care) : ghor;
                if (organisation < 0) {
                    LOG.warn("no care institution in the reference data: {} is not created", demo.login());
                    continue;
                }
                if (hash == null) hash = Passwords.hash(PASSWORD);
                String institutionId = demo.role() == Role.INFORMATIECOORDINATOR ? institution.get().getKey() : null;
                long id = users.insert(c, new UserStore.NewUser(demo.login(), demo.displayName(), organisation, EnumSet.of(demo.role()),
                        hash, institutionId, true));
                users.enrolWith(c, id, TOTP_SECRET);
                AuditLog.record(c, new AuditLog.Entry(new Actor("Zorgbeeld", "Zorgbeeld"), "user.created", "user", String.valueOf(id), null,
                        null, AdminViews.user(users.find(c, id).orElseThrow())));
                made.add(demo.login());
            }
            return made;
        });
        if (!created.isEmpty()) LOG.info("demo users created: {}", String.join(", ", created));
        LOG.info("Demo login (not for production): users {} with password '{}'; the second factor is the TOTP code of secret {}"
                        + " (add it to an authenticator app, or run ./zorgbeeld demo-code; now: {})",
                String.join(", ", USERS.stream().map(Demo::login).toList()), PASSWORD, TOTP_SECRET, currentCode(Clock.systemUTC()));
    }

    /** The demo TOTP code valid now. */
    public static String currentCode(Clock clock) {
        return new Totp().code(TOTP_SECRET, Instant.now(clock));
    }

    private static long orNull(Long id) {
        return id == null ? -1 : id;
    }

    private long organisation(Connection c, String name, OrganisationKind kind, String region, String institutionId) throws SQLException {
        Optional<Organisation> existing = organisations.findByName(c, name);
        if (existing.isPresent()) return existing.get().id();
        return organisations.insert(c, new OrganisationStore.Fields(name, kind, region, institutionId, null, null, null, false, List.of()), true);
    }

    /**
     * The care institution the demo information coordinator speaks for: a hospital of the Utrecht
     * region from the loaded reference data, else any institution there, else any at all (the
     * synthetic demo set has no Utrecht).
     */
    private static Optional<Map.Entry<String, String>> institution(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, coalesce(organisation, name) FROM institution"
                + " ORDER BY (region_code = ?) DESC NULLS LAST, (type = 'ziekenhuis') DESC, emergency_department DESC NULLS LAST, name, id LIMIT 1")) {
            ps.setString(1, REGION);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Map.entry(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** Whether any demo user exists (production mode refuses to start then). */
    public static boolean exist(DataSource dataSource) {
        return new Transactions(dataSource).run(c -> new UserStore().anyDemo(c));
    }
}

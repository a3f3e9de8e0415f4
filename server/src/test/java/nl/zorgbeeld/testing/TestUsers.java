package nl.zorgbeeld.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.zorgbeeld.auth.OrganisationKind;
import nl.zorgbeeld.auth.OrganisationStore;
import nl.zorgbeeld.auth.Passwords;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.auth.Session;
import nl.zorgbeeld.auth.SessionStore;
import nl.zorgbeeld.auth.TokenScope;
import nl.zorgbeeld.auth.TokenStore;
import nl.zorgbeeld.auth.UserStore;
import nl.zorgbeeld.db.Transactions;

/**
 * Users made directly in the test database, with an API token (read-write) to send as
 * {@code Authorization: Bearer} and, on request, a logged-in browser session. Organisations are
 * found by name or made in the given safety region; the fixtures' region is {@link #REGION}
 * (Utrecht), where {@link TestIncidents} puts its incidents.
 */
public final class TestUsers {
    public static final String REGION = "VR09";
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Map<String, TestUser> CACHE = new ConcurrentHashMap<>();

    private TestUsers() {}

    /** A test user: who it is, and its API token. */
    public record TestUser(long id, String login, String displayName, long organisationId, String organisation, String region,
                           Set<Role> roles, String institutionId, String token) {}

    /** The user the fixtures act as when a test names nobody: Hanna Informatie, Hoofd Informatie of GHOR Utrecht (VR09). */
    public static TestUser standard() {
        return user("Hanna Informatie", "GHOR Utrecht", Role.HOOFD_INFORMATIE);
    }

    /** A user of an organisation in the fixtures' region with these roles (the same user for the same arguments). */
    public static TestUser user(String displayName, String organisation, Role... roles) {
        return user(displayName, organisation, REGION, null, roles);
    }

    /** A user of {@code organisation} (in {@code region}), optionally bound to an institution. */
    public static TestUser user(String displayName, String organisation, String region, String institutionId, Role... roles) {
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
        String key = displayName + "|" + organisation + "|" + region + "|" + institutionId + "|" + set;
        return CACHE.computeIfAbsent(key, k -> create(displayName, organisation, region, institutionId, set, null, false));
    }

    /** Always a new user (its own login), for tests that change the user (lockout, tokens, sessions). */
    public static TestUser fresh(String displayName, String organisation, String region, String institutionId, Role... roles) {
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
        return create(displayName, organisation, region, institutionId, set, null, false);
    }

    /**
     * A new user with a password for the login flow: enrolled with {@code totpSecret} (Base32), or,
     * when it is null, not yet enrolled (the enrolment code is then set with {@link #enrolmentCode}).
     */
    public static TestUser withPassword(String password, String totpSecret, Role... roles) {
        return withPassword(password, totpSecret, null, roles);
    }

    /** As {@link #withPassword(String, String, Role...)}, bound to a care institution (an information coordinator). */
    public static TestUser withPassword(String password, String totpSecret, String institutionId, Role... roles) {
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
        TestUser user = create("Login Test", "GHOR Utrecht", REGION, institutionId, set, Passwords.hash(password), false);
        if (totpSecret != null) run(c -> {
            new UserStore().enrolWith(c, user.id(), totpSecret);
            return null;
        });
        return user;
    }

    /** Gives the user a one-time enrolment code (as an administrator would) and returns it. */
    public static String enrolmentCode(TestUser user) {
        String code = nl.zorgbeeld.auth.Secrets.code();
        run(c -> {
            new UserStore().resetEnrolment(c, user.id(), nl.zorgbeeld.auth.Secrets.hash(nl.zorgbeeld.auth.Secrets.normaliseCode(code)),
                    OffsetDateTime.now().plusHours(1));
            return null;
        });
        return code;
    }

    /** A logged-in (full) browser session of the user, as the login would make it; returns the cookie value. */
    public static String session(TestUser user) {
        return run(c -> new SessionStore().create(c, user.id(), Session.State.FULL, null));
    }

    /** The CSRF token of a session. */
    public static String csrf(String sessionId) {
        return run(c -> new SessionStore().find(c, sessionId).orElseThrow().csrfToken());
    }

    /** A new API token of the user with this scope, expiring at {@code expires}. */
    public static String token(TestUser user, TokenScope scope, OffsetDateTime expires) {
        return run(c -> new TokenStore().create(c, user.id(), "test", scope, expires).secret());
    }

    /** The organisation with this name, made in {@code region} when it does not exist yet; its id. */
    public static long organisation(String name, String region) {
        return run(c -> organisation(c, name, region));
    }

    private static long organisation(Connection c, String name, String region) throws SQLException {
        OrganisationStore store = new OrganisationStore();
        var existing = store.findByName(c, name);
        if (existing.isPresent()) {
            if (!existing.get().regionCode().equalsIgnoreCase(region)) {
                throw new IllegalStateException("test organisation " + name + " exists in " + existing.get().regionCode() + ", not " + region);
            }
            return existing.get().id();
        }
        OrganisationKind kind = name.startsWith("GHOR") ? OrganisationKind.GHOR : OrganisationKind.OVERIG;
        return store.insert(c, new OrganisationStore.Fields(name, kind, region, null, null, null, null, false, List.of()), false);
    }

    private static TestUser create(String displayName, String organisation, String region, String institutionId, Set<Role> roles,
                                   String passwordHash, boolean demo) {
        return run(c -> {
            long org = organisation(c, organisation, region);
            String login = "test-" + SEQUENCE.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
            UserStore users = new UserStore();
            long id = users.insert(c, new UserStore.NewUser(login, displayName, org, roles, passwordHash, institutionId, demo));
            String token = new TokenStore().create(c, id, "test", TokenScope.READ_WRITE, OffsetDateTime.now().plusDays(2)).secret();
            return new TestUser(id, login, displayName, org, organisation, region, Set.copyOf(roles), institutionId, token);
        });
    }

    private static <T> T run(Transactions.Work<T> work) {
        return new Transactions(TestDatabase.dataSource()).run(work);
    }
}

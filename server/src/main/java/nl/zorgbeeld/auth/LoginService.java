package nl.zorgbeeld.auth;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.OptionalLong;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging in: a password and then the second factor (a TOTP code, or at the first login the
 * enrolment with the one-time code from the administrator), or a verified identity from the
 * organisation's own provider ({@link #externalLogin}). Every step that completes the login makes a
 * new session (a new id), so a session id known before the login is worth nothing after it.
 * Wrong passwords and codes count per account ({@value #MAX_FAILURES} in a row lock it for
 * {@link #LOCK}) and per network address; each is logged.
 */
public final class LoginService {
    private static final Logger LOG = LoggerFactory.getLogger("login");
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final Duration ENROLMENT_CODE_VALIDITY = Duration.ofHours(72);
    /** Half-finished logins (password given, code not yet) end after this. */
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);
    static final String ISSUER = "Zorgbeeld";

    private final Transactions tx;
    private final UserStore users;
    private final OrganisationStore organisations;
    private final SessionStore sessions;
    private final AuthSettings settings;
    private final Clock clock;
    private final Totp totp = new Totp();
    private final AttemptLimiter addresses;

    public LoginService(Transactions tx, UserStore users, OrganisationStore organisations, SessionStore sessions, AuthSettings settings,
                        Clock clock) {
        this.tx = tx;
        this.users = users;
        this.organisations = organisations;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
        this.addresses = new AttemptLimiter(50, Duration.ofMinutes(10), clock);
    }

    /** What comes next: a TOTP code, the enrolment, or nothing (logged in). */
    public enum Step {
        TOTP("totp"), ENROL("enrol"), FULL("full");

        public final String code;

        Step(String code) {
            this.code = code;
        }
    }

    /** A started or completed login: the new session's id for the cookie, and the next step. */
    public record Started(String sessionId, Step step, long userId) {}

    /** The enrolment of a second factor: the secret to add to an authenticator app, as text, URI and QR code. */
    public record Enrolment(String secret, String otpauthUri, String qrSvg) {}

    /** A result, or a refusal to throw once the transaction (with the counted failure) has committed. */
    private record Outcome<T>(T value, ApiException refusal) {
        static <T> Outcome<T> ok(T value) { return new Outcome<>(value, null); }

        static <T> Outcome<T> refused(ApiException e) { return new Outcome<>(null, e); }

        T get() {
            if (refusal != null) throw refusal;
            return value;
        }
    }

    /** Step one: login name and password. {@code oldSessionId} (a cookie the browser had) is ended. */
    public Started password(String login, String password, String oldSessionId, String address) {
        limitAddress(address);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.<Outcome<Started>>run(c -> {
            endOld(c, oldSessionId);
            var found = users.findByLogin(c, login);
            if (found.isEmpty()) {
                Passwords.waste(password);
                return failed(c, null, address, login, "unknown login", loginFailed());
            }
            User user = users.lock(c, found.get().id()).orElseThrow();
            if (user.lockedAt(now)) return Outcome.<Started>refused(locked(user, login, address));
            if (!Passwords.matches(password, user.passwordHash())) return failed(c, user, address, login, "wrong password", loginFailed());
            if (user.disabled()) return failed(c, null, address, login, "disabled account", loginFailed());
            Session.State state = user.enrolled() ? Session.State.TOTP : Session.State.ENROL;
            LOG.info("password accepted for {} from {}; next: {}", user.login(), address, state.code);
            return Outcome.ok(new Started(sessions.create(c, user.id(), state, null), user.enrolled() ? Step.TOTP : Step.ENROL, user.id()));
        }).get();
    }

    /** Step two at the first login: the one-time enrolment code gives a new TOTP secret to confirm. */
    public Enrolment enrol(String sessionId, String enrolmentCode, String address) {
        limitAddress(address);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.<Outcome<Enrolment>>run(c -> {
            Session session = step(c, sessionId, now, Session.State.ENROL, Session.State.ENROL_CONFIRM);
            User user = users.lock(c, session.userId()).orElseThrow();
            if (user.lockedAt(now)) return Outcome.<Enrolment>refused(locked(user, user.login(), address));
            if (user.enrolmentCodeHash() == null || user.enrolmentCodeExpires() == null || !user.enrolmentCodeExpires().isAfter(now)) {
                return Outcome.<Enrolment>refused(new ApiException(401, "EnrolmentCodeExpired", "Enrolment code expired",
                        "There is no valid enrolment code for this account: ask your administrator for a new one", "enrolmentCode"));
            }
            if (!Secrets.same(user.enrolmentCodeHash(), Secrets.hash(Secrets.normaliseCode(enrolmentCode)))) {
                return failed(c, user, address, user.login(), "wrong enrolment code", codeRejected("enrolmentCode",
                        "The enrolment code is not right"));
            }
            String secret = Totp.newSecret();
            sessions.setState(c, session, Session.State.ENROL_CONFIRM, secret);
            String uri = Totp.uri(ISSUER, user.login(), secret);
            LOG.info("enrolment code accepted for {}; awaiting the first code", user.login());
            return Outcome.ok(new Enrolment(secret, uri, QrSvg.of(uri)));
        }).get();
    }

    /** The first code from the newly added secret completes the enrolment and the login. */
    public Started confirmEnrolment(String sessionId, String code, String address) {
        return secondFactor(sessionId, code, address, Session.State.ENROL_CONFIRM);
    }

    /** Step two of every later login: a TOTP code, refused when its time step was used before. */
    public Started totp(String sessionId, String code, String address) {
        return secondFactor(sessionId, code, address, Session.State.TOTP);
    }

    private Started secondFactor(String sessionId, String code, String address, Session.State expected) {
        limitAddress(address);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.<Outcome<Started>>run(c -> {
            Session session = step(c, sessionId, now, expected);
            User user = users.lock(c, session.userId()).orElseThrow();
            if (user.lockedAt(now)) return Outcome.<Started>refused(locked(user, user.login(), address));
            boolean enrolling = expected == Session.State.ENROL_CONFIRM;
            String secret = enrolling ? session.pendingSecret() : user.totpSecret();
            Long lastStep = enrolling ? null : user.lastTotpStep();
            OptionalLong step = totp.verify(secret, code, now.toInstant(), lastStep);
            if (step.isEmpty()) {
                boolean replay = lastStep != null && totp.verify(secret, code, now.toInstant(), null).isPresent();
                return failed(c, user, address, user.login(), replay ? "replayed TOTP code" : "wrong TOTP code",
                        codeRejected("code", replay ? "This code was used already: wait for the next one" : "The code is not right"));
            }
            if (enrolling) users.confirmEnrolment(c, user.id(), secret, step.getAsLong());
            else users.recordSuccess(c, user.id(), step.getAsLong());
            sessions.delete(c, session.idHash());
            sessions.purgeIdle(c, now.minusMinutes(settings.sessionIdleMinutes()));
            LOG.info("{} logged in from {}{}", user.login(), address, enrolling ? " (second factor enrolled)" : "");
            return Outcome.ok(new Started(sessions.create(c, user.id(), Session.State.FULL, null), Step.FULL, user.id()));
        }).get();
    }

    /**
     * The seam for federated login: the OIDC client calls this once it has verified the provider's
     * ID token. Finds the organisation's user known by {@code subject} (or, not yet linked, with
     * that login), and starts a full session when the provider reported a second factor, or the
     * TOTP step (enrolment first, when needed) when the organisation is configured to add
     * Zorgbeeld's own; otherwise refuses (403). {@code oldSessionId} is ended.
     */
    public Started externalLogin(long organisationId, String subject, boolean hasSecondFactor, String oldSessionId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.run(c -> {
            endOld(c, oldSessionId);
            Organisation organisation = organisations.find(c, organisationId).filter(Organisation::federated).orElseThrow(() ->
                    new ApiException(403, "NotFederated", "Forbidden", "Organisation " + organisationId + " has no identity provider", null));
            User user = users.findExternal(c, organisationId, subject).orElseThrow(() -> {
                LOG.warn("OIDC login refused: {} of {} has no account", subject, organisation.name());
                return new ApiException(403, "UnknownUser", "Forbidden", "There is no Zorgbeeld account for this identity at "
                        + organisation.name() + ": ask your organisation's administrator", null);
            });
            if (user.disabled()) {
                LOG.warn("OIDC login refused: {} is disabled", user.login());
                throw new ApiException(403, "AccountDisabled", "Forbidden", "This account is disabled", null);
            }
            if (user.lockedAt(now)) throw locked(user, user.login(), "OIDC");
            if (user.externalSubject() == null) users.linkExternal(c, user.id(), subject);
            Step step;
            Session.State state;
            if (hasSecondFactor) {
                state = Session.State.FULL;
                step = Step.FULL;
            } else if (organisation.oidcAddTotp()) {
                state = user.enrolled() ? Session.State.TOTP : Session.State.ENROL;
                step = user.enrolled() ? Step.TOTP : Step.ENROL;
            } else {
                LOG.warn("OIDC login refused: {} logged in at {} without a second factor", user.login(), organisation.name());
                throw new ApiException(403, "SecondFactorRequired", "Forbidden", "Your organisation's login did not include a second"
                        + " factor, which Zorgbeeld requires: log in with multi-factor authentication", null);
            }
            LOG.info("{} logged in through {}; next: {}", user.login(), organisation.name(), step.code);
            return new Started(sessions.create(c, user.id(), state, null), step, user.id());
        });
    }

    public void logout(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) return;
        tx.run(c -> {
            endOld(c, sessionId);
            return null;
        });
    }

    /** A new one-time enrolment code for a user: the second factor is reset and every session of the user ends. */
    public String newEnrolmentCode(Connection c, long userId) throws SQLException {
        String code = Secrets.code();
        users.resetEnrolment(c, userId, Secrets.hash(Secrets.normaliseCode(code)), OffsetDateTime.now(clock).plus(ENROLMENT_CODE_VALIDITY));
        sessions.deleteForUser(c, userId);
        return code;
    }

    private void endOld(Connection c, String sessionId) throws SQLException {
        if (sessionId != null && !sessionId.isBlank()) sessions.delete(c, Secrets.hash(sessionId));
    }

    /** The half-finished login of this cookie, in one of the expected steps; 401 otherwise. */
    private Session step(Connection c, String sessionId, OffsetDateTime now, Session.State... expected) throws SQLException {
        Session session = sessionId == null || sessionId.isBlank() ? null : sessions.find(c, sessionId).orElse(null);
        boolean fresh = session != null && session.lastSeenAt().plus(STEP_TIMEOUT).isAfter(now);
        if (fresh) {
            for (Session.State state : expected) {
                if (session.state() == state) return session;
            }
        }
        throw new ApiException(401, "LoginRequired", "Login required", "Start the login again with POST /auth/login"
                + (session != null && !fresh ? ": the previous step was more than " + STEP_TIMEOUT.toMinutes() + " minutes ago" : ""), null);
    }

    private <T> Outcome<T> failed(Connection c, User user, String address, String login, String reason, ApiException refusal)
            throws SQLException {
        addresses.failed(address);
        if (user != null) {
            OffsetDateTime lockedUntil = OffsetDateTime.now(clock).plus(LOCK);
            users.recordFailure(c, user.id(), MAX_FAILURES, lockedUntil);
            if (user.failedAttempts() + 1 >= MAX_FAILURES) {
                LOG.warn("login failed for {} from {}: {}; account locked until {} after {} failures in a row", login, address, reason,
                        lockedUntil, MAX_FAILURES);
                return Outcome.refused(refusal);
            }
        }
        LOG.warn("login failed for {} from {}: {}", login, address, reason);
        return Outcome.refused(refusal);
    }

    private ApiException locked(User user, String login, String address) {
        long seconds = Math.max(1, Duration.between(OffsetDateTime.now(clock), user.lockedUntil()).toSeconds());
        LOG.warn("login refused for {} from {}: account locked until {}", login, address, user.lockedUntil());
        return new ApiException(429, "AccountLocked", "Too many attempts", "Too many wrong passwords or codes: this account is locked"
                + " for " + Math.max(1, (seconds + 59) / 60) + " more minute(s)", null,
                Map.of("lockedUntil", user.lockedUntil().toString(), "retryAfter", seconds));
    }

    private void limitAddress(String address) {
        Duration wait = addresses.wait(address);
        if (!wait.isZero() && !wait.isNegative()) {
            LOG.warn("login refused from {}: too many failed attempts from this address", address);
            throw new ApiException(429, "TooManyAttempts", "Too many attempts", "Too many failed logins from your address: try again in "
                    + Math.max(1, wait.toMinutes()) + " minute(s)", null, Map.of("retryAfter", Math.max(1, wait.toSeconds())));
        }
    }

    private static ApiException loginFailed() {
        return new ApiException(401, "LoginFailed", "Login failed", "The login name or password is not right", null);
    }

    private static ApiException codeRejected(String where, String detail) {
        return new ApiException(401, "CodeRejected", "Code rejected", detail, where);
    }
}

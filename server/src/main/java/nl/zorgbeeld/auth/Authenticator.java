package nl.zorgbeeld.auth;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.zorgbeeld.db.Transactions;

/**
 * Finds who a request is: an API token ({@code Authorization: Bearer}) or a full browser session
 * (the {@code zb_session} cookie). A token that is sent must be good (malformed, unknown, expired
 * or revoked: 401); a stale or unfinished session simply counts as no login.
 */
public final class Authenticator {
    private static final Pattern TOKEN = Pattern.compile(Pattern.quote(TokenStore.PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final String SESSION_ATTRIBUTE = "zorgbeeld.session";

    private final Transactions tx;
    private final SessionStore sessions;
    private final TokenStore tokens;
    private final UserStore users;
    private final AuthSettings settings;
    private final Clock clock;

    public Authenticator(Transactions tx, SessionStore sessions, TokenStore tokens, UserStore users, AuthSettings settings, Clock clock) {
        this.tx = tx;
        this.sessions = sessions;
        this.tokens = tokens;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<Principal> authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) return Optional.of(byToken(ctx, authorization));
        String id = ctx.cookie(SessionCookie.NAME);
        if (id == null || id.isBlank()) return Optional.empty();
        return bySession(ctx, id);
    }

    /** The full session of the request, set by {@link #authenticate} (for the CSRF check and /api/me). */
    public static Optional<Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION_ATTRIBUTE));
    }

    private Principal byToken(Context ctx, String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Access.unauthenticated(ctx, "The Authorization header must be 'Bearer <token>' with an API token of Zorgbeeld");
        }
        String secret = authorization.substring(7).trim();
        if (!TOKEN.matcher(secret).matches()) {
            throw Access.unauthenticated(ctx, "The bearer token is malformed: Zorgbeeld tokens start with " + TokenStore.PREFIX);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.run(c -> {
            ApiToken token = tokens.find(c, secret).orElseThrow(() -> Access.unauthenticated(ctx, "The bearer token is unknown"));
            if (token.revokedAt() != null) throw Access.unauthenticated(ctx, "The bearer token was revoked at " + token.revokedAt());
            if (!token.expiresAt().isAfter(now)) throw Access.unauthenticated(ctx, "The bearer token expired at " + token.expiresAt());
            User user = users.find(c, token.userId()).orElseThrow();
            if (user.disabled()) throw Access.unauthenticated(ctx, "The account of this token is disabled");
            tokens.touch(c, token, now);
            return user.principal(AuthMethod.TOKEN, token.scope());
        });
    }

    private Optional<Principal> bySession(Context ctx, String id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.run(c -> {
            Optional<Session> found = sessions.find(c, id);
            if (found.isEmpty() || !found.get().full()) return Optional.empty();
            Session session = found.get();
            if (session.lastSeenAt().plusMinutes(settings.sessionIdleMinutes()).isBefore(now)) {
                sessions.delete(c, session.idHash());
                return Optional.empty();
            }
            Optional<User> user = users.find(c, session.userId());
            if (user.isEmpty() || user.get().disabled()) return Optional.empty();
            sessions.touch(c, session, now);
            ctx.attribute(SESSION_ATTRIBUTE, session);
            return Optional.of(user.get().principal(AuthMethod.SESSION, null));
        });
    }
}

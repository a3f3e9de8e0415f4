package nl.zorgbeeld.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/**
 * HTTP of the login flow ({@code /auth/...}), who am I ({@code GET /api/me}) and one's own API
 * tokens ({@code /api/me/tokens}).
 */
public final class AuthHandler {
    private static final int MAX_NAME = 100;

    private final LoginService login;
    private final TokenService tokens;
    private final Transactions tx;
    private final UserStore users;
    private final OrganisationStore organisations;
    private final SessionStore sessions;
    private final AuthSettings settings;

    public AuthHandler(LoginService login, TokenService tokens, Transactions tx, UserStore users, OrganisationStore organisations,
                       SessionStore sessions, AuthSettings settings) {
        this.login = login;
        this.tokens = tokens;
        this.tx = tx;
        this.users = users;
        this.organisations = organisations;
        this.sessions = sessions;
        this.settings = settings;
    }

    public void register(RoutesConfig routes) {
        routes.post("/auth/login", this::password);
        routes.post("/auth/enrol", this::enrol);
        routes.post("/auth/enrol/confirm", this::confirm);
        routes.post("/auth/totp", this::totp);
        routes.post("/auth/logout", this::logout);
        routes.get("/auth/providers", this::providers);
        routes.get("/api/me", this::me);
        routes.get("/api/me/tokens", this::listTokens);
        routes.post("/api/me/tokens", this::createToken);
        routes.delete("/api/me/tokens/{tokenId}", this::revokeToken);
    }

    private void password(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("login", "password"));
        String name = body.requiredText("login", MAX_NAME);
        String password = body.required("password", body.text("password", Passwords.MAX_LENGTH));
        LoginService.Started started = login.password(name, password, ctx.cookie(SessionCookie.NAME), ctx.ip());
        SessionCookie.set(ctx, settings, started.sessionId());
        ctx.json(Map.of("step", started.step().code));
    }

    private void enrol(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("enrolmentCode"));
        LoginService.Enrolment enrolment = login.enrol(ctx.cookie(SessionCookie.NAME), body.requiredText("enrolmentCode", 40), ctx.ip());
        ctx.json(enrolment);
    }

    private void confirm(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("code"));
        completed(ctx, login.confirmEnrolment(ctx.cookie(SessionCookie.NAME), body.requiredText("code", 20), ctx.ip()));
    }

    private void totp(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("code"));
        completed(ctx, login.totp(ctx.cookie(SessionCookie.NAME), body.requiredText("code", 20), ctx.ip()));
    }

    /** A completed login: the new session's cookie, and who is now logged in. */
    private void completed(Context ctx, LoginService.Started started) {
        SessionCookie.set(ctx, settings, started.sessionId());
        ctx.json(tx.run(c -> {
            User user = users.find(c, started.userId()).orElseThrow();
            Session session = sessions.find(c, started.sessionId()).orElseThrow();
            return me(user.principal(AuthMethod.SESSION, null), session.csrfToken());
        }));
    }

    private void logout(Context ctx) {
        login.logout(ctx.cookie(SessionCookie.NAME));
        SessionCookie.clear(ctx, settings);
        ctx.status(204);
    }

    /** The organisations that log in through their own identity provider, for the login page's buttons. */
    private void providers(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.json(tx.run(c -> organisations.all(c).stream().filter(Organisation::federated)
                .map(o -> Map.of("organisationId", o.id(), "name", o.name())).toList()));
    }

    private void me(Context ctx) {
        new QueryParams(ctx, Set.of());
        Principal principal = Principals.require(ctx);
        ctx.json(me(principal, Authenticator.session(ctx).map(Session::csrfToken).orElse(null)));
    }

    static Map<String, Object> me(Principal p, String csrfToken) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("id", p.organisationId());
        organisation.put("name", p.organisationName());
        organisation.put("kind", p.organisationKind().code());
        organisation.put("regionCode", p.regionCode());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("login", p.login());
        body.put("displayName", p.displayName());
        body.put("organisation", organisation);
        body.put("roles", p.roleCodes());
        body.put("institutionId", p.institutionId());
        body.put("authMethod", p.method() == AuthMethod.SESSION ? "session" : "token");
        if (p.scope() != null) body.put("tokenScope", p.scope().code());
        body.put("csrfToken", csrfToken);
        return body;
    }

    private void listTokens(Context ctx) {
        new QueryParams(ctx, Set.of());
        OffsetDateTime now = OffsetDateTime.now();
        List<Map<String, Object>> list = tokens.list(Principals.require(ctx)).stream().map(t -> view(t, now)).toList();
        ctx.json(Map.of("tokens", list));
    }

    private void createToken(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("name", "scope", "expiresInDays"));
        String name = body.requiredText("name", MAX_NAME);
        TokenScope scope = Optional.ofNullable(body.code("scope", TokenScope.class)).orElse(TokenScope.READ);
        int days = Optional.ofNullable(body.integer("expiresInDays", 1, settings.tokenMaxDays())).orElse(90);
        TokenStore.Created created = tokens.create(Principals.require(ctx), name, scope, days);
        Map<String, Object> view = view(created.token(), OffsetDateTime.now());
        view.put("token", created.secret());
        ctx.status(201).json(view);
    }

    private void revokeToken(Context ctx) {
        tokens.revoke(Principals.require(ctx), PathParams.id(ctx, "tokenId", "token"));
        ctx.status(204);
    }

    private static Map<String, Object> view(ApiToken t, OffsetDateTime now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("scope", t.scope().code());
        m.put("createdAt", t.createdAt());
        m.put("expiresAt", t.expiresAt());
        m.put("revokedAt", t.revokedAt());
        m.put("lastUsedAt", t.lastUsedAt());
        m.put("active", t.activeAt(now));
        return m;
    }

    /** Refuses a password that is too short, for administrators setting one. */
    static String checkedPassword(JsonBody body, String field) {
        String password = body.text(field, Passwords.MAX_LENGTH);
        if (password == null) return null;
        if (password.codePointCount(0, password.length()) < Passwords.MIN_LENGTH) {
            throw ApiException.badBody(field, field + " must be at least " + Passwords.MIN_LENGTH + " characters long");
        }
        return password;
    }
}

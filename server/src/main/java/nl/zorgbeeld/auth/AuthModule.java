package nl.zorgbeeld.auth;

import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.zorgbeeld.auth.oidc.OidcClient;
import nl.zorgbeeld.auth.oidc.OidcHandler;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.live.IncidentVisibility;

/**
 * Wires access control: the route check, the login flow, tokens, the administration of
 * organisations and users, invitations and the audit trail. {@link #login()} is the seam for the
 * federated (OIDC) login.
 */
public final class AuthModule {
    private final Access access;
    private final LoginService login;
    private final TokenService tokens;
    private final AuthHandler authHandler;
    private final AdminHandler adminHandler;
    private final InvitationHandler invitationHandler;
    private final AuditHandler auditHandler;
    private final AuthSettings settings;
    private final OidcHandler oidcHandler;
    private final LiveVisibility liveVisibility;

    /**
     * @param baseUrl where users reach the app, for the OIDC callback address
     * @param secrets the value of a named secret (the environment variable an organisation's client secret is in)
     */
    public AuthModule(DataSource dataSource, AuthSettings settings, Clock clock, Supplier<URI> baseUrl, Function<String, String> secrets) {
        this.settings = settings;
        Transactions tx = new Transactions(dataSource);
        UserStore users = new UserStore();
        OrganisationStore organisations = new OrganisationStore();
        SessionStore sessions = new SessionStore();
        TokenStore tokenStore = new TokenStore();
        access = new Access(new Authenticator(tx, sessions, tokenStore, users, settings, clock), new AccessStore(dataSource));
        login = new LoginService(tx, users, organisations, sessions, settings, clock);
        tokens = new TokenService(tx, tokenStore, users, settings, clock);
        authHandler = new AuthHandler(login, tokens, tx, users, organisations, sessions, settings);
        adminHandler = new AdminHandler(new AdminService(tx, organisations, users, sessions, login));
        invitationHandler = new InvitationHandler(new InvitationService(tx, organisations, new ChangeLog()));
        auditHandler = new AuditHandler(tx);
        FederatedLogin federated = new FederatedLogin(tx, organisations, login, settings, baseUrl, secrets, clock);
        liveVisibility = new LiveVisibility(dataSource);
        oidcHandler = new OidcHandler(OidcClient.withDefaults(), federated, federated, federated);
    }

    /** With the system clock; a named secret is the environment variable of that name (or else the Java system property). */
    public static AuthModule create(DataSource dataSource, AuthSettings settings, Supplier<URI> baseUrl) {
        return new AuthModule(dataSource, settings, Clock.systemUTC(), baseUrl,
                name -> System.getenv(name) != null ? System.getenv(name) : System.getProperty(name));
    }

    /** The route check: installed before any route is registered. */
    public void installAccess(RoutesConfig routes) {
        access.install(routes);
    }

    public void register(RoutesConfig routes) {
        authHandler.register(routes);
        adminHandler.register(routes);
        invitationHandler.register(routes);
        auditHandler.register(routes);
        oidcHandler.register(routes);
    }

    public Access access() { return access; }

    /** The login flow, for the OIDC client ({@link LoginService#externalLogin}). */
    public LoginService login() { return login; }

    public TokenService tokens() { return tokens; }

    /** Which incidents a live stream may carry to its user. */
    public IncidentVisibility liveVisibility() { return liveVisibility; }

    public AuthSettings settings() { return settings; }
}

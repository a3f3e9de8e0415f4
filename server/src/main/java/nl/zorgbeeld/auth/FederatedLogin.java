package nl.zorgbeeld.auth;

import io.javalin.http.Context;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.zorgbeeld.auth.oidc.ExternalIdentity;
import nl.zorgbeeld.auth.oidc.ExternalLoginSink;
import nl.zorgbeeld.auth.oidc.OidcClient;
import nl.zorgbeeld.auth.oidc.OidcProvider;
import nl.zorgbeeld.auth.oidc.OidcProviders;
import nl.zorgbeeld.auth.oidc.PendingLogin;
import nl.zorgbeeld.auth.oidc.PendingLoginStore;
import nl.zorgbeeld.auth.oidc.SecondFactorPolicy;
import nl.zorgbeeld.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the OIDC client (package auth.oidc) needs from the rest of access control: each
 * organisation's provider (from the organisation table, the client secret from the environment
 * variable it names), the pending login of a browser (table oidc_pending_login, found through the
 * {@code zb_oidc} cookie), and turning a verified identity into a session ({@link LoginService#externalLogin}).
 */
public final class FederatedLogin implements OidcProviders, PendingLoginStore, ExternalLoginSink {
    private static final Logger LOG = LoggerFactory.getLogger(FederatedLogin.class);
    static final String COOKIE = "zb_oidc";

    private final Transactions tx;
    private final OrganisationStore organisations;
    private final LoginService login;
    private final AuthSettings settings;
    private final Supplier<URI> baseUrl;
    private final Function<String, String> secrets;
    private final Clock clock;

    /**
     * @param baseUrl where users reach the app (ZORGBEELD_PUBLIC_URL, else this server), for the callback address
     * @param secrets the value of a named secret (an environment variable)
     */
    public FederatedLogin(Transactions tx, OrganisationStore organisations, LoginService login, AuthSettings settings,
                          Supplier<URI> baseUrl, Function<String, String> secrets, Clock clock) {
        this.tx = tx;
        this.organisations = organisations;
        this.login = login;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Optional<OidcProvider> find(long organisationId) {
        Optional<Organisation> found = tx.run(c -> organisations.find(c, organisationId)).filter(Organisation::federated);
        if (found.isEmpty()) return Optional.empty();
        Organisation o = found.get();
        String secret = o.oidcClientSecretRef() == null ? null : secrets.apply(o.oidcClientSecretRef());
        if (secret == null || secret.isBlank()) {
            LOG.warn("organisation {} has an identity provider but its client secret ({}) is not set", o.name(), o.oidcClientSecretRef());
            return Optional.empty();
        }
        try {
            return Optional.of(new OidcProvider(o.id(), o.oidcIssuer(), o.oidcClientId(), secret, callback(),
                    o.oidcAddTotp() ? SecondFactorPolicy.ZORGBEELD_TOTP_FALLBACK : SecondFactorPolicy.REQUIRE_FROM_PROVIDER,
                    Set.copyOf(o.oidcMfaAcrValues())));
        } catch (IllegalArgumentException e) {
            LOG.warn("organisation {} has an unusable identity provider configuration: {}", o.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private URI callback() {
        String base = baseUrl.get().toString().replaceAll("/+$", "");
        return URI.create(base + "/auth/oidc/callback");
    }

    @Override
    public void put(Context ctx, PendingLogin pending) {
        String id = Secrets.token();
        String old = ctx.cookie(COOKIE);
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM oidc_pending_login WHERE id_hash = ? OR created_at < ?")) {
                ps.setString(1, old == null ? "" : Secrets.hash(old));
                ps.setObject(2, OffsetDateTime.now(clock).minus(OidcClient.DEFAULT_PENDING_LIFETIME));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO oidc_pending_login (id_hash, organisation_id, state, nonce,"
                    + " code_verifier, redirect_uri, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, Secrets.hash(id));
                ps.setLong(2, pending.organisationId());
                ps.setString(3, pending.state());
                ps.setString(4, pending.nonce());
                ps.setString(5, pending.codeVerifier());
                ps.setString(6, pending.redirectUri().toString());
                ps.setObject(7, pending.createdAt().atOffset(java.time.ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
        // Lax, not Strict: the provider sends the browser back with a top-level navigation from its own site.
        ctx.header("Set-Cookie", COOKIE + "=" + id + "; Path=/auth/oidc; Max-Age=" + OidcClient.DEFAULT_PENDING_LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (settings.tls() ? "; Secure" : ""));
    }

    @Override
    public Optional<PendingLogin> take(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || id.isBlank()) return Optional.empty();
        ctx.header("Set-Cookie", COOKIE + "=; Path=/auth/oidc; Max-Age=0; HttpOnly; SameSite=Lax" + (settings.tls() ? "; Secure" : ""));
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM oidc_pending_login WHERE id_hash = ?"
                    + " RETURNING state, nonce, code_verifier, organisation_id, redirect_uri, created_at")) {
                ps.setString(1, Secrets.hash(id));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    Instant created = rs.getObject(6, OffsetDateTime.class).toInstant();
                    return Optional.of(new PendingLogin(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            URI.create(rs.getString(5)), created));
                }
            }
        });
    }

    /** The session cookie is set here; the browser goes on to the app, or to the login page's TOTP or enrolment step. */
    @Override
    public String signIn(Context ctx, ExternalIdentity identity, SecondFactor secondFactor) {
        LoginService.Started started = login.externalLogin(identity.organisationId(), identity.subject(),
                secondFactor == SecondFactor.PROVIDER, ctx.cookie(SessionCookie.NAME));
        SessionCookie.set(ctx, settings, started.sessionId());
        return started.step() == LoginService.Step.FULL ? "/" : "/login.html?stap=" + started.step().code;
    }
}

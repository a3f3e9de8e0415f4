package nl.zorgbeeld.auth.oidc;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import nl.zorgbeeld.auth.oidc.ExternalLoginSink.SecondFactor;
import nl.zorgbeeld.auth.oidc.OidcLoginException.Reason;
import nl.zorgbeeld.http.PathParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federated login routes: {@code GET /auth/oidc/{organisationId}/start} sends the browser to its
 * organisation's identity provider, {@code GET /auth/oidc/callback} takes it back, applies the
 * organisation's second-factor policy and hands the identity to the {@link ExternalLoginSink}.
 * Refusals are the API's JSON error (401 with a {@code reason}), and logged.
 */
public final class OidcHandler {
    public static final String START = "/auth/oidc/{organisationId}/start";
    public static final String CALLBACK = "/auth/oidc/callback";
    private static final Logger LOG = LoggerFactory.getLogger(OidcHandler.class);

    private final OidcClient client;
    private final OidcProviders providers;
    private final PendingLoginStore pendingLogins;
    private final ExternalLoginSink sink;

    public OidcHandler(OidcClient client, OidcProviders providers, PendingLoginStore pendingLogins, ExternalLoginSink sink) {
        this.client = client;
        this.providers = providers;
        this.pendingLogins = pendingLogins;
        this.sink = sink;
    }

    /** @param roles the route roles of the login flow (open to anyone: the auth branch's public marker) */
    public void register(RoutesConfig routes, RouteRole... roles) {
        routes.get(START, this::start, roles);
        routes.get(CALLBACK, this::callback, roles);
    }

    private void start(Context ctx) {
        long organisationId = PathParams.id(ctx, "organisationId", "organisation");
        try {
            AuthorizationStart start = client.begin(provider(organisationId));
            pendingLogins.put(ctx, start.pending());
            redirect(ctx, start.authorizationUrl().toString());
        } catch (OidcLoginException e) {
            throw refused(organisationId, e);
        }
    }

    private void callback(Context ctx) {
        long organisationId = 0;
        try {
            PendingLogin pending = pendingLogins.take(ctx).orElseThrow(() -> new OidcLoginException(Reason.NO_PENDING_LOGIN,
                    "No login was started in this browser, or its answer was already used: start the login again"));
            organisationId = pending.organisationId();
            OidcProvider provider = provider(organisationId);
            ExternalIdentity identity = client.complete(provider, pending, ctx.queryParamMap());
            SecondFactor secondFactor = secondFactor(provider, identity);
            LOG.info("federated login of {} at {} for organisation {} (second factor: {})",
                    identity.subject(), identity.issuer(), organisationId, secondFactor);
            redirect(ctx, sink.signIn(ctx, identity, secondFactor));
        } catch (OidcLoginException e) {
            throw refused(organisationId, e);
        }
    }

    private OidcProvider provider(long organisationId) {
        return providers.find(organisationId).orElseThrow(() -> new OidcLoginException(Reason.UNKNOWN_PROVIDER,
                "Organisation " + organisationId + " has no identity provider to log in with"));
    }

    private static SecondFactor secondFactor(OidcProvider provider, ExternalIdentity identity) {
        if (identity.hasSecondFactor()) return SecondFactor.PROVIDER;
        if (provider.secondFactorPolicy() == SecondFactorPolicy.ZORGBEELD_TOTP_FALLBACK) return SecondFactor.ZORGBEELD_TOTP;
        throw new OidcLoginException(Reason.SECOND_FACTOR_MISSING, "The identity provider did not confirm a second factor "
                + "(amr " + identity.amr() + ", acr " + identity.acr() + ") and organisation " + provider.organisationId()
                + " requires one from it: log in there with a second factor");
    }

    private static void redirect(Context ctx, String location) {
        // The answer carries single-use values (state, code): never from a cache.
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(location, HttpStatus.FOUND);
    }

    private static RuntimeException refused(long organisationId, OidcLoginException e) {
        LOG.warn("federated login refused for organisation {}: {} ({})", organisationId, e.reason().code(), e.getMessage());
        return e.toApiException();
    }
}

package nl.zorgbeeld.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Visibility;
import nl.zorgbeeld.http.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route check, run before every matched route: finds the route's rule in {@link AccessRules},
 * authenticates the request, and refuses what the rule does not allow. Unauthenticated: 401; an
 * incident or care institution the user's organisation cannot see (or that does not exist): 404; a route the user's
 * roles do not open, a read-only token writing, or a browser write without the CSRF token: 403.
 * Every refusal is logged. Static files match no route and are served to everyone.
 */
public final class Access {
    private static final Logger LOG = LoggerFactory.getLogger("access");
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final Pattern INCIDENT_COLLECTION = Pattern.compile("incident-([1-9][0-9]{0,17})");
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final String INSTITUTION_ROUTES = "/api/institutions/{institutionId}";

    private final Authenticator authenticator;
    private final AccessStore store;

    public Access(Authenticator authenticator, AccessStore store) {
        this.authenticator = authenticator;
        this.store = store;
    }

    public void install(RoutesConfig routes) {
        routes.beforeMatched(this::check);
    }

    private void check(Context ctx) throws SQLException {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) return;
        HandlerType method = endpoint.method;
        Optional<Rule> found = AccessRules.find(method, endpoint.path);
        if (found.isEmpty()) {
            LOG.error("route {} {} has no access rule in AccessRules: refused", method, endpoint.path);
            throw deny(ctx, null, 403, "Forbidden", "This route has no access rule yet, so it is closed", "no rule");
        }
        Rule rule = found.get();
        if (rule.audience() == Rule.Audience.PUBLIC) return;
        Principal principal = authenticator.authenticate(ctx).orElseThrow(() -> {
            log(ctx, null, 401, "not logged in");
            return unauthenticated(ctx, "Log in first: a browser session or an API token (Authorization: Bearer)");
        });
        Principals.set(ctx, principal);
        if (rule.sessionOnly() && principal.method() != AuthMethod.SESSION) {
            throw deny(ctx, principal, 403, "Forbidden", "This can only be done from a browser session, not with an API token", "session only");
        }
        boolean write = !SAFE.contains(method);
        if (write && principal.method() == AuthMethod.TOKEN && principal.scope() != TokenScope.READ_WRITE) {
            throw deny(ctx, principal, 403, "Forbidden", "This API token may only read (scope read)", "read-only token");
        }
        if (write && principal.method() == AuthMethod.SESSION) requireCsrf(ctx, principal);
        AccessStore.IncidentAccess incident = incident(ctx, principal, rule);
        AccessStore.InstitutionAccess institution = institution(ctx, principal, rule);
        AccessRequest request = new AccessRequest(ctx, principal, incident, institution, store);
        Map<Condition, Boolean> decided = new HashMap<>();
        boolean allowed = rule.allows(principal.roles(), condition -> decided.computeIfAbsent(condition, cond -> holds(cond, request)));
        if (!allowed) {
            throw deny(ctx, principal, 403, "Forbidden", "Your role" + (principal.roles().size() == 1 ? "" : "s") + " ("
                    + String.join(", ", principal.roleCodes()) + ") may not " + method + " " + ctx.path()
                    + conditionsHint(rule, principal), "role");
        }
    }

    private static boolean holds(Condition condition, AccessRequest request) {
        try {
            return condition.check().holds(request);
        } catch (SQLException e) {
            throw new IllegalStateException("checking " + condition + " failed", e);
        }
    }

    private static String conditionsHint(Rule rule, Principal principal) {
        StringBuilder hint = new StringBuilder();
        for (Role role : principal.roles()) {
            var conditions = rule.grants().get(role);
            if (conditions != null && !conditions.isEmpty()) {
                hint.append(hint.isEmpty() ? ": as " : "; as ").append(role.code()).append(", ")
                        .append(String.join(" and ", conditions.stream().map(Condition::description).toList()));
            }
        }
        return hint.toString();
    }

    /** The incident the route is under, when it is one the user can see; 404 for any other. Null for routes not under an incident. */
    private AccessStore.IncidentAccess incident(Context ctx, Principal principal, Rule rule) throws SQLException {
        String raw = incidentParam(rule, ctx);
        if (raw == null) return null;
        if (!ID.matcher(raw).matches()) throw invisible(ctx, principal, raw);
        long id = Long.parseLong(raw);
        AccessStore.IncidentAccess incident = store.incident(id, principal.organisationId()).orElseThrow(() -> invisible(ctx, principal, raw));
        boolean visible = principal.has(Role.BEHEERDER) || incident.invited()
                || incident.regionCode() != null && incident.regionCode().equalsIgnoreCase(principal.regionCode());
        if (!visible) throw invisible(ctx, principal, raw);
        return incident;
    }

    /**
     * The care institution a route under /api/institutions/{institutionId} is about, when the user
     * may see it (its region's, or of an incident its organisation is invited to); 404 for any other,
     * as for an unknown one. Null for other routes.
     */
    private AccessStore.InstitutionAccess institution(Context ctx, Principal principal, Rule rule) throws SQLException {
        if (!rule.path().startsWith(INSTITUTION_ROUTES)) return null;
        String id = ctx.pathParam("institutionId");
        Optional<AccessStore.InstitutionAccess> found = id.isBlank() || id.length() > 200 ? Optional.empty()
                : store.institution(id, visibility(principal));
        if (found.isEmpty() || !found.get().visible()) {
            throw deny(ctx, principal, 404, "NotFound", "There is no institution '" + id + "'", "institution not visible");
        }
        return found.get();
    }

    /** The incident id in the path: {id} under /api/incidents, or an incident collection of the OGC API. */
    private static String incidentParam(Rule rule, Context ctx) {
        if (rule.path().startsWith("/api/incidents/{id}")) return ctx.pathParam("id");
        if (rule.path().startsWith("/ogc/collections/{collectionId}")) {
            Matcher m = INCIDENT_COLLECTION.matcher(ctx.pathParam("collectionId"));
            return m.matches() ? m.group(1) : null;
        }
        return null;
    }

    private ApiException invisible(Context ctx, Principal principal, String id) {
        return deny(ctx, principal, 404, "NotFound", "There is no incident " + id, "incident not visible");
    }

    private void requireCsrf(Context ctx, Principal principal) {
        String expected = Authenticator.session(ctx).map(Session::csrfToken).orElse(null);
        if (!Secrets.same(expected, ctx.header(CSRF_HEADER))) {
            throw deny(ctx, principal, 403, "CsrfTokenMissing", "A change from the browser needs the " + CSRF_HEADER
                    + " header with the csrfToken of GET /api/me", "csrf");
        }
    }

    /** What a user may see, for leaving other incidents out of lists. */
    public static Visibility visibility(Principal principal) {
        return principal.has(Role.BEHEERDER) ? Visibility.EVERYTHING
                : new Visibility(false, principal.regionCode(), principal.organisationId());
    }

    /** The incidents a request's user can see (for lists such as the OGC collections). */
    public Set<Long> visibleIncidents(Principal principal) {
        try {
            return store.visibleIncidents(visibility(principal));
        } catch (SQLException e) {
            throw new IllegalStateException("listing the visible incidents failed", e);
        }
    }

    /** The 401 of the API, with the header that tells a client how to authenticate. */
    public static ApiException unauthenticated(Context ctx, String detail) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"zorgbeeld\"");
        return new ApiException(401, "AuthenticationRequired", "Authentication required", detail, null);
    }

    private static ApiException deny(Context ctx, Principal principal, int status, String code, String detail, String reason) {
        log(ctx, principal, status, reason);
        String title = status == 404 ? "Not found" : "Forbidden";
        String where = code.equals("CsrfTokenMissing") ? CSRF_HEADER : null;
        return new ApiException(status, code, title, detail, where);
    }

    private static void log(Context ctx, Principal principal, int status, String reason) {
        LOG.warn("denied {} {} {}: {} (login {}, address {}, request {})", status, ctx.method(), ctx.path(), reason,
                principal == null ? "-" : principal.login(), ctx.ip(), RequestIds.of(ctx));
    }
}

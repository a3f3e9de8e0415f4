package nl.zorgbeeld.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for managing organisations ({@code /api/organisations}) and users ({@code /api/users}). */
public final class AdminHandler {
    private static final Set<String> ORGANISATION_FIELDS = Set.of("name", "kind", "regionCode", "institutionId", "oidcIssuer",
            "oidcClientId", "oidcClientSecretRef", "oidcAddTotp", "oidcMfaAcrValues");
    private static final Set<String> NEW_USER_FIELDS = Set.of("login", "displayName", "organisationId", "roles", "institutionId", "password");
    private static final Set<String> USER_FIELDS = Set.of("displayName", "roles", "disabled", "institutionId", "password");
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@-]{2,100}");
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern SECRET_REF = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");

    private final AdminService service;

    public AdminHandler(AdminService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/organisations", this::organisations);
        routes.post("/api/organisations", this::createOrganisation);
        routes.patch("/api/organisations/{organisationId}", this::updateOrganisation);
        routes.get("/api/users", this::users);
        routes.post("/api/users", this::createUser);
        routes.patch("/api/users/{userId}", this::updateUser);
        routes.post("/api/users/{userId}/enrolment-code", this::enrolmentCode);
    }

    /** Every organisation (for invitations and the login page); the identity-provider settings only for the beheerder. */
    private void organisations(Context ctx) {
        new QueryParams(ctx, Set.of());
        boolean full = Principals.require(ctx).has(Role.BEHEERDER);
        ctx.json(Map.of("organisations", service.organisations().stream().map(o -> AdminViews.organisation(o, full)).toList()));
    }

    private void createOrganisation(Context ctx) {
        JsonBody body = JsonBody.of(ctx, ORGANISATION_FIELDS);
        OrganisationStore.Fields fields = new OrganisationStore.Fields(body.requiredText("name", 200),
                body.required("kind", body.code("kind", OrganisationKind.class)), region(body, true), body.text("institutionId", 200),
                issuer(body), body.text("oidcClientId", 200), secretRef(body), Boolean.TRUE.equals(body.bool("oidcAddTotp")),
                acrValues(body));
        Organisation created = service.createOrganisation(Principals.require(ctx), fields);
        ctx.status(201).header("Location", "/api/organisations/" + created.id()).json(AdminViews.organisation(created, true));
    }

    private void updateOrganisation(Context ctx) {
        long id = PathParams.id(ctx, "organisationId", "organisation");
        JsonBody body = JsonBody.of(ctx, ORGANISATION_FIELDS);
        String name = body.has("name") ? body.requiredText("name", 200) : null;
        OrganisationKind kind = body.has("kind") ? body.required("kind", body.code("kind", OrganisationKind.class)) : null;
        String region = body.has("regionCode") ? region(body, true) : null;
        String issuer = issuer(body);
        String clientId = body.text("oidcClientId", 200);
        String secretRef = secretRef(body);
        String institution = body.text("institutionId", 200);
        Boolean addTotp = body.bool("oidcAddTotp");
        List<String> acr = body.has("oidcMfaAcrValues") ? acrValues(body) : null;
        Organisation updated = service.updateOrganisation(Principals.require(ctx), id, f -> new OrganisationStore.Fields(
                name == null ? f.name() : name, kind == null ? f.kind() : kind, region == null ? f.regionCode() : region,
                body.has("institutionId") ? institution : f.institutionId(),
                body.has("oidcIssuer") ? issuer : f.oidcIssuer(), body.has("oidcClientId") ? clientId : f.oidcClientId(),
                body.has("oidcClientSecretRef") ? secretRef : f.oidcClientSecretRef(), addTotp == null ? f.oidcAddTotp() : addTotp,
                acr == null ? f.oidcMfaAcrValues() : acr));
        ctx.json(AdminViews.organisation(updated, true));
    }

    /** The beheerder sees every user (or one organisation's with ?organisation=), an organisatiebeheerder those of its own organisation. */
    private void users(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("organisation"));
        Principal p = Principals.require(ctx);
        Long organisation = params.string("organisation") == null ? null : (long) params.integer("organisation", 0, 1, Integer.MAX_VALUE);
        if (!p.has(Role.BEHEERDER)) organisation = p.organisationId();
        ctx.json(Map.of("users", service.users(organisation).stream().map(AdminViews::user).toList()));
    }

    private void createUser(Context ctx) {
        JsonBody body = JsonBody.of(ctx, NEW_USER_FIELDS);
        String login = body.requiredText("login", 100);
        if (!LOGIN.matcher(login).matches()) {
            throw ApiException.badBody("login", "login must be 2 to 100 letters, digits or . _ @ -");
        }
        List<Role> roles = Optional.ofNullable(body.codes("roles", Role.class)).orElse(List.of());
        String password = AuthHandler.checkedPassword(body, "password");
        UserStore.NewUser fields = new UserStore.NewUser(login, body.requiredText("displayName", 200), body.requiredLong("organisationId"),
                AdminService.roleSet(roles), password == null ? null : Passwords.hash(password), body.text("institutionId", 200), false);
        AdminService.CreatedUser created = service.createUser(Principals.require(ctx), fields);
        Map<String, Object> view = AdminViews.user(created.user());
        view.put("enrolmentCode", created.enrolmentCode());
        view.put("enrolmentCodeExpires", created.user().enrolmentCodeExpires());
        ctx.status(201).header("Location", "/api/users/" + created.user().id()).json(view);
    }

    private void updateUser(Context ctx) {
        long id = PathParams.id(ctx, "userId", "user");
        JsonBody body = JsonBody.of(ctx, USER_FIELDS);
        List<Role> roles = body.has("roles") ? body.required("roles", body.codes("roles", Role.class)) : null;
        AdminService.UserChange change = new AdminService.UserChange(
                body.has("displayName") ? body.requiredText("displayName", 200) : null,
                roles == null ? null : AdminService.roleSet(roles),
                body.has("disabled") ? body.required("disabled", body.bool("disabled")) : null,
                body.text("institutionId", 200), body.has("institutionId"),
                AuthHandler.checkedPassword(body, "password"));
        ctx.json(AdminViews.user(service.updateUser(Principals.require(ctx), id, change)));
    }

    private void enrolmentCode(Context ctx) {
        long id = PathParams.id(ctx, "userId", "user");
        ctx.json(service.newEnrolmentCode(Principals.require(ctx), id));
    }

    private static String region(JsonBody body, boolean required) {
        String region = required ? body.requiredText("regionCode", 32) : body.text("regionCode", 32);
        if (region != null && !REGION.matcher(region).matches()) {
            throw ApiException.badBody("regionCode", "regionCode must be a safety-region code such as VR09");
        }
        return region == null ? null : region.toUpperCase(java.util.Locale.ROOT);
    }

    private static String issuer(JsonBody body) {
        String issuer = body.text("oidcIssuer", 300);
        if (issuer != null && !issuer.startsWith("https://") && !issuer.startsWith("http://")) {
            throw ApiException.badBody("oidcIssuer", "oidcIssuer must be the provider's issuer URL (https://...)");
        }
        return issuer;
    }

    /** The provider's acr values that mean a multi-factor login: a list of short texts. */
    private static List<String> acrValues(JsonBody body) {
        return Optional.ofNullable(body.textList("oidcMfaAcrValues", 200)).orElse(List.of());
    }

    private static String secretRef(JsonBody body) {
        String ref = body.text("oidcClientSecretRef", 100);
        if (ref != null && !SECRET_REF.matcher(ref).matches()) {
            throw ApiException.badBody("oidcClientSecretRef", "oidcClientSecretRef names the environment variable that holds the client"
                    + " secret (such as ZORGBEELD_OIDC_SECRET_GHOR_UTRECHT), not the secret itself");
        }
        return ref;
    }
}

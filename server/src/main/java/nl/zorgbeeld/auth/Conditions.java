package nl.zorgbeeld.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.zorgbeeld.auth.Condition.Kind;

/**
 * The conditions of the route rules. Each looks at the request only as far as it must; a request it
 * cannot read (no body, an unknown target) fails the condition, so a restricted role is refused
 * rather than let through on input the handler would have refused anyway.
 */
public final class Conditions {
    /** The theme of the hazardous-substances advisor (GAGS) in the medical picture. */
    public static final String HAZARD_THEME = "Gevaarlijke stoffen";
    /** What the GAGS draws on the map: plumes and other effect zones, and measurements. */
    public static final Set<String> HAZARD_KINDS = Set.of("effectgebied", "meetpunt");
    private static final String OWN_PICTURE = "eigen";

    private Conditions() {}

    /** The incident is of the own safety region (not only visible through an invitation), and so is any region the body sets. */
    public static final Condition OWN_REGION = new Condition("own-region", "own region's incidents only", Kind.REGION, r -> {
        String own = r.principal().regionCode();
        if (r.incident() != null && (r.incident().regionCode() == null || !r.incident().regionCode().equalsIgnoreCase(own))) return false;
        String region = r.bodyText("regionCode");
        return region == null || region.isEmpty() || region.equalsIgnoreCase(own);
    });

    /**
     * A snapshot restored as a hand-over ({@code ?as=handover}) into the own safety region: {@code ?region} absent (the
     * handler then takes the user's region) or the own one. Read from the query only: the body is the upload.
     */
    public static final Condition HANDOVER_OWN_REGION = new Condition("handover-own-region",
            "only as a hand-over into the own region", Kind.CONTENT, r -> {
                String region = r.queryParam("region");
                return "handover".equals(r.queryParam("as")) && (region == null || region.equalsIgnoreCase(r.principal().regionCode()));
            });

    /**
     * The caller holds the incident's regie (its regie names the caller's name and organisation); when
     * the regie names nobody who is a user of this app, a Hoofd Informatie of the incident's own region
     * stands in for the holder.
     */
    public static final Condition REGIE = new Condition("regie", "only who holds the incident's regie", Kind.CONTENT,
            Conditions::holdsRegie);

    /** The regie holder, or any Hoofd Informatie of the incident's own region. */
    public static final Condition REGIE_OR_OWN_REGION = new Condition("regie-or-own-region",
            "who holds the regie, or the own region's incidents", Kind.REGION, r -> ownRegionIncident(r) || holdsRegie(r));

    /** Who wrote the marked item (as the check names them), or the regie holder. */
    public static final Condition CHECK_AUTHOR = new Condition("check-author",
            "only the author of the marked item, or who holds the regie", Kind.CONTENT, r -> isCheckAuthor(r) || holdsRegie(r));

    /** The author of the marked item, the regie holder, or any Hoofd Informatie of the incident's own region. */
    public static final Condition CHECK_AUTHOR_OR_OWN_REGION = new Condition("check-author-or-own-region",
            "the author of the marked item, who holds the regie, or the own region's incidents", Kind.REGION,
            r -> ownRegionIncident(r) || isCheckAuthor(r) || holdsRegie(r));

    private static boolean isCheckAuthor(AccessRequest r) throws java.sql.SQLException {
        String raw = r.pathParam("checkId");
        if (raw == null || !raw.matches("[1-9][0-9]{0,17}") || r.incident() == null) return false;
        Optional<AccessStore.CheckTarget> target = r.store().checkTarget(r.incident().id(), Long.parseLong(raw));
        return target.isPresent() && target.get().author().equalsIgnoreCase(r.principal().displayName())
                && target.get().organisation().equalsIgnoreCase(r.principal().organisationName());
    }

    /** A region in the path ({@code /api/regions/{code}}) that is the caller's own safety region. */
    public static final Condition OWN_REGION_PATH = new Condition("own-region", "own region only", Kind.REGION, r -> {
        String code = r.pathParam("code");
        return code != null && code.equalsIgnoreCase(r.principal().regionCode());
    });

    private static boolean ownRegionIncident(AccessRequest r) {
        return r.incident() != null && r.incident().regionCode() != null && r.incident().regionCode().equalsIgnoreCase(r.principal().regionCode());
    }

    private static boolean holdsRegie(AccessRequest r) throws java.sql.SQLException {
        if (r.incident() == null) return false;
        Optional<AccessStore.RegieHolder> regie = r.store().regie(r.incident().id());
        if (regie.isEmpty()) return false;
        return regie.get().is(r.principal()) || !regie.get().isUser() && r.principal().has(Role.HOOFD_INFORMATIE) && ownRegionIncident(r);
    }

    /** A new bullet in the "Gevaarlijke stoffen" theme of a shared (not own) picture. */
    public static final Condition HAZARD_THEME_NEW = new Condition("hazard-theme", "only the Gevaarlijke stoffen theme", Kind.CONTENT, r -> {
        Long pictureId = r.bodyLong("pictureId");
        Long themeId = r.bodyLong("themeId");
        if (pictureId == null || themeId == null) return false;
        Optional<AccessStore.PictureTarget> picture = r.store().picture(r.incident().id(), pictureId);
        return picture.isPresent() && !OWN_PICTURE.equals(picture.get().kind()) && isHazardTheme(r, themeId);
    });

    /** An existing bullet of the "Gevaarlijke stoffen" theme, staying in it. */
    public static final Condition HAZARD_THEME_BULLET = new Condition("hazard-theme", "only the Gevaarlijke stoffen theme", Kind.CONTENT, r -> {
        Optional<AccessStore.BulletTarget> bullet = bullet(r);
        if (bullet.isEmpty() || OWN_PICTURE.equals(bullet.get().picture().kind())
                || !HAZARD_THEME.equalsIgnoreCase(bullet.get().themeName())) return false;
        Long themeId = r.bodyLong("themeId");
        return !r.bodyHas("themeId") || themeId != null && isHazardTheme(r, themeId);
    });

    /** A new element that is an effect zone or a measurement point. */
    public static final Condition HAZARD_ELEMENT_NEW = new Condition("hazard-element", "only effect zones and measurement points",
            Kind.CONTENT, r -> {
                String kind = kindInBody(r);
                return kind != null && HAZARD_KINDS.contains(kind);
            });

    /** An existing effect zone or measurement point, staying one (a PATCH may leave the kind out). */
    public static final Condition HAZARD_ELEMENT = new Condition("hazard-element", "only effect zones and measurement points",
            Kind.CONTENT, r -> {
                UUID id = uuid(r.pathParam("elementId") != null ? r.pathParam("elementId") : r.pathParam("featureId"));
                if (id == null || r.incident() == null) return false;
                Optional<String> current = r.store().elementKind(r.incident().id(), id);
                if (current.isEmpty() || !HAZARD_KINDS.contains(current.get())) return false;
                String next = kindInBody(r);
                return next == null || HAZARD_KINDS.contains(next);
            });

    /** A new entry (bullet, casualty count) in the own institution's own picture. */
    public static final Condition OWN_PICTURE_NEW = new Condition("own-picture", "only the own institution's picture", Kind.CONTENT, r -> {
        Long pictureId = r.bodyLong("pictureId");
        if (pictureId == null || r.principal().institutionId() == null) return false;
        return r.store().picture(r.incident().id(), pictureId).map(p -> ownPicture(r, p)).orElse(false);
    });

    /** An existing bullet of the own institution's own picture. */
    public static final Condition OWN_PICTURE_BULLET = new Condition("own-picture", "only the own institution's picture", Kind.CONTENT,
            r -> r.principal().institutionId() != null && bullet(r).map(b -> ownPicture(r, b.picture())).orElse(false));

    /** The own institution: named in the body ({@code institutionId}) or in the path. */
    public static final Condition OWN_INSTITUTION = new Condition("own-institution", "only the own institution", Kind.CONTENT, r -> {
        String own = r.principal().institutionId();
        String named = r.pathParam("institutionId") != null ? r.pathParam("institutionId") : r.bodyText("institutionId");
        return own != null && own.equals(named);
    });

    /** A recipient of the alert in the path: the user speaks for one of the institutions it was sent to. */
    public static final Condition ALERT_RECIPIENT = new Condition("alert-recipient", "only users of a recipient of the alert",
            Kind.CONTENT, r -> {
                String raw = r.pathParam("alertId");
                if (raw == null || !raw.matches("[1-9][0-9]{0,17}") || r.incident() == null) return false;
                return r.store().alertRecipient(r.incident().id(), Long.parseLong(raw), r.principal().userId());
            });

    /** The own organisation, named in the path ({@code organisationId}). */
    public static final Condition OWN_ORGANISATION = new Condition("own-organisation", "only the own organisation", Kind.CONTENT, r -> {
        String raw = r.pathParam("organisationId");
        return raw != null && raw.matches("[1-9][0-9]{0,17}") && Long.parseLong(raw) == r.principal().organisationId();
    });

    /** A care institution (the route's {institutionId}) of the own safety region. */
    public static final Condition INSTITUTION_OWN_REGION = new Condition("institution-own-region", "only institutions of the own region",
            Kind.REGION, r -> r.institution() != null && sameRegion(r.institution().regionCode(), r.principal().regionCode()));

    /** A document of status reports (EDXL-HAVE) all of whose institutions are the own one: checked per Hospital by status/. */
    public static final Condition EACH_OWN_INSTITUTION = new Condition("each-own-institution",
            "only the own institution, for every institution in the document", Kind.PER_ITEM, r -> r.principal().institutionId() != null);

    /** A document of status reports all of whose institutions are of the own region: checked per Hospital by status/. */
    public static final Condition EACH_INSTITUTION_OWN_REGION = new Condition("each-institution-own-region",
            "only institutions of the own region, for every institution in the document", Kind.PER_ITEM, r -> r.principal().regionCode() != null);

    /**
     * Whether the user may report the status of this institution: its informatiecoordinator, or a
     * hoofd-informatie of its safety region. The same as the rule of POST
     * /api/institutions/{institutionId}/status in {@link AccessRules}, for what a route check cannot
     * see: each institution of an EDXL-HAVE import.
     */
    public static boolean mayReportStatus(Principal principal, String institutionId, String regionCode) {
        return principal.has(Role.INFORMATIECOORDINATOR) && principal.institutionId() != null && principal.institutionId().equals(institutionId)
                || principal.has(Role.HOOFD_INFORMATIE) && sameRegion(regionCode, principal.regionCode());
    }

    /** A new user of the own organisation, without the system role. */
    public static final Condition OWN_ORGANISATION_NEW_USER = new Condition("own-organisation",
            "only users of the own organisation, never beheerder", Kind.CONTENT, r -> {
                Long organisation = r.bodyLong("organisationId");
                return organisation != null && organisation == r.principal().organisationId() && !grantsBeheerder(r);
            });

    /** An existing user of the own organisation who is no beheerder, not made one. */
    public static final Condition OWN_ORGANISATION_USER = new Condition("own-organisation",
            "only users of the own organisation, never beheerder", Kind.CONTENT, r -> {
                String raw = r.pathParam("userId");
                if (raw == null || !raw.matches("[1-9][0-9]{0,17}")) return false;
                Optional<AccessStore.UserTarget> target = r.store().user(Long.parseLong(raw));
                return target.isPresent() && target.get().organisationId() == r.principal().organisationId()
                        && !target.get().roles().contains(Role.BEHEERDER) && !grantsBeheerder(r);
            });

    private static boolean sameRegion(String region, String own) {
        return region != null && own != null && region.equalsIgnoreCase(own);
    }

    private static boolean isHazardTheme(AccessRequest r, long themeId) throws java.sql.SQLException {
        return r.store().themeName(themeId).map(HAZARD_THEME::equalsIgnoreCase).orElse(false);
    }

    private static Optional<AccessStore.BulletTarget> bullet(AccessRequest r) throws java.sql.SQLException {
        String raw = r.pathParam("bulletId");
        if (raw == null || !raw.matches("[1-9][0-9]{0,17}") || r.incident() == null) return Optional.empty();
        return r.store().bullet(r.incident().id(), Long.parseLong(raw));
    }

    private static boolean ownPicture(AccessRequest r, AccessStore.PictureTarget picture) {
        return OWN_PICTURE.equals(picture.kind()) && r.principal().institutionId().equals(picture.institutionId());
    }

    /** The kind in a GeoJSON Feature's properties, or null. */
    private static String kindInBody(AccessRequest r) {
        JsonNode body = r.body();
        JsonNode kind = body == null ? null : body.path("properties").path("kind");
        return kind != null && kind.isTextual() ? kind.asText() : null;
    }

    private static boolean grantsBeheerder(AccessRequest r) {
        JsonNode roles = r.body() == null ? null : r.body().get("roles");
        if (roles == null || !roles.isArray()) return false;
        for (JsonNode role : roles) {
            if (Role.BEHEERDER.code().equals(role.asText())) return true;
        }
        return false;
    }

    private static UUID uuid(String raw) {
        try {
            return raw == null ? null : UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

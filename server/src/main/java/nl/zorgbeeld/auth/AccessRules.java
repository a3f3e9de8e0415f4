package nl.zorgbeeld.auth;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;
import static nl.zorgbeeld.auth.Conditions.ALERT_RECIPIENT;
import static nl.zorgbeeld.auth.Conditions.EACH_INSTITUTION_OWN_REGION;
import static nl.zorgbeeld.auth.Conditions.EACH_OWN_INSTITUTION;
import static nl.zorgbeeld.auth.Conditions.HANDOVER_OWN_REGION;
import static nl.zorgbeeld.auth.Conditions.HAZARD_ELEMENT;
import static nl.zorgbeeld.auth.Conditions.HAZARD_ELEMENT_NEW;
import static nl.zorgbeeld.auth.Conditions.HAZARD_THEME_BULLET;
import static nl.zorgbeeld.auth.Conditions.HAZARD_THEME_NEW;
import static nl.zorgbeeld.auth.Conditions.INSTITUTION_OWN_REGION;
import static nl.zorgbeeld.auth.Conditions.OWN_INSTITUTION;
import static nl.zorgbeeld.auth.Conditions.OWN_ORGANISATION;
import static nl.zorgbeeld.auth.Conditions.OWN_ORGANISATION_NEW_USER;
import static nl.zorgbeeld.auth.Conditions.OWN_ORGANISATION_USER;
import static nl.zorgbeeld.auth.Conditions.OWN_PICTURE_BULLET;
import static nl.zorgbeeld.auth.Conditions.OWN_PICTURE_NEW;
import static nl.zorgbeeld.auth.Conditions.OWN_REGION;
import static nl.zorgbeeld.auth.Conditions.REGIE;
import static nl.zorgbeeld.auth.Conditions.OWN_REGION_PATH;
import static nl.zorgbeeld.auth.Conditions.REGIE_OR_OWN_REGION;
import static nl.zorgbeeld.auth.Conditions.CHECK_AUTHOR;
import static nl.zorgbeeld.auth.Conditions.CHECK_AUTHOR_OR_OWN_REGION;
import static nl.zorgbeeld.auth.Role.BEHEERDER;
import static nl.zorgbeeld.auth.Role.GAGS;
import static nl.zorgbeeld.auth.Role.HOOFD_INFORMATIE;
import static nl.zorgbeeld.auth.Role.INFORMATIECOORDINATOR;
import static nl.zorgbeeld.auth.Role.ORGANISATIEBEHEERDER;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call which route: the one list of access rules of the whole app. The route check
 * ({@link Access}) enforces it; the rights table in docs/security.md is generated from it
 * ({@link AccessTable}); the role-by-route test holds every route of the running app against it,
 * so a route without a rule here fails the build (and is refused at run time).
 *
 * Reads are open to every role, within what the user's organisation can see: the incidents of its
 * safety region and those it is invited to (any other incident answers 404). Writes follow the
 * roles: the Hoofd Informatie runs the incident, its pictures, map, analysis, regie and invitations;
 * the GAGS writes effect zones and measurements and the Gevaarlijke stoffen theme, and the plumes
 * and forecasts of its own region's incidents; an informatiecoordinator writes for its own
 * institution only (its picture, its stakeholder status, its status report); a lezer only reads;
 * the organisatiebeheerder manages the users of its organisation and the beheerder the system.
 */
public final class AccessRules {
    private static final List<Rule> RULES = new ArrayList<>();

    static {
        // Open without login: the health check, the descriptions of the error codes and the login flow
        // (static assets are not routes).
        open(GET, "/health");
        open(GET, "/problems");
        open(GET, "/problems/{code}");
        open(POST, "/auth/login");
        open(POST, "/auth/enrol");
        open(POST, "/auth/enrol/confirm");
        open(POST, "/auth/totp");
        open(POST, "/auth/logout");
        open(GET, "/auth/providers");
        open(GET, "/auth/oidc/{organisationId}/start");
        open(GET, "/auth/oidc/callback");

        // Who am I, and my own API tokens (tokens are managed from a browser session only).
        signedIn(GET, "/api/me");
        sessionOnly(GET, "/api/me/tokens");
        sessionOnly(POST, "/api/me/tokens");
        sessionOnly(DELETE, "/api/me/tokens/{tokenId}");
        // What is addressed to the user's own care institution: its alerts, and them as a live stream.
        signedIn(GET, "/api/me/alerts");
        signedIn(GET, "/api/me/live");

        // Organisations and users.
        signedIn(GET, "/api/organisations");
        rule(POST, "/api/organisations").allow(BEHEERDER);
        rule(PATCH, "/api/organisations/{organisationId}").allow(BEHEERDER);
        rule(GET, "/api/users").allow(BEHEERDER).allow(ORGANISATIEBEHEERDER);
        rule(POST, "/api/users").allow(BEHEERDER).allow(ORGANISATIEBEHEERDER, OWN_ORGANISATION_NEW_USER);
        rule(PATCH, "/api/users/{userId}").allow(BEHEERDER).allow(ORGANISATIEBEHEERDER, OWN_ORGANISATION_USER);
        // An organisation's outbound channels for its alerts and warnings (e-mail, signed webhooks).
        rule(GET, "/api/organisations/{organisationId}/channels").allow(BEHEERDER).allow(ORGANISATIEBEHEERDER, OWN_ORGANISATION);
        rule(POST, "/api/organisations/{organisationId}/channels").allow(BEHEERDER).allow(ORGANISATIEBEHEERDER, OWN_ORGANISATION);
        rule(DELETE, "/api/organisations/{organisationId}/channels/{channelId}").allow(BEHEERDER)
                .allow(ORGANISATIEBEHEERDER, OWN_ORGANISATION);
        rule(POST, "/api/users/{userId}/enrolment-code").allow(BEHEERDER).allow(ORGANISATIEBEHEERDER, OWN_ORGANISATION_USER);

        // Reference layers, vocabularies and the client's configuration.
        read("/api/config");
        read("/api/layers/countries");
        read("/api/layers/{layer}");
        read("/api/vocabularies/institution-types");
        read("/api/reference/sources");
        read("/api/vocabularies/incidents");
        read("/api/vocabularies/picture");
        read("/api/vocabularies/stakeholder-statuses");
        read("/api/vocabularies/substances");

        // Incidents.
        rule(POST, "/api/incidents").allow(HOOFD_INFORMATIE, OWN_REGION);
        read("/api/incidents");
        read("/api/incidents/{id}");
        // The incident list as a live stream: each event only of incidents the user may see (LiveVisibility).
        read("/api/live");
        rule(PATCH, "/api/incidents/{id}").allow(HOOFD_INFORMATIE, OWN_REGION);
        read("/api/incidents/{id}/timeline");
        read("/api/incidents/{id}/live");
        read("/api/incidents/{id}/invitations");
        rule(POST, "/api/incidents/{id}/invitations").allow(HOOFD_INFORMATIE, OWN_REGION);
        rule(DELETE, "/api/incidents/{id}/invitations/{organisationId}").allow(HOOFD_INFORMATIE, OWN_REGION);
        rule(GET, "/api/incidents/{id}/audit").allow(HOOFD_INFORMATIE, OWN_REGION).allow(BEHEERDER);

        // The text picture.
        read("/api/incidents/{id}/picture");
        read("/api/incidents/{id}/freshness");
        read("/api/incidents/{id}/pictures");
        rule(POST, "/api/incidents/{id}/pictures").allow(HOOFD_INFORMATIE).allow(INFORMATIECOORDINATOR, OWN_INSTITUTION);
        read("/api/incidents/{id}/pictures/{pictureId}");
        // The management summary: everyone reads it, only who holds the regie writes it.
        read("/api/incidents/{id}/pictures/{pictureId}/summary");
        read("/api/incidents/{id}/pictures/{pictureId}/summary/versions");
        rule(PUT, "/api/incidents/{id}/pictures/{pictureId}/summary").allow(HOOFD_INFORMATIE, REGIE).allow(GAGS, REGIE)
                .allow(INFORMATIECOORDINATOR, REGIE);
        rule(POST, "/api/incidents/{id}/bullets").allow(HOOFD_INFORMATIE).allow(GAGS, HAZARD_THEME_NEW)
                .allow(INFORMATIECOORDINATOR, OWN_PICTURE_NEW);
        read("/api/incidents/{id}/bullets/{bulletId}");
        read("/api/incidents/{id}/bullets/{bulletId}/versions");
        rule(PATCH, "/api/incidents/{id}/bullets/{bulletId}").allow(HOOFD_INFORMATIE).allow(GAGS, HAZARD_THEME_BULLET)
                .allow(INFORMATIECOORDINATOR, OWN_PICTURE_BULLET);
        rule(POST, "/api/incidents/{id}/bullets/{bulletId}/retract").allow(HOOFD_INFORMATIE).allow(GAGS, HAZARD_THEME_BULLET)
                .allow(INFORMATIECOORDINATOR, OWN_PICTURE_BULLET);
        rule(POST, "/api/incidents/{id}/casualties").allow(HOOFD_INFORMATIE).allow(INFORMATIECOORDINATOR, OWN_PICTURE_NEW);
        read("/api/incidents/{id}/casualties");
        rule(POST, "/api/incidents/{id}/questions").allow(HOOFD_INFORMATIE);
        read("/api/incidents/{id}/questions");
        read("/api/incidents/{id}/questions/{questionId}");
        rule(PATCH, "/api/incidents/{id}/questions/{questionId}").allow(HOOFD_INFORMATIE);
        rule(POST, "/api/incidents/{id}/decisions").allow(HOOFD_INFORMATIE);
        read("/api/incidents/{id}/decisions");
        read("/api/incidents/{id}/decisions/{decisionId}");
        rule(PATCH, "/api/incidents/{id}/decisions/{decisionId}").allow(HOOFD_INFORMATIE);

        // Regie checks: the regie holder or a Hoofd Informatie of the incident's region marks an item; its author
        // (or they) resolves the mark; everyone who sees the incident reads them.
        read("/api/vocabularies/checks");
        rule(POST, "/api/incidents/{id}/checks").allow(HOOFD_INFORMATIE, REGIE_OR_OWN_REGION).allow(GAGS, REGIE)
                .allow(INFORMATIECOORDINATOR, REGIE);
        read("/api/incidents/{id}/checks");
        read("/api/incidents/{id}/checks/{checkId}");
        rule(POST, "/api/incidents/{id}/checks/{checkId}/resolve").allow(HOOFD_INFORMATIE, CHECK_AUTHOR_OR_OWN_REGION)
                .allow(GAGS, CHECK_AUTHOR).allow(INFORMATIECOORDINATOR, CHECK_AUTHOR);

        // The picture's quality against the norms: the Hoofd Informatie's panel and export (and the system administrator's).
        rule(GET, "/api/incidents/{id}/quality").allow(HOOFD_INFORMATIE).allow(BEHEERDER);

        // The Veiligheidsbeeld (regional risk dashboard, outside incidents): kept by the region's Hoofd Informatie, read by
        // the region's organisations.
        read("/api/vocabularies/risk");
        regionRead("/api/regions/{code}/risk");
        regionRead("/api/regions/{code}/risk/history");
        rule(POST, "/api/regions/{code}/risk").allow(HOOFD_INFORMATIE, OWN_REGION_PATH);

        // Templates are shared by every region: the system administrator manages them.
        read("/api/templates");
        rule(POST, "/api/templates").allow(BEHEERDER);
        read("/api/templates/{templateId}");
        rule(POST, "/api/templates/{templateId}/themes").allow(BEHEERDER);
        rule(PATCH, "/api/templates/{templateId}/themes/{themeId}").allow(BEHEERDER);
        rule(PUT, "/api/templates/{templateId}/theme-order").allow(BEHEERDER);

        // The geographic picture.
        read("/api/incidents/{id}/elements");
        rule(POST, "/api/incidents/{id}/elements").allow(HOOFD_INFORMATIE).allow(GAGS, HAZARD_ELEMENT_NEW);
        read("/api/incidents/{id}/elements/{elementId}");
        read("/api/incidents/{id}/elements/{elementId}/versions");
        rule(PUT, "/api/incidents/{id}/elements/{elementId}").allow(HOOFD_INFORMATIE).allow(GAGS, HAZARD_ELEMENT);
        rule(DELETE, "/api/incidents/{id}/elements/{elementId}").allow(HOOFD_INFORMATIE).allow(GAGS, HAZARD_ELEMENT);

        // Hazardous-substance plumes: the GAGS of the incident's own region publishes them (the one current
        // plume replaces the previous one for everyone and drives the analysis) and computes forecasts;
        // the preview is the same route with ?preview=true. Every role reads them, threats and forecasts included.
        rule(POST, "/api/incidents/{id}/plumes").allow(GAGS, OWN_REGION);
        read("/api/incidents/{id}/plumes");
        read("/api/incidents/{id}/plumes/current");
        read("/api/incidents/{id}/plumes/current/threats");
        rule(POST, "/api/incidents/{id}/plumes/forecast").allow(GAGS, OWN_REGION);
        read("/api/incidents/{id}/plumes/forecast/latest");
        read("/api/incidents/{id}/plumes/{plumeId}");

        // The network analysis and stakeholder status.
        read("/api/incidents/{id}/affected");
        read("/api/incidents/{id}/affected/changes");
        read("/api/incidents/{id}/affected/rings");
        read("/api/incidents/{id}/call-list");
        read("/api/incidents/{id}/exposure");
        read("/api/exposure/subjects");
        read("/api/incidents/{id}/stakeholders");
        read("/api/incidents/{id}/stakeholders/{institutionId}");
        rule(PUT, "/api/incidents/{id}/stakeholders/{institutionId}").allow(HOOFD_INFORMATIE).allow(INFORMATIECOORDINATOR, OWN_INSTITUTION);

        // Alerts: sent by the Hoofd Informatie of the incident's region, read within what the user sees; a
        // recipient's users (also outside the region: Access lets them see that alert) report receipt and acknowledge.
        rule(POST, "/api/incidents/{id}/alerts").allow(HOOFD_INFORMATIE, OWN_REGION);
        rule(POST, "/api/incidents/{id}/alerts/preview").allow(HOOFD_INFORMATIE, OWN_REGION);
        read("/api/incidents/{id}/alerts");
        read("/api/incidents/{id}/alerts/{alertId}");
        rule(POST, "/api/incidents/{id}/alerts/{alertId}/acknowledgements").allow(INFORMATIECOORDINATOR, ALERT_RECIPIENT);
        rule(POST, "/api/incidents/{id}/alerts/{alertId}/receipts").allow(INFORMATIECOORDINATOR, ALERT_RECIPIENT);
        // Warning distances: an institution's coordinator sets its own; the warnings they gave are read within the incident.
        rule(GET, "/api/institutions/{institutionId}/warning-setting").allow(INFORMATIECOORDINATOR, OWN_INSTITUTION).allow(BEHEERDER);
        rule(PUT, "/api/institutions/{institutionId}/warning-setting").allow(INFORMATIECOORDINATOR, OWN_INSTITUTION);
        rule(DELETE, "/api/institutions/{institutionId}/warning-setting").allow(INFORMATIECOORDINATOR, OWN_INSTITUTION);
        read("/api/incidents/{id}/warnings");
        // The alerts a user may see as an Atom feed (each entry links to its CAP document).
        read("/api/alerts/feed");
        // CAP alerts from other systems: received by a Hoofd Informatie (or a system with its token) for its region
        // or a visible incident; shown as external warnings on the incident's map and picture.
        rule(POST, "/api/cap").allow(HOOFD_INFORMATIE);
        read("/api/incidents/{id}/external-warnings");

        // Institution status reports (issue 14). Every role reads the institutions its organisation may see
        // (those of its safety region and of the regions of the incidents it is invited to; any other answers
        // 404, and lists and the live stream leave them out). An institution's informatiecoordinator reports
        // for it, and so does a hoofd-informatie of its region; an EDXL-HAVE import is checked per Hospital.
        read("/api/vocabularies/institution-status");
        read("/api/institutions/status");
        rule(POST, "/api/institutions/status").allow(HOOFD_INFORMATIE, EACH_INSTITUTION_OWN_REGION)
                .allow(INFORMATIECOORDINATOR, EACH_OWN_INSTITUTION);
        read("/api/institutions/status/live");
        read("/api/institutions/{institutionId}/status");
        rule(POST, "/api/institutions/{institutionId}/status").allow(HOOFD_INFORMATIE, INSTITUTION_OWN_REGION)
                .allow(INFORMATIECOORDINATOR, OWN_INSTITUTION);
        rule(POST, "/api/institutions/{institutionId}/status/confirm").allow(HOOFD_INFORMATIE, INSTITUTION_OWN_REGION)
                .allow(INFORMATIECOORDINATOR, OWN_INSTITUTION);
        read("/api/institutions/{institutionId}/status/history");

        // Snapshots (issue 16). The ZIP holds the reads above (incident, picture, timeline, map, analysis, stakeholders),
        // which every role may make within what it can see; so every role that sees the incident may take its snapshot.
        // A restore makes a new incident: the beheerder in any region (archive or hand-over), the Hoofd Informatie only a
        // hand-over into its own region, which it then runs. A restored archive refuses every write (409), for every role.
        read("/api/incidents/{id}/snapshot");
        rule(POST, "/api/snapshots/restore").allow(BEHEERDER).allow(HOOFD_INFORMATIE, HANDOVER_OWN_REGION);

        // OGC API - Features: reading for GIS clients (read tokens), writing the map as in the API above.
        read("/ogc");
        read("/ogc/");
        read("/ogc/conformance");
        read("/ogc/api");
        read("/ogc/collections");
        read("/ogc/collections/{collectionId}");
        read("/ogc/collections/{collectionId}/items");
        rule(POST, "/ogc/collections/{collectionId}/items").allow(HOOFD_INFORMATIE).allow(GAGS, HAZARD_ELEMENT_NEW);
        read("/ogc/collections/{collectionId}/items/{featureId}");
        rule(PUT, "/ogc/collections/{collectionId}/items/{featureId}").allow(HOOFD_INFORMATIE).allow(GAGS, HAZARD_ELEMENT);
        rule(PATCH, "/ogc/collections/{collectionId}/items/{featureId}").allow(HOOFD_INFORMATIE).allow(GAGS, HAZARD_ELEMENT);
        rule(DELETE, "/ogc/collections/{collectionId}/items/{featureId}").allow(HOOFD_INFORMATIE).allow(GAGS, HAZARD_ELEMENT);
    }

    private static final Map<String, Rule> BY_KEY = index();

    private AccessRules() {}

    /** Every rule, in the order of the rights table. */
    public static List<Rule> all() {
        return List.copyOf(RULES);
    }

    public static Optional<Rule> find(HandlerType method, String path) {
        return Optional.ofNullable(BY_KEY.get(method.name() + " " + path));
    }

    private static Map<String, Rule> index() {
        Map<String, Rule> map = new LinkedHashMap<>();
        for (Rule rule : RULES) {
            if (map.put(rule.key(), rule) != null) throw new IllegalStateException("two access rules for " + rule.key());
        }
        return map;
    }

    private static void open(HandlerType method, String path) {
        RULES.add(new Rule(method, path, Rule.Audience.PUBLIC, Map.of(), false));
    }

    private static void signedIn(HandlerType method, String path) {
        RULES.add(new Rule(method, path, Rule.Audience.SIGNED_IN, Map.of(), false));
    }

    private static void sessionOnly(HandlerType method, String path) {
        RULES.add(new Rule(method, path, Rule.Audience.SIGNED_IN, Map.of(), true));
    }

    /** A GET for every role. */
    private static void read(String path) {
        Builder b = rule(GET, path);
        for (Role role : Role.values()) b.allow(role);
    }

    /** A GET for every role of the region in the path (and the beheerder, who reads every region). */
    private static void regionRead(String path) {
        Builder b = rule(GET, path);
        for (Role role : Role.values()) b.allow(role, Conditions.OWN_REGION_PATH);
        b.allow(BEHEERDER);
    }

    private static Builder rule(HandlerType method, String path) {
        Builder builder = new Builder(method, path);
        RULES.add(null);
        builder.index = RULES.size() - 1;
        builder.store();
        return builder;
    }

    /** Adds the grants of one route; every call replaces the rule in the list, so the list stays in declaration order. */
    private static final class Builder {
        private final HandlerType method;
        private final String path;
        private final Map<Role, List<Condition>> grants = new EnumMap<>(Role.class);
        private int index;

        Builder(HandlerType method, String path) {
            this.method = method;
            this.path = path;
        }

        Builder allow(Role role, Condition... conditions) {
            grants.put(role, Arrays.asList(conditions));
            store();
            return this;
        }

        private void store() {
            RULES.set(index, new Rule(method, path, Rule.Audience.ROLES, grants, false));
        }
    }
}

package nl.zorgbeeld.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The role-by-route matrix: every route of the running app (its route table, so a new route
 * without an access rule fails here) is called by every role of the fixtures' region, by nobody,
 * and by a Hoofd Informatie of another region. What the rule allows must get through the access
 * check (no 401, 403 or 404); what it does not must be refused with 401, 403 or 404 and change
 * nothing. Requests carry an empty JSON object as body: a restricted role's conditions on what it
 * writes (the hazardous-substances theme, the own institution, the own organisation's users) then
 * do not hold, and an allowed write is refused by its handler's own checks, so nothing is written
 * on the way.
 */
class RouteMatrixTest {
    private static final String OTHER_REGION = "VR13";
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");
    private static TestServer server;
    private static final Map<String, String> VALUES = new LinkedHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Who calls: a user (null for nobody) and whether it is of the incident's region. */
    private record Caller(String name, TestUser user) {
        boolean ownRegion() {
            return user != null && user.region().equals(TestUsers.REGION);
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start();
        TestDatabase.execute("INSERT INTO institution (id, type, name, connected, region_code, source, geom) VALUES ('matrix:1', 'ziekenhuis',"
                + " 'Matrixziekenhuis', true, '" + TestUsers.REGION + "', 'matrix', ST_SetSRID(ST_MakePoint(136000, 456000), 28992))"
                + " ON CONFLICT (id) DO UPDATE SET region_code = EXCLUDED.region_code");
        JsonClient hin = JsonClient.as(server, TestUsers.standard());
        long incident = hin.post("/api/incidents", "{\"title\":\"Matrix\",\"type\":\"brand\"}").json().get("id").asLong();
        long picture = ((Number) Sql.one("SELECT id FROM picture WHERE incident_id = ? AND kind = 'geneeskundig'", incident)).longValue();
        long template = ((Number) Sql.one("SELECT template_id FROM picture WHERE id = ?", picture)).longValue();
        long theme = ((Number) Sql.one("SELECT t.id FROM template_theme t JOIN template_theme_version v ON v.theme_id = t.id"
                + " AND v.version = t.version WHERE t.template_id = ? AND v.name = 'Situatie'", template)).longValue();
        String base = "/api/incidents/" + incident;
        long bullet = hin.post(base + "/bullets", "{\"pictureId\":" + picture + ",\"themeId\":" + theme
                + ",\"text\":\"Matrixbericht\",\"source\":\"OvD-G\"}").json().get("id").asLong();
        String element = hin.post(base + "/elements", "{\"type\":\"Feature\",\"properties\":{\"kind\":\"incidentgebied\",\"source\":\"OvD-G\",\"certainty\":\"gevalideerd\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5.1,52.0],[5.2,52.0],[5.2,52.1],[5.1,52.0]]]}}").json().get("id").asText();
        long question = hin.post(base + "/questions", "{\"question\":\"Hoeveel?\",\"addressee\":\"ROAZ\"}").json().get("id").asLong();
        long decision = hin.post(base + "/decisions", "{\"kind\":\"besluit\",\"description\":\"Opschalen\",\"owner\":\"HIN\"}")
                .json().get("id").asLong();
        // A plume and a forecast, so that reading them is not a 404 of their own.
        JsonClient gags = JsonClient.as(server, TestUsers.user("Matrix Pluim", "Matrix VR09", Role.GAGS));
        String sector = "{\"method\":\"sector\",\"source\":{\"type\":\"Point\",\"coordinates\":[5.15,52.05]},\"windDirection\":90,"
                + "\"windSpeed\":3,\"halfAngle\":30,\"lengths\":{\"LBW\":500,\"AGW\":1500,\"VRW\":4000},\"substance\":\"chloor\"}";
        long plume = gags.post(base + "/plumes", sector).json().path("plume").get("id").asLong();
        assertEquals(201, gags.post(base + "/plumes/forecast", "{\"source\":{\"type\":\"Point\",\"coordinates\":[5.15,52.05]},"
                + "\"releaseRate\":1000,\"duration\":3600,\"substance\":\"chloor\",\"thresholds\":{\"LBW\":100,\"AGW\":10,\"VRW\":1},"
                + "\"hours\":[{\"time\":\"2026-11-23T10:00:00+01:00\",\"windDirection\":90,\"windSpeed\":3,\"stabilityClass\":\"D\"}]}").status());
        long alert = hin.post(base + "/alerts", "{\"audience\":{\"institutionIds\":[\"matrix:1\"]}}").json().at("/alert/id").asLong();
        long check = hin.post(base + "/checks", "{\"target\":{\"type\":\"bullet\",\"id\":" + bullet + "},\"kind\":\"onduidelijk\","
                + "\"note\":\"Welke loods?\"}").json().get("id").asLong();
        TestUser elsewhere = TestUsers.user("Matrix Elders", "Matrix Elders VR01", "VR01", null, Role.LEZER);
        assertEquals(201, hin.post(base + "/invitations", "{\"organisationId\":" + elsewhere.organisationId() + "}").status());
        long channel = ((Number) Sql.one("INSERT INTO organisation_channel (organisation_id, kind, address) VALUES (?, 'email',"
                + " 'matrix@example.nl') RETURNING id", elsewhere.organisationId())).longValue();
        VALUES.putAll(Map.ofEntries(Map.entry("id", String.valueOf(incident)), Map.entry("pictureId", String.valueOf(picture)),
                Map.entry("bulletId", String.valueOf(bullet)), Map.entry("elementId", element), Map.entry("featureId", element),
                Map.entry("questionId", String.valueOf(question)), Map.entry("decisionId", String.valueOf(decision)),
                Map.entry("templateId", String.valueOf(template)), Map.entry("themeId", String.valueOf(theme)),
                Map.entry("institutionId", "matrix:1"), Map.entry("collectionId", "incident-" + incident), Map.entry("layer", "institutions"),
                Map.entry("userId", String.valueOf(elsewhere.id())), Map.entry("organisationId", String.valueOf(elsewhere.organisationId())),
                Map.entry("tokenId", "1"), Map.entry("plumeId", String.valueOf(plume)), Map.entry("alertId", String.valueOf(alert)),
                Map.entry("channelId", String.valueOf(channel)), Map.entry("checkId", String.valueOf(check)), Map.entry("code", TestUsers.REGION)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<Endpoint> routes() {
        List<Endpoint> routes = new ArrayList<>();
        server.app().unsafe.internalRouter.allHttpHandlers().forEach(p -> {
            if (p.endpoint.method.isHttpMethod()) routes.add(p.endpoint);
        });
        return routes;
    }

    @Test
    void everyRouteOfTheAppHasAnAccessRule() {
        List<String> missing = new ArrayList<>();
        for (Endpoint e : routes()) {
            if (AccessRules.find(e.method, e.path).isEmpty()) missing.add(e.method + " " + e.path);
        }
        assertTrue(missing.isEmpty(), "routes without a rule in AccessRules: " + missing);
        assertTrue(routes().size() > 80, "the route table was read: " + routes().size());
    }

    @Test
    void everyRoleOnEveryRouteGetsWhatTheRulesSay() throws Exception {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("nobody", null));
        for (Role role : Role.values()) {
            String institution = role == Role.INFORMATIECOORDINATOR ? "matrix:own" : null;
            callers.add(new Caller(role.code(), TestUsers.user("Matrix " + role.code(), "Matrix VR09", TestUsers.REGION, institution, role)));
        }
        callers.add(new Caller("hoofd-informatie of " + OTHER_REGION, TestUsers.user("Matrix Extern", "Matrix " + OTHER_REGION,
                OTHER_REGION, null, Role.HOOFD_INFORMATIE)));

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint e : routes()) {
            Rule rule = AccessRules.find(e.method, e.path).orElseThrow();
            for (Caller caller : callers) {
                boolean allowed = expected(rule, caller);
                String before = allowed ? null : snapshot();
                Answer answer = call(e, caller);
                int status = answer.status();
                checked++;
                // The login flow's own refusals (a wrong code, an unknown provider) are no refusal of the route.
                boolean refused = (status == 401 || status == 403 || status == 404)
                        && (rule.audience() != Rule.Audience.PUBLIC || ACCESS_CODES.contains(answer.code()));
                if (allowed && refused) wrong.add(e.method + " " + e.path + " as " + caller.name() + ": allowed by the rule, got " + status);
                if (!allowed) {
                    if (!refused) wrong.add(e.method + " " + e.path + " as " + caller.name() + ": refused by the rule, got " + status);
                    else if (!before.equals(snapshot())) wrong.add(e.method + " " + e.path + " as " + caller.name() + ": refused but changed data");
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + checked + " calls were wrong:\n" + String.join("\n", wrong));
    }

    /**
     * What the rule allows the caller, for a request that writes an empty object into the fixtures' (VR09)
     * incident or about the fixtures' (VR09) institution. A condition checked per item of a document
     * lets the caller through the route check (the handler then refuses the empty object).
     */
    private static boolean expected(Rule rule, Caller caller) {
        if (rule.audience() == Rule.Audience.PUBLIC) return true;
        if (caller.user() == null || rule.sessionOnly()) return false;
        boolean underIncident = rule.path().startsWith("/api/incidents/{id}") || rule.path().startsWith("/ogc/collections/{collectionId}");
        boolean underRegion = rule.path().startsWith("/api/regions/{code}");
        boolean aboutInstitution = rule.path().startsWith("/api/institutions/{institutionId}");
        boolean sees = caller.ownRegion() || caller.user().roles().contains(Role.BEHEERDER);
        if ((underIncident || aboutInstitution) && !sees) return false;
        return rule.allows(caller.user().roles(), c -> c.kind() == Condition.Kind.PER_ITEM
                || c.kind() == Condition.Kind.REGION && (!(underIncident || aboutInstitution || underRegion) || caller.ownRegion()));
    }

    /** The codes of the access check's own refusals. */
    private static final java.util.Set<String> ACCESS_CODES = java.util.Set.of("AuthenticationRequired", "Forbidden", "CsrfTokenMissing");

    private record Answer(int status, String code) {}

    private static Answer call(Endpoint e, Caller caller) throws IOException, InterruptedException {
        Matcher m = PARAM.matcher(e.path);
        StringBuilder path = new StringBuilder();
        while (m.find()) m.appendReplacement(path, Matcher.quoteReplacement(VALUES.getOrDefault(m.group(1), "1")));
        m.appendTail(path);
        boolean write = !e.method.name().equals("GET") && !e.method.name().equals("HEAD");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path.toString())))
                .method(e.method.name(), write ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json").header("Accept", e.path.endsWith("/live") ? "text/event-stream" : "application/json");
        if (caller.user() != null) b.header("Authorization", "Bearer " + caller.user().token());
        // Read only the status: a live stream that is let through stays open.
        HttpResponse<InputStream> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        String code = null;
        try (InputStream body = r.body()) {
            if (!e.path.endsWith("/live")) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                if (text.startsWith("{")) code = nl.zorgbeeld.common.Json.tree(text).path("code").asText(null);
            }
        }
        return new Answer(r.statusCode(), code);
    }

    /** What a write would change: the rows and contents of every table the routes write. */
    private static String snapshot() {
        return String.valueOf(Sql.rows("SELECT (SELECT count(*) FROM change_event) AS events, (SELECT count(*) FROM audit_entry) AS audit,"
                + " (SELECT count(*) FROM incident_version) AS incidents, (SELECT count(*) FROM picture) AS pictures,"
                + " (SELECT count(*) FROM bullet_version) AS bullets, (SELECT count(*) FROM picture_element) AS elements,"
                + " (SELECT count(*) FROM stakeholder_version) AS stakeholders, (SELECT count(*) FROM template_theme_version) AS themes,"
                + " (SELECT count(*) FROM casualty_count) AS casualties, (SELECT count(*) FROM information_question_version) AS questions,"
                + " (SELECT count(*) FROM decision_version) AS decisions, (SELECT count(*) FROM api_token WHERE revoked_at IS NULL) AS tokens,"
                + " (SELECT count(*) FROM incident_invitation WHERE removed_at IS NULL) AS invitations,"
                + " (SELECT count(*) FROM plume) AS plumes, (SELECT count(*) FROM plume_forecast) AS forecasts,"
                + " (SELECT count(*) FROM picture_summary_version) AS summaries, (SELECT count(*) FROM regie_check) AS checks,"
                + " (SELECT count(*) FROM regie_check_resolution) AS resolutions, (SELECT count(*) FROM risk_assessment) AS risks,"
                + " (SELECT md5(string_agg(id || display_name || disabled || coalesce(enrolment_code_hash, '') || coalesce(password_hash, ''), ','"
                + " ORDER BY id)) FROM app_user) AS users, (SELECT md5(string_agg(o::text, ',' ORDER BY id)) FROM organisation o) AS organisations,"
                + " (SELECT md5(string_agg(user_id || role, ',' ORDER BY user_id, role)) FROM user_role) AS roles"));
    }

    @Test
    void theRulesCoverTheRoutesAndNothingTwice() {
        TreeSet<String> keys = new TreeSet<>();
        for (Rule rule : AccessRules.all()) assertTrue(keys.add(rule.key()), "twice: " + rule.key());
    }
}

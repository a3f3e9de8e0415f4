package nl.zorgbeeld.alert;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import nl.zorgbeeld.alert.AlertService.Acknowledged;
import nl.zorgbeeld.alert.CapCodes.Category;
import nl.zorgbeeld.alert.CapCodes.Certainty;
import nl.zorgbeeld.alert.CapCodes.MsgType;
import nl.zorgbeeld.alert.CapCodes.ResponseType;
import nl.zorgbeeld.alert.CapCodes.Severity;
import nl.zorgbeeld.alert.CapCodes.Urgency;
import nl.zorgbeeld.auth.Principal;
import nl.zorgbeeld.auth.Principals;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;
import nl.zorgbeeld.reference.InstitutionTypes;
import nl.zorgbeeld.warning.WarningService;

/**
 * HTTP for alerts (docs/api/alerts.md): sending (and previewing) an alert, an Update or a Cancel;
 * the incident's alerts and one alert with its recipients; the recipients' receipts and
 * acknowledgements; and the alerts to the caller's own institution.
 */
public final class AlertHandler {
    private static final Set<String> FIELDS = Set.of("msgType", "references", "audience", "headline", "description", "instruction",
            "event", "category", "responseType", "urgency", "severity", "certainty", "expires", "areaDesc", "substance", "threshold", "wind");
    private static final Set<String> AUDIENCE = Set.of("affected", "zone", "institutionIds", "types", "region");
    private static final Set<String> ACKNOWLEDGEMENT = Set.of("note");
    private static final Set<String> RECEIPT = Set.of("state");

    private static final int FEED_SIZE = 100;
    private static final int INBOX_WARNINGS = 50;

    private final AlertService alerts;
    private final InstitutionTypes types;
    private final CapWriter cap;
    private final WarningService warnings;

    public AlertHandler(AlertService alerts, InstitutionTypes types, CapWriter cap, WarningService warnings) {
        this.alerts = alerts;
        this.warnings = warnings;
        this.types = types;
        this.cap = cap;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/incidents/{id}/alerts", this::send);
        routes.post("/api/incidents/{id}/alerts/preview", this::preview);
        routes.get("/api/incidents/{id}/alerts", this::list);
        routes.get("/api/incidents/{id}/alerts/{alertId}", this::get);
        routes.post("/api/incidents/{id}/alerts/{alertId}/acknowledgements", this::acknowledge);
        routes.post("/api/incidents/{id}/alerts/{alertId}/receipts", this::receipt);
        routes.get("/api/me/alerts", this::inbox);
        routes.get("/api/alerts/feed", this::feed);
    }

    private void send(Context ctx) {
        AlertRequest request = request(ctx);
        AlertViews.AlertDetail sent = alerts.send(incidentId(ctx), request, Principals.require(ctx).actor());
        ctx.status(201).header("Location", AlertService.path(sent.alert().incidentId(), sent.alert().id())).json(sent);
    }

    private void preview(Context ctx) {
        ctx.json(alerts.preview(incidentId(ctx), request(ctx)));
    }

    private void list(Context ctx) {
        new QueryParams(ctx, Set.of());
        long incident = incidentId(ctx);
        ctx.json(new AlertList(incident, alerts.list(incident)));
    }

    public record AlertList(long incidentId, List<AlertViews.AlertView> alerts) {}

    /** JSON, or the CAP 1.2 document for {@code Accept: application/cap+xml} (or {@code ?format=cap}, for a link). */
    private void get(Context ctx) {
        String format = new QueryParams(ctx, Set.of("format")).string("format");
        if (format != null && !format.equals("cap") && !format.equals("json")) {
            throw ApiException.badParameter("format", "format is cap (CAP 1.2 XML) or json; got '" + format + "'");
        }
        String accept = ctx.header("Accept");
        boolean asCap = "cap".equals(format) || format == null && accept != null && accept.contains(CapWriter.MEDIA_TYPE);
        if (asCap) {
            AlertService.CapSource source = alerts.capSource(incidentId(ctx), alertId(ctx));
            ctx.contentType(CapWriter.MEDIA_TYPE + "; charset=utf-8")
                    .header("Content-Disposition", "inline; filename=\"" + source.alert().identifier() + ".xml\"")
                    .result(cap.write(source.alert(), source.referenced(), source.incidentTitle()));
            return;
        }
        ctx.json(alerts.get(incidentId(ctx), alertId(ctx)));
    }

    /** The alerts the user may see as an Atom feed, each linking to its CAP document. */
    private void feed(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.contentType(AtomFeed.MEDIA_TYPE + "; charset=utf-8")
                .result(AtomFeed.write(alerts.feed(Principals.require(ctx), FEED_SIZE), cap.sender(), ctx.path()));
    }

    private void acknowledge(Context ctx) {
        JsonBody body = ctx.body().isBlank() ? JsonBody.parse("{}", ACKNOWLEDGEMENT) : JsonBody.of(ctx, ACKNOWLEDGEMENT);
        Principal principal = Principals.require(ctx);
        Acknowledged done = alerts.acknowledge(incidentId(ctx), alertId(ctx), principal.userId(), principal.actor(), body.text("note", 1000));
        ctx.status(done.created() ? 201 : 200).json(done.recipient());
    }

    private void receipt(Context ctx) {
        JsonBody body = JsonBody.of(ctx, RECEIPT);
        String state = body.requiredText("state", 20);
        if (!state.equals("delivered") && !state.equals("read")) {
            throw ApiException.badBody("state", "state is delivered (shown on a screen) or read (the user opened it); got '" + state + "'");
        }
        Principal principal = Principals.require(ctx);
        ctx.json(alerts.receipt(incidentId(ctx), alertId(ctx), principal.userId(), principal.actor(), state.equals("read")));
    }

    private void inbox(Context ctx) {
        new QueryParams(ctx, Set.of());
        Principal principal = Principals.require(ctx);
        AlertViews.Inbox inbox = alerts.inbox(principal.userId(), principal.actor());
        ctx.json(inbox.institutionId() == null ? inbox : new AlertViews.Inbox(inbox.institutionId(), inbox.alerts(),
                warnings.ofInstitution(inbox.institutionId(), INBOX_WARNINGS)));
    }

    private AlertRequest request(Context ctx) {
        JsonBody body = JsonBody.of(ctx, FIELDS);
        return new AlertRequest(body.code("msgType", MsgType.class), body.longValue("references"), audience(body),
                body.text("headline", 200), body.text("description", 4000), body.text("instruction", 2000), body.text("event", 200),
                body.code("category", Category.class), body.code("responseType", ResponseType.class),
                body.code("urgency", Urgency.class), body.code("severity", Severity.class), body.code("certainty", Certainty.class),
                body.instant("expires"), body.text("areaDesc", 500), body.text("substance", 200), body.text("threshold", 200),
                body.text("wind", 200));
    }

    private Audience audience(JsonBody body) {
        JsonBody a = body.object("audience", AUDIENCE);
        if (a == null) return null;
        List<String> chosenTypes = a.texts("types", 60);
        if (chosenTypes != null) {
            for (int i = 0; i < chosenTypes.size(); i++) {
                if (!types.isCode(chosenTypes.get(i))) {
                    throw ApiException.badBody("audience.types[" + i + "]", "Unknown institution type '" + chosenTypes.get(i)
                            + "'; see /api/vocabularies/institution-types");
                }
            }
        }
        List<String> ids = a.texts("institutionIds", 200);
        if (ids != null && ids.size() > AudienceResolver.MAX_RECIPIENTS) {
            throw ApiException.badBody("audience.institutionIds", "At most " + AudienceResolver.MAX_RECIPIENTS + " institutions");
        }
        String region = a.text("region", 32);
        if (region != null && !region.matches("[A-Za-z0-9_-]{1,32}")) {
            throw ApiException.badBody("audience.region", "A safety region code such as VR09; got '" + region + "'");
        }
        return new Audience(Boolean.TRUE.equals(a.bool("affected")), a.text("zone", 100), ids, chosenTypes, region);
    }

    private static long incidentId(Context ctx) {
        return PathParams.id(ctx, "id", "incident");
    }

    private static long alertId(Context ctx) {
        return PathParams.id(ctx, "alertId", "alert");
    }
}

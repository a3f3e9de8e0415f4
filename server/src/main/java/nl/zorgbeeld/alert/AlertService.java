package nl.zorgbeeld.alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nl.zorgbeeld.alert.AlertStore.Addressed;
import nl.zorgbeeld.alert.AlertStore.NewAlert;
import nl.zorgbeeld.alert.AlertViews.AddressedView;
import nl.zorgbeeld.alert.AlertViews.AlertDetail;
import nl.zorgbeeld.alert.AlertViews.AlertView;
import nl.zorgbeeld.alert.AlertViews.Counts;
import nl.zorgbeeld.alert.AlertViews.Inbox;
import nl.zorgbeeld.alert.AlertViews.RecipientView;
import nl.zorgbeeld.alert.CapCodes.MsgType;
import nl.zorgbeeld.analysis.Analysis;
import nl.zorgbeeld.analysis.AnalysisService;
import nl.zorgbeeld.analysis.DutchWords;
import nl.zorgbeeld.analysis.Hazard;
import nl.zorgbeeld.analysis.Rings;
import nl.zorgbeeld.analysis.Zone;
import nl.zorgbeeld.auth.Access;
import nl.zorgbeeld.auth.Principal;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Visibility;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.IncidentStore;
import nl.zorgbeeld.incident.NewChangeEvent;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts: resolving the audience, proposing the message from the picture, storing the alert with its
 * recipients in one transaction (on the incident's timeline and live stream, addressed to the
 * recipients' personal streams), and what the recipients do with it: delivered, read, acknowledged.
 * A recipient without acknowledgement after the configured time is flagged and joins the call list.
 */
public final class AlertService {
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final int MAX_LIST = 200;
    private static final int INBOX_SIZE = 50;
    /** The system, as the author of what happens by time (flagging overdue recipients). */
    static final Actor SYSTEM = new Actor("Zorgbeeld", "Zorgbeeld");
    private static final GeometryFactory RD = new GeometryFactory(new PrecisionModel(), 28992);

    private final Transactions tx;
    private final AlertStore store;
    private final AudienceResolver resolver;
    private final AnalysisService analysis;
    private final IncidentStore incidents = new IncidentStore();
    private final ChangeLog log;
    private final AlertConfig config;
    private final Clock clock;
    private volatile Consumer<AlertDetail> onSent = detail -> { };

    public AlertService(Transactions tx, AlertStore store, AnalysisService analysis, ChangeLog log, AlertConfig config, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.resolver = new AudienceResolver(store);
        this.analysis = analysis;
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    /** Told of every alert after it is committed (the outbound channels). */
    void onSent(Consumer<AlertDetail> listener) {
        this.onSent = listener;
    }

    /** The path of an alert in the API. */
    public static String path(long incidentId, long alertId) {
        return "/api/incidents/" + incidentId + "/alerts/" + alertId;
    }

    /** An alert ready to store: the message with the proposal filled in, its area and recipients. */
    private record Prepared(Incident incident, MsgType msgType, Alert referenced, Audience audience, List<Candidate> recipients,
                            MessageDraft.Draft message, OffsetDateTime expires, Geometry areaRd, Point circleCentreRd,
                            Double circleRadius) {}

    /** What an alert would be, without sending it: the message proposed from the picture and the recipients. */
    public record Preview(long incidentId, String msgType, Long references, String status, Map<String, Object> audience,
                          MessageDraft.Draft message, Counts counts, List<Candidate> recipients) {}

    public Preview preview(long incidentId, AlertRequest request) {
        return tx.run(c -> {
            Prepared p = prepare(c, incidentId, request, false);
            int connected = (int) p.recipients().stream().filter(Candidate::connected).count();
            return new Preview(incidentId, p.msgType().code(), p.referenced() == null ? null : p.referenced().id(), status(p.incident()),
                    p.audience().asMap(), p.message(), new Counts(p.recipients().size(), connected, p.recipients().size() - connected,
                            0, 0, 0, 0), p.recipients());
        });
    }

    /** Sends an alert (or an Update or Cancel of one); nothing is stored when anything in it is refused. */
    public AlertDetail send(long incidentId, AlertRequest request, Actor actor) {
        AlertDetail sent = tx.run(c -> {
            Prepared p = prepare(c, incidentId, request, true);
            MessageDraft.Draft m = p.message();
            OffsetDateTime now = OffsetDateTime.now(clock);
            long id = store.insert(c, new NewAlert(incidentId, p.msgType(), p.referenced() == null ? null : p.referenced().id(),
                    status(p.incident()), m.category(), m.event(), m.responseType(), m.urgency(), m.severity(), m.certainty(),
                    m.headline(), m.description(), m.instruction(), p.expires(), p.audience().asMap(), m.areaDesc(), p.areaRd(),
                    p.circleCentreRd(), p.circleRadius(), m.substance(), m.threshold(), m.wind(), now, now.plus(config.ackTime()), actor));
            store.insertRecipients(c, id, p.recipients());
            if (p.referenced() != null) {
                if (p.msgType() == MsgType.CANCEL) {
                    store.markCancelled(c, p.referenced().id(), id);
                } else {
                    store.markSuperseded(c, p.referenced().id(), id);
                }
            }
            AlertDetail detail = detail(c, incidentId, id);
            String action = switch (p.msgType()) {
                case ALERT -> "alert.sent";
                case UPDATE -> "alert.updated";
                case CANCEL -> "alert.cancelled";
            };
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("msgType", p.msgType().code());
            if (p.referenced() != null) details.put("references", p.referenced().id());
            details.put("recipients", p.recipients().size());
            details.put("connected", detail.alert().counts().connected());
            log.record(c, NewChangeEvent.of(incidentId, action, path(incidentId, id), null,
                    NewChangeEvent.excerpt(p.msgType().label() + " aan " + p.recipients().size() + " instelling"
                            + (p.recipients().size() == 1 ? "" : "en") + ": " + m.headline()), details, actor)
                    .withData(detail.alert()).withAudience(p.recipients().stream().map(Candidate::id).toList()));
            return detail;
        });
        try {
            onSent.accept(sent);
        } catch (RuntimeException e) {
            LOG.error("alert {} was sent, but passing it to the outbound channels failed", sent.alert().id(), e);
        }
        return sent;
    }

    private Prepared prepare(Connection c, long incidentId, AlertRequest request, boolean lock) throws SQLException {
        Incident incident = incidents.find(c, incidentId, null).orElseThrow(() -> ApiException.notFound("No incident " + incidentId));
        if (incident.state().closed()) {
            throw ApiException.conflict("incident", "Incident " + incidentId + " is closed (gesloten): no alerts can be sent for it");
        }
        MsgType msgType = request.msgType() == null ? MsgType.ALERT : request.msgType();
        Audience asked = request.audience();
        if (msgType == MsgType.CANCEL && asked != null) {
            throw ApiException.badBody("audience", "A Cancel goes to the recipients of the alert it cancels: leave the audience out");
        }
        Alert referenced = referenced(c, incidentId, msgType, request.references(), lock);
        if (msgType == MsgType.ALERT && (asked == null || asked.empty())) {
            throw ApiException.badBody("audience", "The audience is empty: name affected, a zone, institutionIds, types or a region");
        }
        if (asked != null && asked.empty()) {
            throw ApiException.badBody("audience", "The audience is empty: leave it out to keep the recipients of alert "
                    + referenced.id() + ", or name affected, a zone, institutionIds, types or a region");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (request.expires() != null && !request.expires().isAfter(now)) {
            throw ApiException.badBody("expires", "expires (" + request.expires() + ") has passed: an alert must expire in the future");
        }
        Audience audience = asked != null ? asked : audienceOf(referenced);
        Analysis found = audience.fromAnalysis() ? analysis.analyse(incidentId, Rings.DEFAULT) : null;
        List<Hazard> hazards = found != null ? found.hazards() : analysis.hazards(incidentId);
        List<Candidate> recipients;
        Zone zone;
        if (asked != null) {
            AudienceResolver.Resolved resolved = resolver.resolve(c, asked, found, hazards);
            recipients = resolved.recipients();
            zone = resolved.zone();
        } else {
            recipients = resolver.withConnections(c, store.recipients(c, referenced.id()).stream().map(r -> new Candidate(
                    r.institutionId(), r.name(), r.type(), r.organisation(), r.regionCode(), r.phone(), r.email(), false, r.zone(),
                    r.distance())).toList());
            zone = audience.zone() == null ? null : Zone.parse(normalZone(audience.zone()));
        }
        if (recipients.isEmpty()) {
            throw ApiException.badBody("audience", "The audience " + audience.asMap() + " comes to no institution: nothing would be sent");
        }
        List<Hazard> areaHazards = AudienceResolver.areaHazards(zone, hazards);
        Geometry area = polygons(areaHazards);
        Point centre = null;
        Double radius = null;
        if (area == null) {
            Optional<Hazard> location = hazards.stream().filter(h -> Hazard.LOCATION.equals(h.kind())).findFirst();
            if (location.isPresent()) {
                centre = location.get().shape().geometry().getCentroid();
                radius = Rings.DEFAULT.max();
            }
        }
        String areaDesc = areaDescription(incident, audience, zone, area != null, centre != null);
        Zone mostSevere = recipients.stream().map(Candidate::zone).filter(z -> z != null).map(Zone::parse).min(Zone::compareTo)
                .orElse(zone);
        MessageDraft.Draft proposed = MessageDraft.of(new MessageDraft.Facts(incident, msgType, referenced, zone, mostSevere,
                request.areaDesc() != null ? request.areaDesc() : areaDesc, store.hazardAttributes(c, incidentId),
                store.latestBullet(c, incidentId, "Meteo").orElse(null),
                store.latestBullet(c, incidentId, "Gevaarlijke stoffen").orElse(null)));
        return new Prepared(incident, msgType, referenced, audience, recipients, merge(proposed, request), request.expires(), area,
                centre, radius);
    }

    /** The alert an Update or Cancel changes: of this incident, standing, and the latest of its line. */
    private Alert referenced(Connection c, long incidentId, MsgType msgType, Long references, boolean lock) throws SQLException {
        if (msgType == MsgType.ALERT) {
            if (references != null) {
                throw ApiException.badBody("references", "A new alert references nothing: send msgType Update or Cancel to change alert "
                        + references);
            }
            return null;
        }
        if (references == null) {
            throw ApiException.badBody("references", "An " + msgType.code() + " names the alert it changes in references");
        }
        Alert alert = store.find(c, incidentId, references, lock).orElseThrow(() -> ApiException.badBody("references",
                "Incident " + incidentId + " has no alert " + references));
        if (alert.msgType() == MsgType.CANCEL) {
            throw ApiException.conflict("references", "Alert " + references + " is itself a cancellation: it cannot be updated or cancelled");
        }
        if (alert.cancelledBy() != null) {
            throw ApiException.conflict("references", "Alert " + references + " was cancelled by alert " + alert.cancelledBy());
        }
        if (alert.supersededBy() != null) {
            throw ApiException.conflict("references", "Alert " + references + " was updated by alert " + alert.supersededBy()
                    + ": reference that one");
        }
        return alert;
    }

    private static Audience audienceOf(Alert alert) {
        var a = alert.audience();
        List<String> ids = new ArrayList<>();
        a.path("institutionIds").forEach(n -> ids.add(n.asText()));
        List<String> types = new ArrayList<>();
        a.path("types").forEach(n -> types.add(n.asText()));
        return new Audience(a.path("affected").asBoolean(false), a.hasNonNull("zone") ? a.get("zone").asText() : null, ids, types,
                a.hasNonNull("region") ? a.get("region").asText() : null);
    }

    private static String normalZone(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        return upper.equals("LBW") || upper.equals("AGW") || upper.equals("VRW") ? upper : key;
    }

    /** The polygons of the hazards (holes and all), as one multipolygon in RD New; null when there is none. */
    private static Geometry polygons(List<Hazard> hazards) {
        List<Polygon> parts = new ArrayList<>();
        for (Hazard h : hazards) {
            Geometry g = h.shape().geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon p) parts.add(p);
            }
        }
        return parts.isEmpty() ? null : RD.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    private static String areaDescription(Incident incident, Audience audience, Zone zone, boolean hasArea, boolean hasCircle) {
        String place = incident.state().locationText();
        String around = place == null || place.isBlank() ? "" : " bij " + place;
        if (zone != null) return zone.label() + around;
        if (audience.affected()) {
            return (hasArea ? "Incidentgebied en effectgebieden" : "Incidentlocatie") + around + ", met de instellingen tot "
                    + DutchWords.distance(Rings.DEFAULT.max()) + " daaromheen";
        }
        if (hasArea) return "Incidentgebied en effectgebieden" + around;
        if (hasCircle) return "Binnen " + DutchWords.distance(Rings.DEFAULT.max()) + " van de incidentlocatie" + around;
        if (audience.region() != null) return "Veiligheidsregio " + audience.region().toUpperCase(Locale.ROOT);
        return place == null || place.isBlank() ? incident.state().title() : place;
    }

    private static MessageDraft.Draft merge(MessageDraft.Draft d, AlertRequest r) {
        return new MessageDraft.Draft(or(r.event(), d.event()), or(r.category(), d.category()), or(r.headline(), d.headline()),
                or(r.description(), d.description()), or(r.instruction(), d.instruction()), or(r.responseType(), d.responseType()),
                or(r.urgency(), d.urgency()), or(r.severity(), d.severity()), or(r.certainty(), d.certainty()),
                or(r.areaDesc(), d.areaDesc()), or(r.substance(), d.substance()), or(r.threshold(), d.threshold()),
                or(r.wind(), d.wind()));
    }

    private static <T> T or(T given, T proposed) {
        return given != null ? given : proposed;
    }

    private static String status(Incident incident) {
        return incident.state().exercise() ? "Exercise" : "Actual";
    }

    public List<AlertView> list(long incidentId) {
        return tx.run(c -> {
            List<Alert> alerts = store.list(c, incidentId, MAX_LIST);
            Map<Long, Counts> counts = store.counts(c, alerts.stream().map(Alert::id).toList(), OffsetDateTime.now(clock));
            return alerts.stream().map(a -> AlertView.of(a, counts.getOrDefault(a.id(), new Counts(0, 0, 0, 0, 0, 0, 0)))).toList();
        });
    }

    public AlertDetail get(long incidentId, long alertId) {
        return tx.run(c -> detail(c, incidentId, alertId));
    }

    /** The stored alert itself (for CAP). */
    public Alert alert(long incidentId, long alertId) {
        return tx.run(c -> require(c, incidentId, alertId, false));
    }

    /** An alert with what its CAP document names besides itself: the alert it changes and the incident's title. */
    public record CapSource(Alert alert, Alert referenced, String incidentTitle) {}

    public CapSource capSource(long incidentId, long alertId) {
        return tx.run(c -> {
            Alert alert = require(c, incidentId, alertId, false);
            Alert referenced = alert.references() == null ? null : store.find(c, incidentId, alert.references(), false).orElseThrow();
            String title = incidents.find(c, incidentId, null).orElseThrow().state().title();
            return new CapSource(alert, referenced, title);
        });
    }

    /** The newest alerts the user may see: of the incidents visible to them, and those sent to their institution. */
    public List<CapSource> feed(Principal principal, int limit) {
        return tx.run(c -> {
            String institution = store.institutionOf(c, principal.userId()).orElse(null);
            Visibility visibility = Access.visibility(principal);
            String condition = "(" + Visibility.condition("i.id", "v.region_code")
                    + " OR EXISTS (SELECT 1 FROM alert_recipient r WHERE r.alert_id = a.id AND r.institution_id = ?))";
            List<CapSource> entries = new ArrayList<>();
            for (Alert alert : store.visible(c, condition, (ps, first) -> {
                int next = visibility.bind(ps, first);
                ps.setString(next, institution);
                return next + 1;
            }, limit)) {
                Alert referenced = alert.references() == null ? null
                        : store.find(c, alert.incidentId(), alert.references(), false).orElseThrow();
                entries.add(new CapSource(alert, referenced, null));
            }
            return entries;
        });
    }

    private AlertDetail detail(Connection c, long incidentId, long alertId) throws SQLException {
        Alert alert = require(c, incidentId, alertId, false);
        return AlertDetail.of(alert, store.recipients(c, alertId), OffsetDateTime.now(clock));
    }

    private Alert require(Connection c, long incidentId, long alertId, boolean lock) throws SQLException {
        return store.find(c, incidentId, alertId, lock).orElseThrow(() -> ApiException.notFound("Incident " + incidentId
                + " has no alert " + alertId));
    }

    /** An acknowledgement, and whether this request made it (false: it had been acknowledged already). */
    public record Acknowledged(RecipientView recipient, boolean created) {}

    /** Records that the user's institution acknowledges the alert (the route lets only users of a recipient through). */
    public Acknowledged acknowledge(long incidentId, long alertId, long userId, Actor actor, String note) {
        return tx.run(c -> {
            Alert alert = require(c, incidentId, alertId, false);
            String institution = recipientOf(c, alertId, userId);
            Recipient current = store.recipient(c, alertId, institution, true).orElseThrow();
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (current.acknowledgedAt() != null) return new Acknowledged(RecipientView.of(alert, current, now), false);
            if (alert.cancelledBy() != null) {
                throw ApiException.conflict("alert", "Alert " + alertId + " was cancelled by alert " + alert.cancelledBy()
                        + ": acknowledge the cancellation instead");
            }
            store.acknowledge(c, alertId, institution, actor, note);
            Recipient after = store.recipient(c, alertId, institution, false).orElseThrow();
            record(c, alert, after, "alert.acknowledged", after.name() + " bevestigde: " + alert.headline(), actor, now);
            return new Acknowledged(RecipientView.of(alert, after, now), true);
        });
    }

    /** Records that the alert reached a screen of the user's institution ({@code read}: and was read there). */
    public RecipientView receipt(long incidentId, long alertId, long userId, Actor actor, boolean read) {
        return tx.run(c -> {
            Alert alert = require(c, incidentId, alertId, false);
            String institution = recipientOf(c, alertId, userId);
            OffsetDateTime now = OffsetDateTime.now(clock);
            boolean changed = read ? store.read(c, alertId, institution, actor.author()) : store.delivered(c, alertId, institution, actor.author());
            Recipient after = store.recipient(c, alertId, institution, false).orElseThrow();
            if (changed) {
                record(c, alert, after, read ? "alert.read" : "alert.delivered",
                        after.name() + (read ? " las: " : " ontving: ") + alert.headline(), actor, now);
            }
            return RecipientView.of(alert, after, now);
        });
    }

    private void record(Connection c, Alert alert, Recipient recipient, String action, String summary, Actor actor, OffsetDateTime now)
            throws SQLException {
        Counts counts = store.counts(c, List.of(alert.id()), now).get(alert.id());
        log.record(c, NewChangeEvent.of(alert.incidentId(), action, path(alert.incidentId(), alert.id()), null,
                        NewChangeEvent.excerpt(summary), Map.of("institutionId", recipient.institutionId()), actor)
                .withData(AlertViews.recipientEvent(alert, recipient, counts, now)).withAudience(List.of(recipient.institutionId())));
    }

    /** The institution the user speaks for, which must be a recipient of the alert. */
    private String recipientOf(Connection c, long alertId, long userId) throws SQLException {
        Optional<String> institution = store.institutionOf(c, userId);
        if (institution.isEmpty() || store.recipient(c, alertId, institution.get(), false).isEmpty()) {
            throw new ApiException(403, "Forbidden", "Forbidden", "Only users of an institution the alert was sent to may do this", null);
        }
        return institution.get();
    }

    /** The institution a user speaks for (its own, else its organisation's). */
    public Optional<String> institutionOf(long userId) {
        return tx.run(c -> store.institutionOf(c, userId));
    }

    /**
     * The alerts to the user's institution, newest first; those not yet delivered to any of its
     * screens count as delivered now (this is the user seeing them).
     */
    public Inbox inbox(long userId, Actor actor) {
        return tx.run(c -> {
            Optional<String> institution = store.institutionOf(c, userId);
            if (institution.isEmpty()) return new Inbox(null, List.of(), List.of());
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<AddressedView> alerts = new ArrayList<>();
            for (Addressed row : store.addressedTo(c, institution.get(), INBOX_SIZE)) {
                Recipient mine = row.recipient();
                if (mine.deliveredAt() == null && store.delivered(c, row.alert().id(), mine.institutionId(), actor.author())) {
                    mine = store.recipient(c, row.alert().id(), mine.institutionId(), false).orElseThrow();
                    record(c, row.alert(), mine, "alert.delivered", mine.name() + " ontving: " + row.alert().headline(), actor, now);
                }
                Counts counts = Counts.of(row.alert(), List.of(mine), now);
                alerts.add(new AddressedView(AlertView.of(row.alert(), counts), row.incidentTitle(), RecipientView.of(row.alert(), mine, now)));
            }
            return new Inbox(institution.get(), alerts, List.of());
        });
    }

    /**
     * Flags the recipients whose deadline passed without acknowledgement, each once, with one change
     * per alert on its incident's timeline (so open boards and call lists follow). Returns how many.
     */
    public int flagOverdue() {
        return tx.run(c -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<AlertStore.Overdue> rows = store.flagOverdue(c, now);
            Map<Long, List<AlertStore.Overdue>> byAlert = new LinkedHashMap<>();
            for (AlertStore.Overdue row : rows) byAlert.computeIfAbsent(row.alertId(), k -> new ArrayList<>()).add(row);
            for (Map.Entry<Long, List<AlertStore.Overdue>> e : byAlert.entrySet()) {
                AlertStore.Overdue first = e.getValue().get(0);
                List<String> ids = e.getValue().stream().map(AlertStore.Overdue::institutionId).toList();
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("alertId", e.getKey());
                data.put("incidentId", first.incidentId());
                data.put("institutionIds", ids);
                data.put("counts", store.counts(c, List.of(e.getKey()), now).get(e.getKey()));
                log.record(c, NewChangeEvent.of(first.incidentId(), "alert.overdue", path(first.incidentId(), e.getKey()), null,
                        NewChangeEvent.excerpt(ids.size() + " instelling" + (ids.size() == 1 ? "" : "en")
                                + " bevestigde" + (ids.size() == 1 ? "" : "n") + " niet op tijd: naar de Belronde"),
                        Map.of("institutions", ids.size()), SYSTEM).withData(data));
            }
            return rows.size();
        });
    }
}

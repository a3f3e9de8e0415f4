package nl.zorgbeeld.plume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.element.ElementInput;
import nl.zorgbeeld.element.ElementKind;
import nl.zorgbeeld.element.ElementParser;
import nl.zorgbeeld.element.ElementService;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.NewChangeEvent;
import nl.zorgbeeld.plume.PlumeStore.StoredForecast;
import nl.zorgbeeld.plume.PlumeStore.StoredPlume;
import nl.zorgbeeld.plume.InstitutionPlaces.Place;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Plumes of an incident: preview (computed, not stored), publish (the plume row and its zones as
 * effect-zone elements, replacing the previous plume's, in one transaction, then the analysis
 * follows), the current plume and the history at any moment, the threat at every institution, and
 * forecasts.
 */
public final class PlumeService {
    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final PlumeStore store;
    private final InstitutionPlaces places;
    private final ElementService elements;
    private final Transactions tx;
    private final ChangeLog changes = new ChangeLog();

    public PlumeService(DataSource dataSource, ElementService elements) {
        this.store = new PlumeStore(dataSource);
        this.places = new InstitutionPlaces(dataSource);
        this.elements = elements;
        this.tx = new Transactions(dataSource);
    }

    public static String path(long incidentId) {
        return "/api/incidents/" + incidentId + "/plumes";
    }

    /** The plume these inputs give, as it would be published; nothing is stored. */
    public ObjectNode preview(long incidentId, PlumeRequest request) {
        elements.requireIncident(incidentId);
        Plume plume = Plumes.compute(request.input());
        ObjectNode collection = PlumeGeoJson.collection(plume, request.inputs(), request.substance(), Map.of());
        collection.put("preview", true);
        return collection;
    }

    /** Publishes a plume: it replaces the current one for everyone; returns it as stored. */
    public ObjectNode publish(long incidentId, PlumeRequest request, Actor actor) {
        elements.requireWritable(incidentId);
        Plume plume = Plumes.compute(request.input());
        record Published(long id, ElementService.ReplacedSet zones) {}
        Published published = tx.run(c -> {
            store.lockIncident(c, incidentId);
            Optional<StoredPlume> previous = store.current(c, incidentId);
            List<ZoneLevel> levels = new ArrayList<>();
            List<ElementInput> zones = new ArrayList<>();
            List<String> summaries = new ArrayList<>();
            for (PlumeZone zone : plume.zones()) {
                if (zone.isEmpty()) continue;
                levels.add(zone.level());
                zones.add(element(zone, plume, request, actor));
                summaries.add("effectgebied " + zone.level().code() + " van pluim" + of(request.substance()));
            }
            if (previous.isPresent()) store.endCurrent(c, previous.get().id());
            ElementService.ReplacedSet written = elements.replaceSet(c, incidentId, previous.map(StoredPlume::zoneElements).orElse(List.of()),
                    zones, actor, "effectgebied van vervangen pluim beëindigd", summaries);
            List<UUID> ids = written.created();
            Map<ZoneLevel, UUID> byLevel = new EnumMap<>(ZoneLevel.class);
            for (int i = 0; i < levels.size(); i++) byLevel.put(levels.get(i), ids.get(i));
            ObjectNode collection = PlumeGeoJson.collection(plume, request.inputs(), request.substance(), byLevel);
            JsonNode model = plume.model() == null ? null : Json.MAPPER.valueToTree(plume.model());
            PlumeStore.Inserted inserted = store.insert(c, incidentId, request.input().method().code(), request.substance(),
                    request.inputs(), model, collection, ids, actor);
            previous.ifPresent(p -> {
                try {
                    store.linkReplacement(c, p.id(), inserted.id());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            StoredPlume stored = store.current(c, incidentId).orElseThrow();
            String summary = "Pluim gepubliceerd (" + request.input().method().label().toLowerCase() + of(request.substance()) + ")"
                    + (stored.replacesFrom() == null ? "" : ", " + replacesLabel(stored.replacesFrom()));
            changes.record(c, NewChangeEvent.of(incidentId, "plume.create", path(incidentId) + "/" + inserted.id(), 1, summary, null, actor)
                    .withData(summaryOf(stored, true)));
            return new Published(inserted.id(), written);
        });
        // Committed: the analysis hears of every zone ended and created, and its next read already has them.
        elements.committed(published.zones());
        return get(incidentId, published.id());
    }

    /** One stored plume as its FeatureCollection with the plume's record as the foreign member {@code plume}. */
    public ObjectNode get(long incidentId, long plumeId) {
        elements.requireIncident(incidentId);
        StoredPlume plume = store.get(incidentId, plumeId).orElseThrow(() -> ApiException.notFound("No plume " + plumeId + " in incident " + incidentId));
        return view(plume);
    }

    /** The plume current at {@code at} (now when null), or 404 when there is none. */
    public ObjectNode current(long incidentId, Instant at) {
        elements.requireIncident(incidentId);
        return view(store.at(incidentId, at).orElseThrow(() -> ApiException.notFound("Incident " + incidentId + " has no plume"
                + (at == null ? "" : " at " + at))));
    }

    /** The plume current at {@code at} (now when null; null when none) and every plume published until then, newest first. */
    public ObjectNode list(long incidentId, Instant at) {
        elements.requireIncident(incidentId);
        ObjectNode body = Json.MAPPER.createObjectNode();
        Optional<StoredPlume> current = store.at(incidentId, at);
        body.set("current", current.map(this::view).orElse(null));
        ArrayNode history = body.putArray("history");
        for (StoredPlume plume : store.history(incidentId, at)) {
            history.add(summaryOf(plume, current.isPresent() && current.get().id() == plume.id()));
        }
        // Only whether there is one, so a client asks for the forecast itself (it is large) when there is.
        body.set("forecast", store.latestForecastInfo(incidentId).orElse(null));
        return body;
    }

    private ObjectNode view(StoredPlume plume) {
        ObjectNode collection = plume.collection().deepCopy();
        collection.set("plume", summaryOf(plume, plume.replacedAt() == null));
        return collection;
    }

    /** What the history and the live stream show of a plume: who, when, how, what it replaced; its inputs and reach. */
    private static ObjectNode summaryOf(StoredPlume plume, boolean current) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("id", plume.id());
        s.put("incidentId", plume.incidentId());
        s.put("href", path(plume.incidentId()) + "/" + plume.id());
        s.put("method", plume.method());
        s.put("methodLabel", Method.parse(plume.method(), "method").label());
        if (plume.substance() != null) s.put("substance", plume.substance());
        s.put("createdAt", plume.createdAt().toString());
        s.put("time", clock(plume.createdAt()));
        s.put("author", plume.actor().author());
        s.put("organisation", plume.actor().organisation());
        s.put("current", current);
        if (plume.replacedAt() != null) s.put("replacedAt", plume.replacedAt().toString());
        if (plume.replacedBy() != null) s.put("replacedBy", plume.replacedBy());
        if (plume.replaces() != null) {
            s.put("replaces", plume.replaces());
            s.put("replacesLabel", replacesLabel(plume.replacesFrom()));
        }
        ArrayNode ids = s.putArray("elements");
        plume.zoneElements().forEach(id -> ids.add(id.toString()));
        ObjectNode reach = s.putObject("reach");
        for (JsonNode feature : plume.collection().path("features")) {
            JsonNode p = feature.path("properties");
            if ("zone".equals(p.path("kind").asText())) reach.set(p.path("zone").asText(), p.has("reach") && p.path("reached").asBoolean() ? p.get("reach") : null);
        }
        s.set("inputs", plume.inputs());
        return s;
    }

    /** "vervangt pluim van 10:15", the time in the Netherlands. */
    static String replacesLabel(OffsetDateTime replaced) {
        return "vervangt pluim van " + clock(replaced);
    }

    private static String clock(OffsetDateTime time) {
        return CLOCK.format(time.atZoneSameInstant(LOCAL));
    }

    private static String of(String substance) {
        return substance == null ? "" : ", " + substance;
    }

    private static ElementInput element(PlumeZone zone, Plume plume, PlumeRequest request, Actor actor) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("zone", zone.level().code());
        if (request.substance() != null) attributes.put("substance", request.substance());
        String label = cut("Pluim" + (request.substance() == null ? "" : " " + request.substance()) + ": " + zone.level().code(), ElementParser.MAX_LABEL);
        String description = plume.input().method().label() + ", " + zone.level().label()
                + (zone.threshold() == null ? "" : " (" + Checks.plain(zone.threshold()) + " mg/m3)")
                + (zone.reach() == null ? "" : ", bereik " + Checks.distance(zone.reach(), true));
        String source = cut("GAGS, " + actor.organisation(), ElementParser.MAX_SOURCE);
        return new ElementInput(ElementKind.EFFECTGEBIED, label, description, source, request.certainty(), attributes, zone.area(),
                Geometries.RD_SRID);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    // --- threats -------------------------------------------------------------------------------------

    /** The threat at a place of an institution. */
    public record InstitutionThreat(Place institution, Threat threat) {}

    /** Every institution inside a zone or a confidence area of the current plume, most threatened first. */
    public List<InstitutionThreat> threats(long incidentId) {
        elements.requireIncident(incidentId);
        StoredPlume stored = store.at(incidentId, null).orElseThrow(() -> ApiException.notFound("Incident " + incidentId + " has no plume"));
        Plume plume = Plumes.compute(PlumeRequest.parse(stored.inputs().toString()).input());
        ThreatLocator locator = plume.threats();
        List<InstitutionThreat> found = new ArrayList<>();
        for (Place place : places.within(extent(plume))) {
            Threat threat = locator.at(new Coordinate(place.x(), place.y()));
            if (threat.zone() != null || threat.confidenceZone() != null) found.add(new InstitutionThreat(place, threat));
        }
        found.sort(Comparator.comparing((InstitutionThreat t) -> rank(t.threat().zone()))
                .thenComparing(t -> rank(t.threat().confidenceZone()))
                .thenComparing(t -> t.threat().distance() == null ? 0 : t.threat().distance()));
        return found;
    }

    private static int rank(ZoneLevel level) {
        return level == null ? ZoneLevel.values().length : level.ordinal();
    }

    /** The RD New box around every zone and confidence area: no institution outside it can be threatened. */
    private static Envelope extent(Plume plume) {
        Envelope box = new Envelope();
        for (PlumeZone zone : plume.zones()) if (!zone.isEmpty()) box.expandToInclude(zone.area().getEnvelopeInternal());
        for (ConfidenceLine line : plume.confidence()) box.expandToInclude(line.area().getEnvelopeInternal());
        return box;
    }

    // --- forecast ------------------------------------------------------------------------------------

    /** The stored inputs of the current Gaussian plume: the release a CSV forecast is for. */
    public ObjectNode currentRelease(long incidentId) {
        elements.requireIncident(incidentId);
        StoredPlume current = store.at(incidentId, null).orElseThrow(() -> ApiException.conflict("hours",
                "a forecast as CSV is for the release of the current model plume, and incident " + incidentId + " has no plume;"
                        + " publish a Gaussian plume first, or send the forecast as JSON with the release"));
        if (!Method.GAUSSIAN.code().equals(current.method())) {
            throw ApiException.conflict("hours", "a forecast as CSV is for the release of the current model plume, but the current plume is "
                    + current.method() + "; send the forecast as JSON with the release");
        }
        return (ObjectNode) current.inputs();
    }

    /** Computes a forecast, keeps it as the incident's latest, and returns it. */
    public JsonNode forecast(long incidentId, ForecastRequest request, Actor actor) {
        elements.requireWritable(incidentId);
        Forecast forecast = Plumes.forecast(request.input());
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.put("incidentId", incidentId);
        result.put("substance", request.input().release().substance());
        result.set("inputs", request.inputs());
        result.set("warnings", Json.MAPPER.valueToTree(forecast.warnings()));
        ArrayNode hours = result.putArray("hours");
        Envelope box = new Envelope();
        for (HourlyPlume hour : forecast.hours()) {
            ObjectNode h = hours.addObject();
            h.put("time", hour.start().toString());
            h.put("label", clock(hour.start().atOffset(java.time.ZoneOffset.UTC)));
            GaussianInput input = (GaussianInput) hour.plume().input();
            ObjectNode weather = Json.MAPPER.createObjectNode();
            weather.put("windDirection", input.weather().wind().direction());
            weather.put("windSpeed", input.weather().wind().speed());
            weather.put("stabilityClass", input.weather().stabilityClass().code());
            h.set("weather", weather);
            h.set("reach", PlumeGeoJson.reaches(hour.plume().zones()));
            h.set("plume", PlumeGeoJson.collection(hour.plume(), weather, request.input().release().substance(), Map.of()));
            box.expandToInclude(extent(hour.plume()));
        }
        ForecastLocator locator = forecast.locator();
        ArrayNode institutions = result.putArray("institutions");
        List<Map.Entry<Place, ForecastExposure>> affected = new ArrayList<>();
        for (Place place : places.within(box)) {
            ForecastExposure exposure = locator.exposureAt(new Coordinate(place.x(), place.y()));
            if (exposure.firstAffected() != null) affected.add(Map.entry(place, exposure));
        }
        affected.sort(Comparator.comparing((Map.Entry<Place, ForecastExposure> e) -> e.getValue().firstAffected())
                .thenComparing(e -> e.getValue().worstZone().ordinal()).thenComparing(e -> e.getKey().name()));
        for (Map.Entry<Place, ForecastExposure> e : affected) {
            ObjectNode i = institutions.addObject();
            e.getKey().write(i);
            ForecastExposure x = e.getValue();
            i.put("firstAffected", x.firstAffected().toString());
            i.put("firstZone", x.firstZone().code());
            i.put("worstZone", x.worstZone().code());
            i.put("worstFrom", x.worstFrom().toString());
            ArrayNode zones = i.putArray("zones");
            x.zones().forEach(z -> zones.add(z == null ? null : z.code()));
        }
        StoredForecast stored = tx.run(c -> {
            StoredForecast s = store.insertForecast(c, incidentId, request.inputs(), result, actor);
            changes.record(c, NewChangeEvent.of(incidentId, "forecast.create", path(incidentId) + "/forecast/latest", null,
                    "Prognose berekend: " + forecast.hours().size() + " uur, " + affected.size() + " instellingen geraakt", null, actor)
                    .withData(Map.of("id", s.id(), "hours", forecast.hours().size(), "institutions", affected.size())));
            return s;
        });
        return withMeta(stored);
    }

    public JsonNode latestForecast(long incidentId) {
        elements.requireIncident(incidentId);
        return withMeta(store.latestForecast(incidentId).orElseThrow(() -> ApiException.notFound("Incident " + incidentId + " has no forecast")));
    }

    private static JsonNode withMeta(StoredForecast forecast) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", forecast.id());
        body.put("createdAt", forecast.createdAt().toString());
        body.put("author", forecast.actor().author());
        body.put("organisation", forecast.actor().organisation());
        body.setAll((ObjectNode) forecast.result());
        return body;
    }
}

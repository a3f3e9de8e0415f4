package nl.zorgbeeld.plume;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.http.Actors;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;
import nl.zorgbeeld.plume.PlumeService.InstitutionThreat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * HTTP for hazardous-substance plumes: {@code /api/incidents/{id}/plumes}. Who may call them is ruled
 * in {@code auth/AccessRules} (writes: the {@code gags} of the incident's region); writes are
 * attributed to the logged-in user.
 */
public final class PlumeHandler {
    public static final String GEOJSON = "application/geo+json";
    public static final String CSV = "text/csv; charset=utf-8";
    private static final Set<String> WRITE_PARAMS = Set.of("preview");
    private static final Set<String> AT_PARAMS = Set.of("at");
    private static final Set<String> THREAT_PARAMS = Set.of("format");
    private static final String[] THREAT_HEADERS = {
        "zone", "zone_bij_draaiende_wind", "instelling_id", "naam", "type", "organisatie", "plaats", "aangesloten",
        "concentratie_mg_m3", "concentratie_op_as_mg_m3", "hoogste_bij_draaiende_wind_mg_m3", "afstand_m", "benedenwinds_m",
        "zijwaarts_m", "aankomst_min"
    };

    /** The substances with intervention values shipped in data/vocabularies, for the plume form. */
    private static final String SUBSTANCES = substances();

    private final PlumeService service;

    private static String substances() {
        try (var in = PlumeHandler.class.getResourceAsStream("/data/vocabularies/substances.json")) {
            if (in == null) throw new IllegalStateException("data/vocabularies/substances.json is missing from the build");
            return Json.tree(new String(in.readAllBytes(), StandardCharsets.UTF_8)).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public PlumeHandler(PlumeService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/vocabularies/substances", ctx -> ctx.contentType("application/json").result(SUBSTANCES));
        routes.post("/api/incidents/{id}/plumes", this::create);
        routes.get("/api/incidents/{id}/plumes", this::list);
        routes.get("/api/incidents/{id}/plumes/current", this::current);
        routes.get("/api/incidents/{id}/plumes/current/threats", this::threats);
        routes.post("/api/incidents/{id}/plumes/forecast", this::forecast);
        routes.get("/api/incidents/{id}/plumes/forecast/latest", this::latestForecast);
        routes.get("/api/incidents/{id}/plumes/{plumeId}", this::get);
    }

    private void create(Context ctx) {
        QueryParams params = new QueryParams(ctx, WRITE_PARAMS);
        long incident = incidentId(ctx);
        boolean preview = Boolean.TRUE.equals(params.bool("preview"));
        if (preview) {
            PlumeRequest request = PlumeRequest.parse(ctx.body());
            ctx.contentType(GEOJSON).result(service.preview(incident, request).toString());
            return;
        }
        var actor = Actors.require(ctx);
        PlumeRequest request = PlumeRequest.parse(ctx.body());
        ObjectNode plume = service.publish(incident, request, actor);
        ctx.status(201).header("Location", plume.path("plume").path("href").asText()).contentType(GEOJSON).result(plume.toString());
    }

    private void list(Context ctx) {
        Instant at = at(ctx);
        ctx.json(service.list(incidentId(ctx), at));
    }

    private void current(Context ctx) {
        Instant at = at(ctx);
        ctx.contentType(GEOJSON).result(service.current(incidentId(ctx), at).toString());
    }

    private void get(Context ctx) {
        long incident = incidentId(ctx);
        long plume = PathParams.id(ctx, "plumeId", "plume");
        ctx.contentType(GEOJSON).result(service.get(incident, plume).toString());
    }

    private static Instant at(Context ctx) {
        OffsetDateTime at = new QueryParams(ctx, AT_PARAMS).instant("at");
        return at == null ? null : at.toInstant();
    }

    private void threats(Context ctx) throws IOException {
        String format = new QueryParams(ctx, THREAT_PARAMS).string("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ApiException.badParameter("format", "Unknown format '" + format + "'; use one of csv, json");
        }
        long incident = incidentId(ctx);
        List<InstitutionThreat> threats = service.threats(incident);
        if ("csv".equals(format)) {
            ctx.contentType(CSV).header("Content-Disposition", "attachment; filename=\"pluim-dreiging-incident-" + incident + ".csv\"");
            Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            writeCsv(out, threats);
            out.flush();
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("incidentId", incident);
        body.put("count", threats.size());
        ArrayNode items = body.putArray("institutions");
        for (InstitutionThreat t : threats) {
            ObjectNode item = items.addObject();
            t.institution().write(item);
            Threat x = t.threat();
            if (x.zone() != null) {
                item.put("zone", x.zone().code());
                item.put("zoneLabel", x.zone().label());
            } else {
                item.putNull("zone");
            }
            if (x.confidenceZone() != null) item.put("confidenceZone", x.confidenceZone().code());
            put(item, "concentration", x.concentration());
            put(item, "centreLine", x.centreLine());
            put(item, "worstInConfidence", x.worstInConfidence());
            put(item, "distance", rounded(x.distance()));
            put(item, "downwind", rounded(x.downwind()));
            put(item, "crosswind", rounded(x.crosswind()));
            put(item, "arrivalSeconds", rounded(x.arrivalSeconds()));
            if (x.arrivalSeconds() != null) item.put("arrivalMinutes", Math.round(x.arrivalSeconds() / 6.0) / 10.0);
        }
        ctx.json(body);
    }

    private static void writeCsv(Writer out, List<InstitutionThreat> threats) throws IOException {
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader(THREAT_HEADERS)
                .setRecordSeparator("\r\n").get());
        for (InstitutionThreat t : threats) {
            var i = t.institution();
            Threat x = t.threat();
            csv.printRecord(x.zone() == null ? "" : x.zone().code(), x.confidenceZone() == null ? "" : x.confidenceZone().code(), i.id(),
                    i.name(), i.type(), i.organisation(), i.city(), i.connected() ? "ja" : "nee", significant(x.concentration()),
                    significant(x.centreLine()), significant(x.worstInConfidence()), whole(x.distance()), whole(x.downwind()),
                    whole(x.crosswind()), x.arrivalSeconds() == null ? "" : Math.round(x.arrivalSeconds() / 60));
        }
        csv.flush();
    }

    /** Three significant digits with a decimal comma, as a Dutch spreadsheet reads it. */
    private static String significant(Double value) {
        if (value == null) return "";
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String whole(Double value) {
        return value == null ? "" : Long.toString(Math.round(value));
    }

    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    private static void put(ObjectNode node, String name, Double value) {
        if (value != null) node.put(name, value);
    }

    private void forecast(Context ctx) {
        new QueryParams(ctx, Set.of());
        var actor = Actors.require(ctx);
        long incident = incidentId(ctx);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        ForecastRequest request = type.startsWith("text/csv")
                ? ForecastRequest.csv(ctx.body(), service.currentRelease(incident))
                : ForecastRequest.json(ctx.body());
        ctx.status(201).header("Location", PlumeService.path(incident) + "/forecast/latest").json(service.forecast(incident, request, actor));
    }

    private void latestForecast(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.json(service.latestForecast(incidentId(ctx)));
    }

    private static long incidentId(Context ctx) {
        return PathParams.id(ctx, "id", "incident");
    }
}

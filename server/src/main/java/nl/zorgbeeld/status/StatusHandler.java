package nl.zorgbeeld.status;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.auth.Access;
import nl.zorgbeeld.auth.Conditions;
import nl.zorgbeeld.auth.Principal;
import nl.zorgbeeld.auth.Principals;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.common.Visibility;
import nl.zorgbeeld.http.Etags;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.QueryParams;
import nl.zorgbeeld.reference.InstitutionTypes;

/**
 * HTTP for institution status reports: report, confirm unchanged, read now or at a moment, history,
 * the regional overview as JSON, CSV or EDXL-HAVE 2.0, the import of EDXL-HAVE, and the vocabulary.
 * Who may call which is in auth/AccessRules; every read is limited to the institutions the user's
 * organisation may see, and the author of a report is the logged-in user.
 */
public final class StatusHandler {
    public static final String OVERVIEW = "/api/institutions/status";
    private static final Set<String> OVERVIEW_PARAMS = Set.of("region", "type", "status", "emergencyDepartment", "all", "at", "format");
    private static final Set<String> IMPORT_PARAMS = Set.of("incidentId");
    private static final String UNKNOWN = "onbekend";

    private final StatusService service;
    private final InstitutionTypes types;

    StatusHandler(StatusService service, InstitutionTypes types) {
        this.service = service;
        this.types = types;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/vocabularies/institution-status", this::vocabularies);
        routes.get(OVERVIEW, this::overview);
        routes.post(OVERVIEW, this::importHave);
        routes.get("/api/institutions/{institutionId}/status", this::current);
        routes.post("/api/institutions/{institutionId}/status", this::report);
        routes.post("/api/institutions/{institutionId}/status/confirm", this::confirm);
        routes.get("/api/institutions/{institutionId}/status/history", this::history);
    }

    private void vocabularies(Context ctx) {
        new QueryParams(ctx, Set.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operationalStatuses", withHave(OperationalStatus.class));
        body.put("emergencyDepartmentStatuses", withHave(EmergencyDepartmentStatus.class));
        body.put("bedTypes", withHave(BedType.class));
        body.put("decontaminationStatuses", withHave(DeconStatus.class));
        body.put("staffingLevels", withHave(StaffingLevel.class));
        body.put("continuityLevels", Coded.describe(ContinuityLevel.class));
        body.put("continuityAreas", List.of(area("power", "Stroom"), area("water", "Water"), area("ict", "ICT"), area("staff", "Personeel"),
                area("supplies", "Voorraden")));
        body.put("triageClasses", List.of(area("t1", "T1"), area("t2", "T2"), area("t3", "T3"), area("dead", "Dood"),
                area("unknown", "Onbekend")));
        body.put("staleMinutes", service.staleMinutes());
        body.put("limits", Map.of("count", StatusInput.MAX_COUNT, "reason", StatusInput.REASON_LENGTH, "needs", StatusInput.NEEDS_LENGTH,
                "remarks", StatusInput.REMARKS_LENGTH));
        ctx.json(body);
    }

    private void current(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("at"));
        StatusItem item = service.current(institutionId(ctx), params.instant("at"), visibility(ctx));
        Etags.set(ctx, item.version());
        ctx.json(item);
    }

    private void history(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("from", "to", "limit"));
        String id = institutionId(ctx);
        var from = params.instant("from");
        var to = params.instant("to");
        if (from != null && to != null && from.isAfter(to)) throw ApiException.badParameter("from", "from is after to");
        Visibility visibility = visibility(ctx);
        List<StatusReport> reports = service.history(id, from, to, params.integer("limit", StatusService.MAX_HISTORY, 1, StatusService.MAX_HISTORY),
                visibility);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("institution", service.institution(id, visibility));
        body.put("reports", reports);
        ctx.json(body);
    }

    private void report(Context ctx) {
        String id = institutionId(ctx);
        Reporter reporter = reporter(ctx);
        Etags.IfMatch ifMatch = ctx.header("If-Match") == null ? null : Etags.require(ctx);
        NewReport report = StatusInput.report(JsonBody.of(ctx, StatusInput.FIELDS));
        StatusItem item = service.report(id, report, ifMatch, reporter);
        Etags.set(ctx, item.version());
        ctx.status(201).header("Location", StatusService.path(id)).json(item);
    }

    private void confirm(Context ctx) {
        String id = institutionId(ctx);
        Reporter reporter = reporter(ctx);
        Etags.IfMatch ifMatch = Etags.require(ctx);
        JsonBody body = ctx.body().isBlank() ? null : JsonBody.of(ctx, StatusInput.CONFIRM_FIELDS);
        StatusItem item = service.confirm(id, body == null ? null : body.instant("reportedAt"), body == null ? null : body.longValue("incidentId"),
                ifMatch, reporter);
        Etags.set(ctx, item.version());
        ctx.status(201).header("Location", StatusService.path(id)).json(item);
    }

    private enum Format { JSON, CSV, XML }

    private void overview(Context ctx) throws IOException {
        QueryParams params = new QueryParams(ctx, OVERVIEW_PARAMS);
        Format format = format(ctx, params);
        String region = params.string("region");
        if (region != null && !region.matches("[A-Za-z0-9_-]{1,32}")) {
            throw ApiException.badParameter("region", "region must be a safety-region code such as VR09");
        }
        List<String> typeCodes = params.list("type");
        for (String t : typeCodes) {
            if (!types.isCode(t)) {
                throw ApiException.badParameter("type", "Unknown institution type '" + t + "'; known: "
                        + String.join(", ", types.all().stream().map(x -> x.code()).toList()));
            }
        }
        OverviewFilter filter = new OverviewFilter(region, typeCodes, codes(params, "status", OperationalStatus.class),
                codes(params, "emergencyDepartment", EmergencyDepartmentStatus.class), Boolean.TRUE.equals(params.bool("all")));
        StatusOverview overview = service.overview(filter, params.instant("at"), visibility(ctx));
        String name = "zorgbeeld-status" + (region == null ? "" : "-" + region.toLowerCase(Locale.ROOT));
        switch (format) {
            case JSON -> ctx.json(overview);
            case CSV -> {
                ctx.contentType(StatusCsv.CONTENT_TYPE).header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
                Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
                StatusCsv.write(out, overview.institutions());
                out.flush();
            }
            case XML -> {
                ctx.contentType(Have.MEDIA_TYPE + "; charset=utf-8");
                if (params.string("format") != null) ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".xml\"");
                HaveWriter.write(ctx.outputStream(), overview.institutions());
            }
        }
    }

    /** An EDXL-HAVE document from another system: every Hospital in it becomes a report, all or none. */
    private void importHave(Context ctx) {
        QueryParams params = new QueryParams(ctx, IMPORT_PARAMS);
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/xml") && !contentType.startsWith("text/xml")) {
            throw new ApiException(415, "UnsupportedMediaType", "Unsupported media type", "Send an EDXL-HAVE 2.0 document as"
                    + " Content-Type application/xml; a single report in JSON goes to POST /api/institutions/{id}/status", "Content-Type");
        }
        Reporter reporter = reporter(ctx);
        long length = ctx.contentLength();
        if (length > HaveReader.MAX_BYTES) {
            throw new ApiException(413, "PayloadTooLarge", "Payload too large", "An EDXL-HAVE document may be at most "
                    + HaveReader.MAX_BYTES + " bytes; this one is " + length, "body");
        }
        Long incidentId = null;
        String incident = params.string("incidentId");
        if (incident != null) {
            if (!incident.matches("[1-9][0-9]{0,17}")) throw ApiException.badParameter("incidentId", "incidentId must be an incident id");
            incidentId = Long.parseLong(incident);
        }
        HaveReader.Result read = HaveReader.read(ctx.bodyAsBytes());
        List<StatusItem> items = service.reportAll(read.reports(), incidentId, reporter);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("imported", items.size());
        body.put("institutions", items);
        body.put("warnings", read.warnings());
        ctx.status(201).json(body);
    }

    /** ?format= wins; otherwise the first of JSON, XML and CSV that Accept names (JSON when none). */
    private static Format format(Context ctx, QueryParams params) {
        String value = params.string("format");
        if (value != null) {
            for (Format f : Format.values()) {
                if (f.name().equalsIgnoreCase(value)) return f;
            }
            throw ApiException.badParameter("format", "Unknown format '" + value + "'; use json, csv or xml (EDXL-HAVE 2.0)");
        }
        String accept = ctx.header("Accept") == null ? "" : ctx.header("Accept").toLowerCase(Locale.ROOT);
        Format best = Format.JSON;
        int at = Integer.MAX_VALUE;
        for (var candidate : Map.of("application/json", Format.JSON, "application/xml", Format.XML, "text/xml", Format.XML,
                "text/csv", Format.CSV).entrySet()) {
            int i = accept.indexOf(candidate.getKey());
            if (i >= 0 && i < at) {
                at = i;
                best = candidate.getValue();
            }
        }
        return best;
    }

    private static <E extends Enum<E> & Coded> List<String> codes(QueryParams params, String name, Class<E> type) {
        List<String> codes = params.list(name);
        for (String code : codes) {
            if (!code.equals(UNKNOWN) && Coded.find(type, code).isEmpty()) {
                throw ApiException.badParameter(name, "Unknown " + name + " '" + code + "'; known: " + Coded.codes(type) + ", " + UNKNOWN);
            }
        }
        return codes;
    }

    private static <E extends Enum<E> & Coded & HaveCoded> List<Map<String, String>> withHave(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(e -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("code", e.code());
            m.put("label", e.label());
            m.put("have", e.have());
            return m;
        }).toList();
    }

    private static Map<String, String> area(String key, String label) {
        return Map.of("key", key, "label", label);
    }

    /** The logged-in user as the author of a report (never what the request says about itself), and what it may report for. */
    private static Reporter reporter(Context ctx) {
        Principal principal = Principals.require(ctx);
        return new Reporter(principal.actor(), Access.visibility(principal),
                institution -> Conditions.mayReportStatus(principal, institution.id(), institution.regionCode()));
    }

    /** The institutions the user may see: those of its region and of the incidents its organisation is invited to. */
    private static Visibility visibility(Context ctx) {
        return Access.visibility(Principals.require(ctx));
    }

    private static String institutionId(Context ctx) {
        String id = ctx.pathParam("institutionId");
        if (id.isBlank() || id.length() > 200) throw ApiException.notFound("There is no institution '" + id + "'");
        return id;
    }
}

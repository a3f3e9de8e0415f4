package nl.zorgbeeld.analysis;

import static nl.zorgbeeld.geo.FeatureCollectionWriter.GEOJSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.zorgbeeld.analysis.AnalysisViews.AffectedView;
import nl.zorgbeeld.analysis.AnalysisViews.ChangeView;
import nl.zorgbeeld.analysis.AnalysisViews.ExposureResultView;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * HTTP for the network analysis of an incident: the affected institutions (JSON, GeoJSON, CSV; the
 * summary alone, or a page, by zone), the changes recorded as the picture changed, the rings for the
 * map, the call list and own exposure (with a search for whose exposure to show).
 */
public final class AnalysisHandler {
    private static final Set<String> AFFECTED_PARAMS = Set.of("format", "rings", "view", "zone", "limit", "offset");
    private static final Set<String> CALL_LIST_PARAMS = Set.of("format");
    private static final Set<String> CHANGES_PARAMS = Set.of("since", "limit");
    private static final Set<String> RINGS_PARAMS = Set.of("rings");
    private static final Set<String> EXPOSURE_PARAMS = Set.of("institution", "organisation", "rings", "since");
    private static final Set<String> SUBJECTS_PARAMS = Set.of("q");
    private static final int MAX_INSTITUTIONS = 100;
    private static final int MAX_PAGE = 100_000;
    private static final int MAX_OFFSET = 10_000_000;
    /** Rendered responses kept: dozens of national-scale analyses with their gzip forms. */
    private static final long RENDERINGS_BYTES = 32L * 1024 * 1024;

    private final AnalysisService analysis;
    private final ExposureService exposure;
    private final Renderings renderings = new Renderings(RENDERINGS_BYTES);

    public AnalysisHandler(AnalysisService analysis, ExposureService exposure) {
        this.analysis = analysis;
        this.exposure = exposure;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/incidents/{id}/affected", this::affected);
        routes.get("/api/incidents/{id}/affected/changes", this::changes);
        routes.get("/api/incidents/{id}/affected/rings", this::rings);
        routes.get("/api/incidents/{id}/call-list", this::callList);
        routes.get("/api/incidents/{id}/exposure", this::exposure);
        routes.get("/api/exposure/subjects", this::subjects);
    }

    /** The API path of an incident's analysis. */
    public static String path(long incidentId) {
        return "/api/incidents/" + incidentId + "/affected";
    }

    private enum Format { JSON, GEOJSON, CSV }

    /** What of the analysis a request asks for, checked (400 naming the parameter), in one canonical form. */
    private record Request(Format format, Rings rings, boolean summary, ZoneFilter zones, Integer limit, int offset) {
        static Request of(QueryParams params) {
            Format format = AnalysisHandler.format(params, Set.of(Format.JSON, Format.GEOJSON, Format.CSV));
            Rings rings = Rings.parse(params.string("rings"));
            boolean summary = summary(params.string("view"));
            ZoneFilter zones = ZoneFilter.parse(params.list("zone"), rings);
            Integer limit = params.string("limit") == null ? null : params.integer("limit", 0, 1, MAX_PAGE);
            int offset = params.integer("offset", 0, 0, MAX_OFFSET);
            if (summary) {
                if (format != Format.JSON) throw ApiException.badParameter("view", "view=summary is JSON only; leave out format");
                for (String name : List.of("zone", "limit", "offset")) {
                    if (params.string(name) != null) {
                        throw ApiException.badParameter(name, name + " selects institutions, and view=summary has none: leave out one of them");
                    }
                }
            }
            return new Request(format, rings, summary, zones, limit, offset);
        }

        private static boolean summary(String view) {
            if (view == null || view.equals("full")) return false;
            if (view.equals("summary")) return true;
            throw ApiException.badParameter("view", "Unknown view '" + view + "'; use full (the default) or summary");
        }

        boolean paged() {
            return limit != null || offset > 0 || !zones.all();
        }

        /** What makes one representation of a version of the analysis differ from another. */
        String representation() {
            return format + "|" + rings.parameter() + "|" + summary + "|" + zones.parameter() + "|" + limit + "|" + offset;
        }

        /** The query of this request at another offset. */
        String query(int otherOffset) {
            List<String> parts = new ArrayList<>();
            if (format != Format.JSON) parts.add("format=" + format.name().toLowerCase(Locale.ROOT));
            if (!rings.equals(Rings.DEFAULT)) parts.add("rings=" + rings.parameter());
            if (!zones.all()) parts.add("zone=" + URLEncoder.encode(zones.parameter(), StandardCharsets.UTF_8));
            if (limit != null) parts.add("limit=" + limit);
            if (otherOffset > 0) parts.add("offset=" + otherOffset);
            return String.join("&", parts);
        }
    }

    /**
     * The analysis. Its ETag names the version of the analysis (the picture's hazards, the statuses,
     * the reference data, the state of the recording) and the representation: an unchanged analysis
     * answers 304 to If-None-Match, and is otherwise sent from the rendering kept for that ETag (its
     * gzip form when asked). A new version is streamed as it is written, and kept.
     */
    private void affected(Context ctx) throws IOException {
        Request request = Request.of(new QueryParams(ctx, AFFECTED_PARAMS));
        long incident = incidentId(ctx);
        AnalysisState state = analysis.state(incident);
        String etag = etag(state, request);
        String csvName = request.format() == Format.CSV ? "netwerkanalyse-incident-" + incident + ".csv" : null;
        if (notModified(ctx.header("If-None-Match"), etag)) {
            validators(ctx, etag).status(304);
            return;
        }
        Renderings.Rendering stored = renderings.get(etag);
        if (stored != null) {
            send(ctx, etag, stored, csvName);
            return;
        }
        Analysis result = analysis.analysis(state, request.rings());
        AnalysisJson.Selection selection = request.summary() ? null : select(result, request, incident);
        String contentType = switch (request.format()) {
            case JSON -> "application/json";
            case GEOJSON -> GEOJSON;
            case CSV -> AffectedCsv.CONTENT_TYPE;
        };
        validators(ctx, etag).contentType(contentType);
        if (csvName != null) ctx.header("Content-Disposition", attachment(csvName));
        Renderings.Tee out = new Renderings.Tee(ctx.outputStream());
        switch (request.format()) {
            case JSON -> AnalysisJson.json(out, result, state, selection);
            case GEOJSON -> AnalysisJson.geoJson(out, result, state, selection);
            case CSV -> writeCsv(out, selection.items());
        }
        out.flush();
        renderings.put(etag, contentType, out.copy());
    }

    /** The institutions a request asks for: all, or those in its zones from its offset, at most its limit. */
    private static AnalysisJson.Selection select(Analysis result, Request request, long incident) {
        if (!request.paged()) return new AnalysisJson.Selection(result.items(), null);
        List<Analysis.Item> matching = result.items().stream().filter(i -> request.zones().matches(i.affected().zone())).toList();
        int from = Math.min(request.offset(), matching.size());
        int to = request.limit() == null ? matching.size() : (int) Math.min(matching.size(), (long) from + request.limit());
        String next = to < matching.size() ? path(incident) + "?" + request.query(to) : null;
        return new AnalysisJson.Selection(matching.subList(from, to),
                new AnalysisViews.PageView(request.offset(), request.limit(), matching.size(), to - from, next));
    }

    private static String etag(AnalysisState state, Request request) {
        String identity = state.incidentId() + "|" + state.version() + "|" + request.representation();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            // Weak: the same analysis goes out plain or gzipped, which a strong validator would have to tell apart.
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 has it for GET) or is {@code *}. */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(opaque)) return true;
        }
        return false;
    }

    /**
     * Clients must ask again each time, and may revalidate with the ETag; only the user's own cache may
     * keep it (what an incident's analysis shows depends on who may see the incident).
     */
    private static Context validators(Context ctx, String etag) {
        return ctx.header("ETag", etag).header("Cache-Control", "private, no-cache").header("Vary", "Accept-Encoding");
    }

    private void send(Context ctx, String etag, Renderings.Rendering stored, String csvName) throws IOException {
        validators(ctx, etag).contentType(stored.contentType());
        if (csvName != null) ctx.header("Content-Disposition", attachment(csvName));
        byte[] body = stored.identity();
        if (body.length >= Renderings.MIN_GZIP_BYTES && acceptsGzip(ctx.header("Accept-Encoding"))) {
            body = renderings.gzip(etag, stored);
            // Set before writing, so that the server's own compression leaves these bytes alone.
            ctx.header("Content-Encoding", "gzip");
        }
        ctx.res().setContentLength(body.length);
        ctx.outputStream().write(body);
    }

    /** Whether Accept-Encoding allows gzip (named, or {@code *}, and not refused with q=0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) continue;
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].replace(" ", "");
                if (p.startsWith("q=")) {
                    try {
                        refused = Double.parseDouble(p.substring(2)) <= 0;
                    } catch (NumberFormatException e) {
                        refused = true;
                    }
                }
            }
            if (!refused) return true;
        }
        return false;
    }

    private void callList(Context ctx) throws IOException {
        Format format = format(new QueryParams(ctx, CALL_LIST_PARAMS), Set.of(Format.JSON, Format.CSV));
        long incident = incidentId(ctx);
        Analysis result = analysis.analysis(analysis.state(incident), Rings.DEFAULT);
        List<Analysis.Item> calls = result.callList();
        if (format == Format.CSV) {
            ctx.contentType(AffectedCsv.CONTENT_TYPE).header("Content-Disposition", attachment("belronde-incident-" + incident + ".csv"));
            writeCsv(ctx.outputStream(), calls);
        } else {
            ctx.json(new CallList(incident, result.computedAt(), calls.size(), calls.stream().map(AffectedView::of).toList()));
        }
    }

    /** The call list: affected, not connected and not yet informed, most severe first. */
    public record CallList(long incidentId, OffsetDateTime computedAt, int count, List<AffectedView> institutions) {}

    private void changes(Context ctx) {
        QueryParams params = new QueryParams(ctx, CHANGES_PARAMS);
        OffsetDateTime since = params.instant("since");
        int limit = params.integer("limit", 500, 1, 5000);
        ctx.json(analysis.changes(incidentId(ctx), since, limit).stream().map(ChangeView::of).toList());
    }

    private void rings(Context ctx) throws IOException {
        Rings rings = Rings.parse(new QueryParams(ctx, RINGS_PARAMS).string("rings"));
        List<Hazard> hazards = analysis.hazards(incidentId(ctx));
        GeoJsonWriter writer = new GeoJsonWriter(6);
        writer.setEncodeCRS(false);
        ObjectNode collection = Json.MAPPER.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (RingOutlines.Outline outline : RingOutlines.of(hazards, rings)) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.set("geometry", Json.tree(writer.write(outline.wgs84())));
            feature.putObject("properties").put("ring", outline.ring()).put("label", Zone.ring(outline.ring()).label());
        }
        ctx.contentType(GEOJSON).result(Json.MAPPER.writeValueAsString(collection));
    }

    private void exposure(Context ctx) {
        QueryParams params = new QueryParams(ctx, EXPOSURE_PARAMS);
        List<String> institutions = params.list("institution");
        String organisation = params.string("organisation");
        if (institutions.isEmpty() == (organisation == null)) {
            throw ApiException.badParameter("institution", "Name either institution (one or more ids, comma-separated)"
                    + " or organisation (its name), not both and not neither");
        }
        if (institutions.size() > MAX_INSTITUTIONS) {
            throw ApiException.badParameter("institution", "At most " + MAX_INSTITUTIONS + " institutions at once; got " + institutions.size());
        }
        ExposureService.Subject subject = new ExposureService.Subject(institutions, organisation);
        ctx.json(ExposureResultView.of(exposure.exposure(incidentId(ctx), subject, Rings.parse(params.string("rings")),
                params.instant("since"))));
    }

    /** Institutions and organisations by (part of) their name, for choosing whose exposure to show. */
    private void subjects(Context ctx) {
        String text = new QueryParams(ctx, SUBJECTS_PARAMS).string("q");
        if (text == null || text.codePointCount(0, text.length()) < 2 || text.length() > 100) {
            throw ApiException.badParameter("q", "Give 2 to 100 characters of the name of an institution or organisation");
        }
        List<AnalysisStore.Found> found = exposure.subjects(text);
        ctx.json(new Subjects(
                found.stream().filter(f -> f.kind().equals("organisatie")).map(f -> new OrganisationView(f.name(), f.locations())).toList(),
                found.stream().filter(f -> f.kind().equals("instelling"))
                        .map(f -> new SubjectView(f.id(), f.name(), f.type(), f.organisation(), f.city())).toList()));
    }

    public record OrganisationView(String name, int locations) {}

    public record SubjectView(String id, String name, String type, String organisation, String city) {}

    public record Subjects(List<OrganisationView> organisations, List<SubjectView> institutions) {}

    private static Format format(QueryParams params, Set<Format> allowed) {
        String value = params.string("format");
        if (value == null) return Format.JSON;
        for (Format f : allowed) {
            if (f.name().equalsIgnoreCase(value)) return f;
        }
        throw ApiException.badParameter("format", "Unknown format '" + value + "'; use one of "
                + String.join(", ", allowed.stream().sorted().map(f -> f.name().toLowerCase()).toList()));
    }

    private static long incidentId(Context ctx) {
        return PathParams.id(ctx, "id", "incident");
    }

    private static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }

    private static void writeCsv(OutputStream stream, List<Analysis.Item> items) throws IOException {
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        AffectedCsv.write(out, items);
        out.flush();
    }
}

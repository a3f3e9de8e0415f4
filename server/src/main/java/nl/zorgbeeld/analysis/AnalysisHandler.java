package nl.zorgbeeld.analysis;

import static nl.zorgbeeld.geo.FeatureCollectionWriter.GEOJSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import nl.zorgbeeld.analysis.AnalysisViews.AffectedView;
import nl.zorgbeeld.analysis.AnalysisViews.AnalysisView;
import nl.zorgbeeld.analysis.AnalysisViews.ChangeView;
import nl.zorgbeeld.analysis.AnalysisViews.ExposureResultView;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * HTTP for the network analysis of an incident: the affected institutions (JSON, GeoJSON, CSV), the
 * changes recorded as the picture changed, the rings for the map, the call list and own exposure
 * (with a search for whose exposure to show).
 */
public final class AnalysisHandler {
    private static final Set<String> AFFECTED_PARAMS = Set.of("format", "rings");
    private static final Set<String> CALL_LIST_PARAMS = Set.of("format");
    private static final Set<String> CHANGES_PARAMS = Set.of("since", "limit");
    private static final Set<String> RINGS_PARAMS = Set.of("rings");
    private static final Set<String> EXPOSURE_PARAMS = Set.of("institution", "organisation", "rings", "since");
    private static final Set<String> SUBJECTS_PARAMS = Set.of("q");
    private static final int MAX_INSTITUTIONS = 100;

    private final AnalysisService analysis;
    private final ExposureService exposure;

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

    private void affected(Context ctx) throws IOException {
        QueryParams params = new QueryParams(ctx, AFFECTED_PARAMS);
        Format format = format(params, Set.of(Format.JSON, Format.GEOJSON, Format.CSV));
        long incident = incidentId(ctx);
        Analysis result = analysis.analyse(incident, Rings.parse(params.string("rings")));
        switch (format) {
            case JSON -> ctx.json(AnalysisView.of(result, result.items()));
            case GEOJSON -> ctx.contentType(GEOJSON).result(geoJson(result));
            case CSV -> csv(ctx, "netwerkanalyse-incident-" + incident + ".csv", result.items());
        }
    }

    private void callList(Context ctx) throws IOException {
        Format format = format(new QueryParams(ctx, CALL_LIST_PARAMS), Set.of(Format.JSON, Format.CSV));
        long incident = incidentId(ctx);
        Analysis result = analysis.analyse(incident, Rings.DEFAULT);
        List<Analysis.Item> calls = result.callList();
        if (format == Format.CSV) {
            csv(ctx, "belronde-incident-" + incident + ".csv", calls);
        } else {
            Set<String> affected = new java.util.HashSet<>();
            result.items().forEach(item -> affected.add(item.institution().id()));
            List<AlertMark> outside = analysis.unacknowledged(incident).values().stream()
                    .filter(mark -> !affected.contains(mark.institutionId()))
                    .sorted(java.util.Comparator.comparing(AlertMark::institutionName)).toList();
            ctx.json(new CallList(incident, result.computedAt(), calls.size() + outside.size(), calls.stream().map(AffectedView::of).toList(),
                    outside));
        }
    }

    /**
     * The call list: affected and not yet informed, not connected or silent on an alert, most severe
     * first; then those outside the analysis that left an alert unacknowledged ({@code alerted}).
     */
    public record CallList(long incidentId, OffsetDateTime computedAt, int count, List<AffectedView> institutions,
                           List<AlertMark> alerted) {}

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

    /** A GeoJSON FeatureCollection of the affected institutions; the analysis itself as foreign members. */
    private static String geoJson(Analysis result) throws IOException {
        AnalysisView view = AnalysisView.of(result, result.items());
        ObjectNode collection = Json.MAPPER.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (AffectedView item : view.institutions()) {
            ObjectNode feature = features.addObject().put("type", "Feature").put("id", item.institution().id());
            feature.putObject("geometry").put("type", "Point").putArray("coordinates")
                    .add(item.institution().lon()).add(item.institution().lat());
            feature.set("properties", Json.MAPPER.valueToTree(item));
        }
        collection.put("incidentId", view.incidentId());
        collection.set("computedAt", Json.MAPPER.valueToTree(view.computedAt()));
        collection.set("rings", Json.MAPPER.valueToTree(view.rings()));
        collection.set("elements", Json.MAPPER.valueToTree(view.elements()));
        collection.set("summary", Json.MAPPER.valueToTree(view.summary()));
        return Json.MAPPER.writeValueAsString(collection);
    }

    private static void csv(Context ctx, String fileName, List<Analysis.Item> items) throws IOException {
        ctx.contentType(AffectedCsv.CONTENT_TYPE).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        AffectedCsv.write(out, items);
        out.flush();
    }
}

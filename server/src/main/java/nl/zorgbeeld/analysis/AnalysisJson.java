package nl.zorgbeeld.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import nl.zorgbeeld.analysis.AnalysisViews.AffectedView;
import nl.zorgbeeld.analysis.AnalysisViews.HazardView;
import nl.zorgbeeld.analysis.AnalysisViews.PageView;
import nl.zorgbeeld.analysis.AnalysisViews.RecordingView;
import nl.zorgbeeld.analysis.AnalysisViews.Summary;
import nl.zorgbeeld.common.Json;

/**
 * Writes the analysis as JSON or GeoJSON straight onto a stream with one Jackson generator: no
 * document tree and no text of the whole response in between, so the cost is the bytes written.
 */
final class AnalysisJson {
    /**
     * The app's mapping for the parts, without a flush after each value: a flush per institution would
     * send hundreds of tiny writes down the response (and make the first one too small to compress).
     */
    private static final ObjectWriter VALUES = Json.MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private AnalysisJson() {}

    /** What a response holds of the institutions: a (filtered) page with its description, or all of them ({@code page} null). */
    record Selection(List<Analysis.Item> items, PageView page) {}

    /** The analysis; {@code selection} null for the summary alone. */
    static void json(OutputStream out, Analysis analysis, AnalysisState state, Selection selection) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            header(g, analysis, state);
            if (selection != null) {
                if (selection.page() != null) field(g, "page", selection.page());
                g.writeArrayFieldStart("institutions");
                for (Analysis.Item item : selection.items()) VALUES.writeValue(g, AffectedView.of(item));
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    /** A FeatureCollection with a Point per institution (WGS84) and the analysis as foreign members. */
    static void geoJson(OutputStream out, Analysis analysis, AnalysisState state, Selection selection) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Analysis.Item item : selection.items()) {
                AffectedView view = AffectedView.of(item);
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", view.institution().id());
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "Point");
                g.writeArrayFieldStart("coordinates");
                g.writeNumber(view.institution().lon());
                g.writeNumber(view.institution().lat());
                g.writeEndArray();
                g.writeEndObject();
                field(g, "properties", view);
                g.writeEndObject();
            }
            g.writeEndArray();
            header(g, analysis, state);
            if (selection.page() != null) field(g, "page", selection.page());
            g.writeEndObject();
        }
    }

    private static void header(JsonGenerator g, Analysis analysis, AnalysisState state) throws IOException {
        g.writeNumberField("incidentId", analysis.incidentId());
        field(g, "computedAt", analysis.computedAt());
        field(g, "rings", analysis.rings().metres());
        g.writeArrayFieldStart("elements");
        for (Hazard hazard : analysis.hazards()) VALUES.writeValue(g, HazardView.of(hazard));
        g.writeEndArray();
        if (analysis.newlyAffectedAt() != null) field(g, "newlyAffectedAt", analysis.newlyAffectedAt());
        field(g, "recording", RecordingView.of(state));
        field(g, "summary", Summary.of(analysis.items()));
    }

    private static void field(JsonGenerator g, String name, Object value) throws IOException {
        g.writeFieldName(name);
        VALUES.writeValue(g, value);
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        // The caller owns the stream (the response): closing the generator only flushes it.
        return Json.MAPPER.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
}

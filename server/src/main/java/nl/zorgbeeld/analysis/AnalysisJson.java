package nl.zorgbeeld.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import nl.zorgbeeld.analysis.AnalysisViews.AffectedView;
import nl.zorgbeeld.analysis.AnalysisViews.HazardView;
import nl.zorgbeeld.analysis.AnalysisViews.InstitutionView;
import nl.zorgbeeld.analysis.AnalysisViews.PageView;
import nl.zorgbeeld.analysis.AnalysisViews.RecordingView;
import nl.zorgbeeld.analysis.AnalysisViews.Summary;
import nl.zorgbeeld.analysis.AnalysisViews.ZoneView;
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

    // Field names encoded once: escaping them char by char was a large part of writing a thousand institutions.
    private static final SerializedString N_ADDRESS = new SerializedString("address");
    private static final SerializedString N_AUTHOR = new SerializedString("author");
    private static final SerializedString N_CITY = new SerializedString("city");
    private static final SerializedString N_CONNECTED = new SerializedString("connected");
    private static final SerializedString N_DISTANCE = new SerializedString("distance");
    private static final SerializedString N_EMAIL = new SerializedString("email");
    private static final SerializedString N_GROUP = new SerializedString("group");
    private static final SerializedString N_HOUSE_NUMBER = new SerializedString("houseNumber");
    private static final SerializedString N_INSTITUTION = new SerializedString("institution");
    private static final SerializedString N_ELEMENT = new SerializedString("element");
    private static final SerializedString N_ID = new SerializedString("id");
    private static final SerializedString N_INSTITUTION_ID = new SerializedString("institutionId");
    private static final SerializedString N_INSTITUTION_NAME = new SerializedString("institutionName");
    private static final SerializedString N_KEY = new SerializedString("key");
    private static final SerializedString N_KIND = new SerializedString("kind");
    private static final SerializedString N_LABEL = new SerializedString("label");
    private static final SerializedString N_LAT = new SerializedString("lat");
    private static final SerializedString N_LON = new SerializedString("lon");
    private static final SerializedString N_NAME = new SerializedString("name");
    private static final SerializedString N_NEWLY_AFFECTED = new SerializedString("newlyAffected");
    private static final SerializedString N_NOTE = new SerializedString("note");
    private static final SerializedString N_ORGANISATION = new SerializedString("organisation");
    private static final SerializedString N_PHONE = new SerializedString("phone");
    private static final SerializedString N_POSTCODE = new SerializedString("postcode");
    private static final SerializedString N_REGION_CODE = new SerializedString("regionCode");
    private static final SerializedString N_REGION_NAME = new SerializedString("regionName");
    private static final SerializedString N_RING = new SerializedString("ring");
    private static final SerializedString N_SEVERITY = new SerializedString("severity");
    private static final SerializedString N_STATUS = new SerializedString("status");
    private static final SerializedString N_STATUS_LABEL = new SerializedString("statusLabel");
    private static final SerializedString N_STREET = new SerializedString("street");
    private static final SerializedString N_TO_CALL = new SerializedString("toCall");
    private static final SerializedString N_TYPE = new SerializedString("type");
    private static final SerializedString N_VERSION = new SerializedString("version");
    private static final SerializedString N_ZONE = new SerializedString("zone");

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
                for (Analysis.Item item : selection.items()) item(g, AffectedView.of(item));
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
                g.writeFieldName("properties");
                item(g, view);
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

    /**
     * One institution, written field by field: the same JSON as the app's mapping gives {@link AffectedView}
     * (its components in order, nulls left out; AnalysisJsonTest holds them equal), at a fraction of the
     * cost of reflection, which dominated a response of a thousand of them.
     */
    static void item(JsonGenerator g, AffectedView v) throws IOException {
        g.writeStartObject();
        InstitutionView i = v.institution();
        g.writeFieldName(N_INSTITUTION);
        g.writeStartObject();
        text(g, N_ID, i.id());
        text(g, N_NAME, i.name());
        text(g, N_TYPE, i.type());
        text(g, N_ORGANISATION, i.organisation());
        g.writeFieldName(N_CONNECTED);
        g.writeBoolean(i.connected());
        text(g, N_REGION_CODE, i.regionCode());
        text(g, N_REGION_NAME, i.regionName());
        text(g, N_PHONE, i.phone());
        text(g, N_EMAIL, i.email());
        text(g, N_STREET, i.street());
        text(g, N_HOUSE_NUMBER, i.houseNumber());
        text(g, N_POSTCODE, i.postcode());
        text(g, N_CITY, i.city());
        text(g, N_ADDRESS, i.address());
        g.writeFieldName(N_LON);
        g.writeNumber(i.lon());
        g.writeFieldName(N_LAT);
        g.writeNumber(i.lat());
        g.writeEndObject();
        ZoneView z = v.zone();
        if (z != null) {
            g.writeFieldName(N_ZONE);
            g.writeStartObject();
            text(g, N_KEY, z.key());
            text(g, N_LABEL, z.label());
            text(g, N_GROUP, z.group());
            g.writeFieldName(N_SEVERITY);
            g.writeNumber(z.severity());
            if (z.ring() != null) {
                g.writeFieldName(N_RING);
                g.writeNumber(z.ring());
            }
            g.writeEndObject();
        }
        g.writeFieldName(N_DISTANCE);
        g.writeNumber(v.distance());
        HazardView h = v.element();
        if (h != null) {
            g.writeFieldName(N_ELEMENT);
            g.writeStartObject();
            if (h.id() != null) text(g, N_ID, h.id().toString());
            text(g, N_KIND, h.kind());
            text(g, N_LABEL, h.label());
            text(g, N_ZONE, h.zone());
            g.writeFieldName(N_VERSION);
            g.writeNumber(h.version());
            g.writeEndObject();
        }
        StakeholderView s = v.status();
        if (s != null) {
            g.writeFieldName(N_STATUS);
            g.writeStartObject();
            text(g, N_INSTITUTION_ID, s.institutionId());
            text(g, N_INSTITUTION_NAME, s.institutionName());
            text(g, N_STATUS, s.status());
            text(g, N_STATUS_LABEL, s.statusLabel());
            text(g, N_NOTE, s.note());
            g.writeFieldName(N_VERSION);
            g.writeNumber(s.version());
            if (s.recordedAt() != null) field(g, "recordedAt", s.recordedAt());
            text(g, N_AUTHOR, s.author());
            text(g, N_ORGANISATION, s.organisation());
            g.writeEndObject();
        }
        g.writeFieldName(N_NEWLY_AFFECTED);
        g.writeBoolean(v.newlyAffected());
        g.writeFieldName(N_TO_CALL);
        g.writeBoolean(v.toCall());
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, SerializedString name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value);
        }
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

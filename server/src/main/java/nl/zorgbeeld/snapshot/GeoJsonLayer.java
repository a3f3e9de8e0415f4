package nl.zorgbeeld.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import nl.zorgbeeld.common.Json;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** A layer as a GeoJSON FeatureCollection (RFC 7946: WGS84 longitude/latitude, 6 decimals). */
final class GeoJsonLayer {
    private GeoJsonLayer() {}

    static void write(Layer layer, OutputStream out) throws IOException {
        GeoJsonWriter geometry = new GeoJsonWriter(6);
        geometry.setEncodeCRS(false);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeStringField("name", layer.name());
            json.writeArrayFieldStart("features");
            for (Layer.Feature f : layer.features()) {
                json.writeStartObject();
                json.writeStringField("type", "Feature");
                json.writeStringField("id", f.id());
                json.writeFieldName("geometry");
                json.writeRawValue(geometry.write(f.wgs84()));
                json.writeObjectField("properties", f.values());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** The features as a GeoJSON text, for embedding in the offline page. */
    static String text(Layer layer) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try {
            write(layer, buffer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}

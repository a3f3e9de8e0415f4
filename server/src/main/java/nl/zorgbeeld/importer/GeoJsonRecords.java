package nl.zorgbeeld.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import nl.zorgbeeld.common.Json;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads the Features of a GeoJSON FeatureCollection one at a time (constant memory for any file
 * size). RFC 7946 means WGS84; a legacy {@code crs} member naming EPSG:28992 switches to RD New.
 */
public final class GeoJsonRecords implements RecordSource {
    private final String name;
    private final String location;
    private final InputStream in;
    private final JsonParser parser;
    private final GeoJsonReader geometryReader = new GeoJsonReader();
    private int srid = 4326;
    private int index;
    private SourceRecord next;
    private boolean done;

    public GeoJsonRecords(String name, String location, InputStream in) {
        this.name = name;
        this.location = location;
        this.in = in;
        try {
            this.parser = Json.MAPPER.getFactory().createParser(in);
            positionAtFeatures();
        } catch (IOException e) {
            close();
            throw invalid(e);
        }
    }

    private void positionAtFeatures() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new ImportException(location + ": not a GeoJSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "features" -> {
                    if (parser.currentToken() != JsonToken.START_ARRAY) {
                        throw new ImportException(location + ": 'features' is not an array");
                    }
                    return;
                }
                case "crs" -> srid = sridOf(Json.MAPPER.readTree(parser));
                default -> parser.skipChildren();
            }
        }
        throw new ImportException(location + ": no 'features' array: only a GeoJSON FeatureCollection can be imported");
    }

    private int sridOf(JsonNode crs) {
        String text = crs.path("properties").path("name").asText("");
        if (text.contains("28992")) return 28992;
        if (text.isEmpty() || text.contains("4326") || text.contains("CRS84")) return 4326;
        throw new ImportException(location + ": coordinate reference system '" + text + "' is not supported (use WGS84 or EPSG:28992)");
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) next = readNext();
        return next != null;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        SourceRecord record = next;
        next = null;
        return record;
    }

    private SourceRecord readNext() {
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                done = true;
                return null;
            }
            index++;
            JsonNode feature = Json.MAPPER.readTree(parser);
            return record(feature, "feature " + index, srid, geometryReader);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** One GeoJSON Feature as a record; a geometry that cannot be read becomes the record's problem. */
    static SourceRecord record(JsonNode feature, String where, int srid, GeoJsonReader geometryReader) {
        Map<String, Object> properties = new LinkedHashMap<>();
        JsonNode props = feature.path("properties");
        props.fields().forEachRemaining(e -> properties.put(e.getKey(),
                e.getValue().isValueNode() ? (e.getValue().isNull() ? null : e.getValue().asText()) : e.getValue().toString()));
        if (feature.hasNonNull("id") && !properties.containsKey("id")) {
            properties.put("id", feature.get("id").asText());
        }
        JsonNode geometry = feature.get("geometry");
        if (geometry == null || geometry.isNull()) {
            return new SourceRecord(where, properties, null, srid, "no geometry");
        }
        try {
            Geometry g = geometryReader.read(geometry.toString());
            return new SourceRecord(where, properties, g, srid, null);
        } catch (ParseException | RuntimeException e) {
            return new SourceRecord(where, properties, null, srid, "unreadable geometry: " + e.getMessage());
        }
    }

    private ImportException invalid(IOException e) {
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            return new ImportException(location + ": invalid JSON at line " + jpe.getLocation().getLineNr()
                    + ", column " + jpe.getLocation().getColumnNr() + " (after feature " + index + "): " + jpe.getOriginalMessage(), e);
        }
        return new ImportException(location + ": cannot read: " + e.getMessage(), e);
    }

    @Override
    public String name() { return name; }

    @Override
    public String location() { return location; }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing a file we only read cannot lose data.
        }
    }
}

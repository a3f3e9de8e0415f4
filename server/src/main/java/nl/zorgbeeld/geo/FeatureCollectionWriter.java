package nl.zorgbeeld.geo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a GeoJSON FeatureCollection one Feature at a time, so a response of any size needs constant
 * memory. Each Feature arrives as finished JSON text (built in SQL).
 */
public final class FeatureCollectionWriter implements AutoCloseable {
    /** The media type of GeoJSON (RFC 7946). */
    public static final String GEOJSON = "application/geo+json";

    private final Writer out;
    private boolean first = true;
    private int count;

    public FeatureCollectionWriter(OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
    }

    public void feature(String featureJson) throws IOException {
        if (!first) out.write(',');
        out.write('\n');
        out.write(featureJson);
        first = false;
        count++;
    }

    public int count() { return count; }

    /** Closes the features array; {@code members} (may be empty) is extra top-level JSON such as ,"numberMatched":3. */
    public void finish(String members) throws IOException {
        out.write("\n]");
        out.write(members);
        out.write("}\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}

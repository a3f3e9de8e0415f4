package nl.zorgbeeld.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import nl.zorgbeeld.common.Json;

/** data/sources/manifest.json: the official sources and how a loaded source is attributed. */
public final class SourceManifest {
    private static final String RESOURCE = "/data/sources/manifest.json";
    private final JsonNode root;

    private SourceManifest(JsonNode root) {
        this.root = root;
    }

    public static SourceManifest load() {
        try (InputStream in = SourceManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE + " on the classpath");
            return new SourceManifest(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Attribution(String attribution, String licence) {}

    /**
     * The attribution of a source, matched on its name or (for CBS area divisions) on the fact that
     * its features carry a statcode. Unknown sources are the user's own register.
     */
    public Attribution attributionFor(String sourceName, boolean hasStatcode) {
        String name = sourceName.toLowerCase(Locale.ROOT);
        for (JsonNode a : root.path("attributions")) {
            String match = a.path("match").asText();
            if (("statcode".equals(match) && hasStatcode) || (!"statcode".equals(match) && name.contains(match))) {
                return new Attribution(a.path("attribution").asText(), a.path("licence").asText());
            }
        }
        return new Attribution("Eigen register (" + sourceName + ")", "eigen gegevens");
    }

    /** The collection id of a layer at the official CBS source (for example gemeente_gegeneraliseerd). */
    public String officialCollection(String layer) {
        return root.path("official").get(0).path("collections").path(layer).asText();
    }
}

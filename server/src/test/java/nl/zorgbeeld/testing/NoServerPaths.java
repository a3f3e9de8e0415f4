package nl.zorgbeeld.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.zorgbeeld.common.Json;

/**
 * Asserts that what the API shows about the reference data holds no file path of the server: no
 * property of any feature of any layer (own API and OGC API), and no value of the sources list or
 * /health.
 */
public final class NoServerPaths {
    /** A rooted path of two or more segments (not the path of a URL), or a Windows drive path. */
    private static final Pattern PATH = Pattern.compile("(?<![A-Za-z0-9:/.])/[^/\\s]+/|\\b[A-Za-z]:\\\\");
    private static final List<String> LAYERS = List.of("institutions", "safety-regions", "municipalities", "provinces");

    private NoServerPaths() {}

    /** @return how many features were checked */
    public static int assertNone(TestServer server) {
        List<String> found = new ArrayList<>();
        int features = 0;
        for (String layer : LAYERS) {
            features += scanFeatures(get(server, "/api/layers/" + layer), "/api/layers/" + layer, found);
            scanFeatures(get(server, "/ogc/collections/" + layer + "/items?limit=10000"), "/ogc/collections/" + layer, found);
        }
        scan(get(server, "/api/reference/sources"), "/api/reference/sources", found);
        scan(get(server, "/health"), "/health", found);
        assertEquals(List.of(), found, "server paths in the API");
        return features;
    }

    public static boolean looksLikeAPath(String value) {
        return PATH.matcher(value).find();
    }

    private static JsonNode get(TestServer server, String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Json.tree(r.body());
    }

    private static int scanFeatures(JsonNode collection, String where, List<String> found) {
        assertTrue(collection.get("features").isArray(), where);
        for (JsonNode f : collection.get("features")) scan(f.get("properties"), where + " " + f.get("id").asText(), found);
        return collection.get("features").size();
    }

    private static void scan(JsonNode node, String where, List<String> found) {
        if (node.isTextual() && looksLikeAPath(node.asText())) found.add(where + ": " + node.asText());
        node.fields().forEachRemaining(e -> scan(e.getValue(), where + "." + e.getKey(), found));
        if (node.isArray()) node.forEach(n -> scan(n, where, found));
    }
}

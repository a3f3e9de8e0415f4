package nl.zorgbeeld.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;
import nl.zorgbeeld.common.Json;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads every Feature of an OGC API - Features collection, page by page, following {@code rel=next}
 * links (PDOK serves the CBS area divisions this way). Accepts a collection URL or its /items URL,
 * with any filter (such as jaarcode) in its query.
 */
public final class OgcApiRecords implements RecordSource {
    private static final int PAGE_SIZE = 1000;
    private static final int MAX_PAGES = 10_000;

    private final HttpClient client;
    private final String location;
    private final String name;
    private final GeoJsonReader geometryReader = new GeoJsonReader();
    private final Deque<SourceRecord> buffer = new ArrayDeque<>();
    private URI nextPage;
    private int pages;
    private int index;

    public OgcApiRecords(String url, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.location = url;
        URI items = itemsUri(url);
        this.name = collectionId(items);
        this.nextPage = items;
        fetch();
    }

    static URI itemsUri(String url) {
        URI uri = URI.create(url);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        if (!path.matches(".*/collections/[^/]+(/items)?")) {
            throw new ImportException(url + ": not an OGC API - Features collection URL (expected .../collections/{id} or .../collections/{id}/items)");
        }
        if (!path.endsWith("/items")) path = path + "/items";
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        if (!query.matches("(.*&)?limit=.*")) query = query.isEmpty() ? "limit=" + PAGE_SIZE : query + "&limit=" + PAGE_SIZE;
        if (!query.contains("f=")) query = query + "&f=json";
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + query);
    }

    private static String collectionId(URI items) {
        String[] parts = items.getPath().split("/");
        return parts[parts.length - 2];
    }

    private void fetch() {
        URI page = nextPage;
        nextPage = null;
        if (++pages > MAX_PAGES) throw new ImportException(location + ": more than " + MAX_PAGES + " pages: stopped");
        JsonNode body;
        try {
            HttpRequest request = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/geo+json, application/json").GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new ImportException(page + ": the server answered HTTP " + response.statusCode());
                }
                body = Json.MAPPER.readTree(in);
            }
        } catch (IOException e) {
            throw new ImportException(page + ": cannot be fetched: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException(page + ": interrupted", e);
        }
        JsonNode features = body.get("features");
        if (features == null || !features.isArray()) {
            throw new ImportException(page + ": the answer is not a GeoJSON FeatureCollection");
        }
        for (JsonNode feature : features) {
            index++;
            buffer.add(GeoJsonRecords.record(feature, "feature " + index, 4326, geometryReader));
        }
        for (JsonNode link : body.path("links")) {
            if ("next".equals(link.path("rel").asText()) && link.hasNonNull("href")) {
                nextPage = page.resolve(link.get("href").asText());
            }
        }
        if (features.isEmpty()) nextPage = null;
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && nextPage != null) fetch();
        return !buffer.isEmpty();
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        return buffer.poll();
    }

    @Override
    public String name() { return name; }

    @Override
    public String location() { return location; }

    @Override
    public void close() {
        buffer.clear();
        nextPage = null;
    }
}

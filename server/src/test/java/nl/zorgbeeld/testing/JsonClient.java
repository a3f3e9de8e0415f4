package nl.zorgbeeld.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.zorgbeeld.common.Json;

/**
 * JSON requests against a {@link TestServer}, sent as a named person of an organisation (the
 * X-Zorgbeeld-Author and -Organisation headers, percent-encoded as a browser would).
 */
public final class JsonClient {
    private final TestServer server;
    private final String author;
    private final String organisation;

    public JsonClient(TestServer server, String author, String organisation) {
        this.server = server;
        this.author = author;
        this.organisation = organisation;
    }

    /** A response with its body read as JSON (null when empty or not JSON). */
    public record Response(int status, JsonNode json, String body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The error's {@code where}, or null. */
        public String where() {
            return json == null || !json.has("where") ? null : json.get("where").asText();
        }

        public String code() {
            return json == null || !json.has("code") ? null : json.get("code").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response patch(String path, String json, String ifMatch) {
        return send("PATCH", path, json, "If-Match", ifMatch);
    }

    /** Any request; {@code headers} are name, value pairs, a null value leaving the header out. */
    public Response send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (author != null) request.header("X-Zorgbeeld-Author", encode(author));
        if (organisation != null) request.header("X-Zorgbeeld-Organisation", encode(organisation));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = server.send(request.build());
        return new Response(response.statusCode(), parse(response.body()), response.body(), response);
    }

    /** {@code text} as a JSON string literal, quotes included. */
    public static String quote(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            return Json.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}

package nl.zorgbeeld.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.TestUsers.TestUser;

/**
 * JSON requests against a {@link TestServer}, sent as a logged-in test user (its API token), or
 * anonymously. {@code new JsonClient(server, "Name", "Organisation")} acts as a Hoofd Informatie
 * of that name and organisation in the fixtures' region.
 */
public final class JsonClient {
    private final TestServer server;
    private final Map<String, String> headers;
    private final TestUser user;

    /** As a Hoofd Informatie called {@code author} of {@code organisation}; anonymous when {@code author} is null. */
    public JsonClient(TestServer server, String author, String organisation) {
        this(server, author == null ? null : TestUsers.user(author, organisation == null ? "GHOR Utrecht" : organisation,
                Role.HOOFD_INFORMATIE));
    }

    private JsonClient(TestServer server, TestUser user) {
        this(server, user, user == null ? Map.of() : Map.of("Authorization", "Bearer " + user.token()));
    }

    private JsonClient(TestServer server, TestUser user, Map<String, String> headers) {
        this.server = server;
        this.user = user;
        this.headers = headers;
    }

    /** As {@code user}, with its API token. */
    public static JsonClient as(TestServer server, TestUser user) {
        return new JsonClient(server, user);
    }

    /** Without any login. */
    public static JsonClient anonymous(TestServer server) {
        return new JsonClient(server, null, Map.of());
    }

    /** With these headers on every request (a session cookie, another token) instead of the user's token. */
    public static JsonClient withHeaders(TestServer server, Map<String, String> headers) {
        return new JsonClient(server, null, Map.copyOf(headers));
    }

    /** As {@code user} in a browser session: the session cookie and, when {@code csrf}, its CSRF token. */
    public static JsonClient inSession(TestServer server, TestUser user, boolean csrf) {
        String session = TestUsers.session(user);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Cookie", "zb_session=" + session);
        if (csrf) h.put("X-CSRF-Token", TestUsers.csrf(session));
        return new JsonClient(server, user, h);
    }

    public TestUser user() { return user; }

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
    public Response send(String method, String path, String json, String... extra) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        for (int i = 0; i < extra.length; i += 2) {
            if (extra[i + 1] != null) request.header(extra[i], extra[i + 1]);
        }
        HttpResponse<String> response = server.sendAnonymous(request.build());
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

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            return Json.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}

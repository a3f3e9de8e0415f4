package nl.zorgbeeld.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;

/**
 * The error codes of the API, each described at {@code /problems/{code}}: the {@code type} of every
 * error body points there (a URI relative to the app, so it never names a domain the operator does
 * not own, and it resolves on whatever host serves the app).
 */
public final class Problems {
    public static final String PATH = "/problems/";

    /** What a code means, for a client developer who follows the {@code type} link. */
    public record Problem(String code, int status, String title, String description) {}

    private static final Map<String, Problem> ALL = new LinkedHashMap<>();

    static {
        add("InvalidParameterValue", 400, "Invalid parameter",
                "A query parameter, path value or header is unknown, malformed or out of range; where names it.");
        add("InvalidRequestBody", 400, "Invalid request body",
                "The body is not JSON, not the expected shape, or a field in it is invalid; where names the field.");
        add("BadRequest", 400, "Bad request",
                "The request could not be read as sent (for example a malformed URL), or another client error without"
                        + " a code of its own (its status says which); nothing was changed.");
        add("NotFound", 404, "Not found", "There is no resource at this path, or the id in it names nothing.");
        add("MethodNotAllowed", 405, "Method not allowed", "This resource does not accept this HTTP method (reference layers are read-only).");
        add("NotAcceptable", 406, "Not acceptable", "The resource cannot be served in a format the Accept header allows.");
        add("Conflict", 409, "Conflict", "The change conflicts with the resource's state, for example writing to a closed incident.");
        add("PreconditionFailed", 412, "Precondition failed",
                "If-Match names a version that is no longer current; the body carries the current state as current.");
        add("PayloadTooLarge", 413, "Payload too large", "The request body is larger than the server accepts.");
        add("UnsupportedMediaType", 415, "Unsupported media type", "The body's Content-Type is not one this resource reads.");
        add("PreconditionRequired", 428, "Precondition required",
                "An update needs If-Match with the ETag that was read, so that no one else's change is overwritten.");
        add("ServerError", 500, "Internal server error",
                "The server failed; the log holds the details under the requestId of the error body.");
    }

    private Problems() {}

    private static void add(String code, int status, String title, String description) {
        ALL.put(code, new Problem(code, status, title, description));
    }

    /** The {@code type} URI of an error with this code. */
    public static String type(String code) {
        return PATH + code;
    }

    public static Set<String> codes() {
        return ALL.keySet();
    }

    static void register(RoutesConfig routes) {
        routes.get("/problems", ctx -> {
            new QueryParams(ctx, Set.of());
            ctx.json(ALL.values());
        });
        routes.get(PATH + "{code}", Problems::describe);
    }

    private static void describe(Context ctx) {
        new QueryParams(ctx, Set.of());
        String code = ctx.pathParam("code");
        Problem problem = ALL.get(code);
        if (problem == null) throw ApiException.notFound("No error code '" + code + "'; the codes are listed at /problems");
        ctx.json(problem);
    }
}

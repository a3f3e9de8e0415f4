package nl.zorgbeeld.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into the API's JSON error:
 * {@code {type, title, status, detail, code, where?, requestId}} (RFC 9457 fields plus an OGC-style code).
 * Unexpected exceptions are logged with the request id and answered without internals.
 */
public final class ErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);
    public static final String PROBLEM_JSON = "application/problem+json";

    private ErrorHandlers() {}

    /** The error routes, the descriptions of the codes, and JSON for what Jetty rejects before any route runs. */
    public static void install(JavalinConfig config) {
        install(config.routes);
        Problems.register(config.routes);
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors.ServerLevel()));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyErrors.ContextLevel()));
    }

    private static void install(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.title(), e.detail(), e.where(), e.extensions()));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), codeFor(e.getStatus()),
                titleFor(e.getStatus()), e.getMessage(), null));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed (request id {})", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            write(ctx, 500, "ServerError", "Internal server error",
                    "The server could not handle this request; quote request id " + RequestIds.of(ctx) + " when reporting it", null);
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null && !ctx.res().isCommitted()) {
                write(ctx, 404, "NotFound", "Not found", "No resource at " + ctx.path(), null);
            }
        });
        routes.error(405, ctx -> write(ctx, 405, "MethodNotAllowed", "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path(), null));
    }

    public static void write(Context ctx, int status, String code, String title, String detail, String where) {
        write(ctx, status, code, title, detail, where, Map.of());
    }

    public static void write(Context ctx, int status, String code, String title, String detail, String where,
                             Map<String, Object> extensions) {
        // As UTF-8 bytes: a String result would be encoded in the container's default for this media type (Latin-1).
        ctx.status(status).contentType(PROBLEM_JSON)
                .result(body(status, code, title, detail, where, RequestIds.of(ctx), extensions).getBytes(StandardCharsets.UTF_8));
    }

    static String body(int status, String code, String title, String detail, String where, String requestId,
                       Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.type(code));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        if (where != null) body.put("where", where);
        body.put("requestId", requestId);
        body.putAll(extensions);
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body of strings and numbers always serialises", e);
        }
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "InvalidParameterValue";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "Conflict";
            case 412 -> "PreconditionFailed";
            case 413 -> "PayloadTooLarge";
            case 415 -> "UnsupportedMediaType";
            default -> status >= 500 ? "ServerError" : "BadRequest";
        };
    }

    static String titleFor(int status) {
        return switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Payload too large";
            default -> status >= 500 ? "Internal server error" : "Bad request";
        };
    }
}

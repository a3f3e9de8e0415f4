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
        add("AuthenticationRequired", 401, "Authentication required",
                "The request has no valid login: log in (a browser session) or send Authorization: Bearer with a valid API token;"
                        + " a malformed, unknown, expired or revoked token gets this too.");
        add("Forbidden", 403, "Forbidden",
                "The user's roles do not allow this (docs/security.md, the rights table), a read-only token tried to write,"
                        + " or a token was used where a browser session is needed; nothing was changed.");
        add("CsrfTokenMissing", 403, "Forbidden",
                "A change sent with the session cookie needs the X-CSRF-Token header with the csrfToken of GET /api/me.");
        add("LoginFailed", 401, "Login failed", "The login name or password is not right (the answer is the same for an unknown login).");
        add("CodeRejected", 401, "Code rejected",
                "The TOTP or enrolment code is not right, or the TOTP code was used already (wait for the next one).");
        add("LoginRequired", 401, "Login required", "This step of the login needs the earlier steps first (or they were too long ago).");
        add("EnrolmentCodeExpired", 401, "Enrolment code expired", "The account has no valid one-time enrolment code: ask the administrator.");
        add("AccountLocked", 429, "Too many attempts",
                "Too many wrong passwords or codes in a row: the account is locked for a while (retryAfter, in seconds).");
        add("TooManyAttempts", 429, "Too many attempts", "Too many failed logins from this network address: try again later.");
        add("Unauthorized", 401, "Login refused",
                "The organisation's identity provider login was refused; reason says why (docs/security.md).");
        add("NotFederated", 403, "Forbidden", "The organisation has no identity provider to log in with.");
        add("UnknownUser", 403, "Forbidden", "There is no Zorgbeeld account for this identity: ask the organisation's administrator.");
        add("AccountDisabled", 403, "Forbidden", "The account is disabled.");
        add("SecondFactorRequired", 403, "Forbidden", "The login had no second factor, which Zorgbeeld requires.");
        add("BadGateway", 502, "Identity provider unavailable",
                "The organisation's identity provider could not be reached or gave an unusable answer.");
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

package nl.zorgbeeld.common;

import java.util.Map;

/**
 * An error the API reports to its client. Carries the HTTP status and an OGC-style exception code
 * (InvalidParameterValue, NotFound, ...); {@link nl.zorgbeeld.http.ErrorHandlers} turns it into the
 * one JSON error model of the whole API.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final String where;
    private final Map<String, Object> extensions;

    public ApiException(int status, String code, String title, String detail, String where) {
        this(status, code, title, detail, where, Map.of());
    }

    /** @param extensions extra members of the error body (RFC 9457), such as the current state on a 412 */
    public ApiException(int status, String code, String title, String detail, String where, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.where = where;
        this.extensions = Map.copyOf(extensions);
    }

    public static ApiException badParameter(String parameter, String detail) {
        return new ApiException(400, "InvalidParameterValue", "Invalid parameter", detail, parameter);
    }

    public static ApiException unknownParameter(String parameter) {
        return new ApiException(400, "InvalidParameterValue", "Unknown parameter",
                "Unknown query parameter '" + parameter + "'", parameter);
    }

    public static ApiException badBody(String where, String detail) {
        return new ApiException(400, "InvalidRequestBody", "Invalid request body", detail, where);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "NotFound", "Not found", detail, null);
    }

    /** The request conflicts with the resource's state, e.g. writing to a closed incident. */
    public static ApiException conflict(String where, String detail) {
        return new ApiException(409, "Conflict", "Conflict", detail, where);
    }

    /** A stale If-Match: the body carries the current representation as {@code current}. */
    public static ApiException preconditionFailed(String detail, Object current) {
        return new ApiException(412, "PreconditionFailed", "Precondition failed", detail, "If-Match", Map.of("current", current));
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(428, "PreconditionRequired", "Precondition required", detail, "If-Match");
    }

    public int status() { return status; }
    public String code() { return code; }
    public String title() { return title; }
    public String detail() { return getMessage(); }
    public String where() { return where; }
    public Map<String, Object> extensions() { return extensions; }
}

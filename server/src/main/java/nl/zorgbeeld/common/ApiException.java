package nl.zorgbeeld.common;

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

    public ApiException(int status, String code, String title, String detail, String where) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.where = where;
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

    public int status() { return status; }
    public String code() { return code; }
    public String title() { return title; }
    public String detail() { return getMessage(); }
    public String where() { return where; }
}

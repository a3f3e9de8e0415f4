package nl.zorgbeeld.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import nl.zorgbeeld.common.Json;

/**
 * What a route condition looks at: the caller, the incident the route is under (null for other
 * routes), the care institution it is about (likewise), the path parameters, the body as JSON (null when it is none: the handler refuses it
 * then) and the database lookups.
 */
public final class AccessRequest {
    private final Context ctx;
    private final Principal principal;
    private final AccessStore.IncidentAccess incident;
    private final AccessStore.InstitutionAccess institution;
    private final AccessStore store;
    private JsonNode body;
    private boolean bodyRead;

    AccessRequest(Context ctx, Principal principal, AccessStore.IncidentAccess incident, AccessStore.InstitutionAccess institution,
                  AccessStore store) {
        this.ctx = ctx;
        this.principal = principal;
        this.incident = incident;
        this.institution = institution;
        this.store = store;
    }

    public Principal principal() { return principal; }

    /** The incident of the route, or null when the route is not under one. */
    public AccessStore.IncidentAccess incident() { return incident; }

    /** The care institution of a route under /api/institutions/{institutionId}, or null for other routes. */
    public AccessStore.InstitutionAccess institution() { return institution; }

    public AccessStore store() { return store; }

    public String pathParam(String name) {
        return ctx.pathParamMap().get(name);
    }

    /** The body as a JSON tree, or null when there is none or it is not JSON. */
    public JsonNode body() {
        if (!bodyRead) {
            bodyRead = true;
            String text = ctx.body();
            try {
                body = text.isBlank() ? null : Json.MAPPER.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                body = null;
            }
        }
        return body;
    }

    /** A text field of the body, or null. */
    public String bodyText(String field) {
        JsonNode b = body();
        return b != null && b.path(field).isTextual() ? b.get(field).asText().trim() : null;
    }

    /** A whole-number field of the body, or null. */
    public Long bodyLong(String field) {
        JsonNode b = body();
        return b != null && b.path(field).canConvertToLong() && b.get(field).isIntegralNumber() ? b.get(field).asLong() : null;
    }

    public boolean bodyHas(String field) {
        JsonNode b = body();
        return b != null && b.has(field) && !b.get(field).isNull();
    }
}

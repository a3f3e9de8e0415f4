package nl.zorgbeeld.auth;

import java.sql.SQLException;

/**
 * A condition on a role's right to call a route, such as "only incidents of the own region" or
 * "only the own institution's picture", checked against the request before the handler runs.
 *
 * @param description what the condition allows, for the rights table in docs/security.md
 * @param kind        REGION when it depends on the region of the incident or institution alone, CONTENT when on what the
 *                    request writes, PER_ITEM when the request is a document naming many targets: the route check only
 *                    asks whether the user can hold the condition at all, and the handler checks it for every item
 */
public record Condition(String code, String description, Kind kind, Check check) {

    public enum Kind { REGION, CONTENT, PER_ITEM }

    @FunctionalInterface
    public interface Check {
        boolean holds(AccessRequest request) throws SQLException;
    }

    @Override
    public String toString() {
        return code;
    }
}

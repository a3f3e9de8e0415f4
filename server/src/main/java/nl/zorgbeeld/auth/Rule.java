package nl.zorgbeeld.auth;

import io.javalin.http.HandlerType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may call one route: everybody ({@code PUBLIC}), every logged-in user ({@code SIGNED_IN}), or
 * the roles in {@code grants}, each unconditionally (no conditions) or under all of its conditions.
 * Routes under an incident are also limited to the incidents the user can see ({@link Access}).
 *
 * @param sessionOnly refused to API tokens (managing tokens needs a person behind a browser)
 */
public record Rule(HandlerType method, String path, Audience audience, Map<Role, List<Condition>> grants, boolean sessionOnly) {

    public enum Audience { PUBLIC, SIGNED_IN, ROLES }

    public Rule {
        grants = grants.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(grants));
    }

    /** Whether a user with {@code roles} may call the route, where {@code holds} tells which conditions hold for this request. */
    public boolean allows(Set<Role> roles, Predicate<Condition> holds) {
        if (audience != Audience.ROLES) return true;
        for (Role role : roles) {
            List<Condition> conditions = grants.get(role);
            if (conditions != null && conditions.stream().allMatch(holds)) return true;
        }
        return false;
    }

    /** "GET /api/incidents/{id}", the key of the route table. */
    public String key() {
        return method.name() + " " + path;
    }
}

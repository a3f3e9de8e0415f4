package nl.zorgbeeld.auth;

import java.util.List;
import java.util.Set;
import nl.zorgbeeld.common.Actor;

/**
 * The authenticated user behind a request, as the login established it: the only source of who
 * writes. {@code institutionId} is set for a user bound to a care institution; {@code scope} only
 * for token requests.
 */
public record Principal(long userId, String login, String displayName, long organisationId, String organisationName,
                        OrganisationKind organisationKind, String regionCode, Set<Role> roles, String institutionId,
                        AuthMethod method, TokenScope scope) {

    public Principal {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Who writes, for the stores: the display name and organisation name, plus the login and ids for the audit trail. */
    public Actor actor() {
        return new Actor(displayName, organisationName, login, userId, organisationId, roleCodes());
    }

    /** The role codes, sorted, for the audit trail and the API. */
    public List<String> roleCodes() {
        return roles.stream().map(Role::code).sorted().toList();
    }
}

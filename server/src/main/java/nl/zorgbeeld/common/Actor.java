package nl.zorgbeeld.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * Who makes a change: a person and the organisation they act for, recorded with every change. A
 * write made by a logged-in user also carries the login, the user and organisation ids and the
 * roles, for the audit trail; an actor read back from a stored version has only the names.
 */
public record Actor(String author, String organisation, String login, @JsonIgnore Long userId, @JsonIgnore Long organisationId,
                    @JsonIgnore List<String> roles) {

    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** An actor known by name only (as stored with a version, or the system itself). */
    public Actor(String author, String organisation) {
        this(author, organisation, null, null, null, List.of());
    }
}

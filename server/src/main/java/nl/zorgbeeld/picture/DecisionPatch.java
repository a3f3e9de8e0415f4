package nl.zorgbeeld.picture;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The fields a change of a decision or action names; null means "leave as it is", an empty deadline clears it. */
public record DecisionPatch(DecisionKind kind, String description, String owner, Optional<OffsetDateTime> deadline,
                            DecisionStatus status) {

    public DecisionContent applyTo(DecisionContent c) {
        return new DecisionContent(kind != null ? kind : c.kind(), description != null ? description : c.description(),
                owner != null ? owner : c.owner(), deadline != null ? deadline.orElse(null) : c.deadline(),
                status != null ? status : c.status());
    }
}

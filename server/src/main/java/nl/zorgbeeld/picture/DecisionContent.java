package nl.zorgbeeld.picture;

import java.time.OffsetDateTime;

/** What a decision or action is, who owns it, by when (may be null) and where it stands. */
public record DecisionContent(DecisionKind kind, String description, String owner, OffsetDateTime deadline, DecisionStatus status) {}

package nl.zorgbeeld.incident;

import java.time.OffsetDateTime;
import nl.zorgbeeld.common.Actor;

/** A regie taken over at {@code since}, recorded by {@code changedBy}. */
public record RegieChange(String person, String organisation, OffsetDateTime since, Actor changedBy) {}

package nl.zorgbeeld.element;

import java.util.UUID;
import nl.zorgbeeld.common.Actor;

/**
 * A committed change of one picture element: {@code action} is create, update or delete (ended), and
 * {@code version} the version written (for delete: the version that was ended).
 */
public record ElementChange(long incidentId, UUID elementId, int version, String action, Actor actor) {}

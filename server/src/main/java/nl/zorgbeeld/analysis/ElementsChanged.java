package nl.zorgbeeld.analysis;

import nl.zorgbeeld.common.Actor;

/**
 * Told after an incident's picture elements changed (created, replaced or ended, and committed), so
 * that the network analysis follows the picture. Must not throw: the change has been made.
 */
@FunctionalInterface
public interface ElementsChanged {
    ElementsChanged NONE = (incidentId, actor) -> { };

    void elementsChanged(long incidentId, Actor actor);
}

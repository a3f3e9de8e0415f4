package nl.zorgbeeld.incident;

import java.sql.Connection;
import java.sql.SQLException;
import nl.zorgbeeld.common.Actor;

/**
 * Work that belongs with the creation of an incident and runs in the same transaction (the picture
 * capability gives every new incident its pictures), so an incident never exists half-made.
 */
@FunctionalInterface
public interface IncidentCreatedHook {
    void created(Connection connection, Incident incident, Actor actor) throws SQLException;
}

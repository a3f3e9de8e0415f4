package nl.zorgbeeld.analysis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The institutions of an incident that did not acknowledge an alert in time, by institution id: the
 * alerting capability tells the analysis, so that the call list holds them.
 */
@FunctionalInterface
public interface Unacknowledged {
    Unacknowledged NONE = (c, incidentId) -> Map.of();

    Map<String, AlertMark> of(Connection c, long incidentId) throws SQLException;
}

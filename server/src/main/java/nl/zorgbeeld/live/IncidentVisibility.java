package nl.zorgbeeld.live;

import io.javalin.http.Context;
import java.util.function.LongPredicate;

/**
 * Which incidents the viewer behind a stream may see. Asked once when a stream opens (with that
 * request); the predicate it returns is then tested for every event the stream could carry, so it
 * must be cheap (in memory). An incident stream of an invisible incident is refused as unknown (404).
 */
@FunctionalInterface
public interface IncidentVisibility {
    /** Until access control exists, everyone sees every incident. */
    IncidentVisibility ALL = ctx -> incidentId -> true;

    LongPredicate forViewer(Context ctx);
}

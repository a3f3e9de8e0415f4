package nl.zorgbeeld.live;

import io.javalin.http.Context;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * Which incidents (and which regions' institutions) the viewer behind a stream may see. Asked once when a stream opens (with that
 * request); the predicate it returns is then tested for every event the stream could carry, so it
 * must be cheap (in memory). An incident stream of an invisible incident is refused as unknown (404).
 * Every committed change passes {@link #changed} before any stream tests it, so that a predicate
 * keeping what it knows in memory can forget what the change may have altered (an invitation, a
 * region) and a later test sees the committed state.
 */
@FunctionalInterface
public interface IncidentVisibility {
    /** Every incident to everyone (for tests of the streams themselves). */
    IncidentVisibility ALL = ctx -> incidentId -> true;

    LongPredicate forViewer(Context ctx);

    /**
     * The safety regions whose care institutions' status reports the viewer behind a stream may see
     * (a region code as the institution has it; null for an institution without a region). Tested
     * for every status report the stream could carry, so it must be cheap too.
     */
    default Predicate<String> regionsForViewer(Context ctx) {
        return region -> true;
    }

    /** A committed change of incident {@code incidentId}, told before the streams get it. */
    default void changed(long incidentId, String action) {}
}

package nl.zorgbeeld.analysis;

/**
 * Runs inside every recomputation of an incident's analysis, before its result is recorded. Nothing
 * in production; a test makes it throw to see a failed recomputation reported as such.
 */
@FunctionalInterface
public interface RecomputeHook {
    RecomputeHook NONE = incidentId -> { };

    void beforeRecording(long incidentId);
}

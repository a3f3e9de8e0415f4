package nl.zorgbeeld.analysis;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import nl.zorgbeeld.analysis.AnalysisStore.Inputs;

/**
 * What an incident's analysis depends on now, and how far its recording (the snapshot, the recorded
 * changes, "newly affected", the timeline entry) has followed the picture: current, pending (a
 * recomputation is due) or failed (the last one for these hazards failed).
 *
 * @param recordedRows the hazard rows of the last successful recomputation; null when none was recorded
 * @param failedRows   the hazard rows a recomputation failed for; null when the last one succeeded
 */
public record AnalysisState(long incidentId, Inputs inputs, List<Long> recordedRows, List<Long> failedRows,
                            OffsetDateTime failedAt, String failureReference) {

    public enum Recording { CURRENT, PENDING, FAILED }

    public Recording recording() {
        if (inputs.hazardRows().equals(recordedRows)) return Recording.CURRENT;
        if (inputs.hazardRows().equals(failedRows)) return Recording.FAILED;
        return Recording.PENDING;
    }

    /**
     * Whether a read should bring the recording up to date first: when it is behind, or when it failed
     * longer than {@code retry} ago (a failure is retried by the next change of the picture anyway;
     * this keeps a passing fault, such as a lost connection, from standing until then).
     */
    boolean needsCatchUp(OffsetDateTime now, Duration retry) {
        return switch (recording()) {
            case CURRENT -> false;
            case PENDING -> true;
            case FAILED -> failedAt.plus(retry).isBefore(now);
        };
    }

    /**
     * The version of the analysis this state gives: it changes whenever the result or its recording
     * state can. Used for caching and for the ETag.
     */
    String version() {
        Recording recording = recording();
        return "r" + inputs.referenceVersion() + "-h" + inputs.hazardRows() + "-s" + inputs.statusVersions() + "-n"
                + inputs.newlyAffectedRun() + "-" + recording + (recording == Recording.FAILED ? "-" + failureReference : "");
    }
}

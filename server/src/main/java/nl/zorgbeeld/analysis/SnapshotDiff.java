package nl.zorgbeeld.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.analysis.AnalysisStore.SnapshotRow;

/**
 * The difference between the last stored analysis of an incident and a new one: who is newly
 * affected, who no longer, whose zone changed. Pure, so that it is tested without a database.
 */
public final class SnapshotDiff {
    /** One difference; {@code from} is null for a newly affected institution, {@code to} for one no longer affected. */
    public record Change(String institutionId, String institutionName, AnalysisChange change, Zone from, Zone to, Double distance) {}

    private final List<Change> changes;
    private final boolean rowsChanged;

    private SnapshotDiff(List<Change> changes, boolean rowsChanged) {
        this.changes = List.copyOf(changes);
        this.rowsChanged = rowsChanged;
    }

    /** Compares the stored snapshot with the new result. */
    public static SnapshotDiff between(Map<String, SnapshotRow> before, List<Affected> now) {
        List<Change> changes = new ArrayList<>();
        boolean rowsChanged = before.size() != now.size();
        Set<String> present = new HashSet<>();
        for (Affected a : now) {
            String id = a.institution().id();
            present.add(id);
            SnapshotRow old = before.get(id);
            if (old == null) {
                changes.add(new Change(id, a.institution().name(), AnalysisChange.NIEUW, null, a.zone(), a.distance()));
                rowsChanged = true;
            } else {
                if (!old.zone().equals(a.zone())) {
                    changes.add(new Change(id, a.institution().name(), AnalysisChange.ZONE_GEWIJZIGD, old.zone(), a.zone(), a.distance()));
                }
                rowsChanged |= !old.zone().equals(a.zone()) || !old.institutionName().equals(a.institution().name());
            }
        }
        for (SnapshotRow old : before.values()) {
            if (!present.contains(old.institutionId())) {
                changes.add(new Change(old.institutionId(), old.institutionName(), AnalysisChange.NIET_MEER_GERAAKT,
                        old.zone(), null, null));
            }
        }
        return new SnapshotDiff(changes, rowsChanged);
    }

    public List<Change> changes() { return changes; }

    /** Whether something a user should hear about changed: an institution came, went or changed zone. */
    public boolean isEmpty() { return changes.isEmpty(); }

    /** Whether the stored snapshot must be written (also for a renamed institution, whose name it keeps). */
    public boolean rowsChanged() { return rowsChanged; }

    public int count(AnalysisChange kind) {
        return (int) changes.stream().filter(c -> c.change() == kind).count();
    }

    /**
     * The snapshot after this diff: new institutions affected since {@code runId}, changed zones since
     * {@code runId}, the rest keeping when they became affected. {@code runId} is null when nothing
     * needs a run (no institution came or changed zone).
     */
    public List<SnapshotRow> nextSnapshot(Map<String, SnapshotRow> before, List<Affected> now, Long runId) {
        List<SnapshotRow> rows = new ArrayList<>();
        for (Affected a : now) {
            SnapshotRow old = before.get(a.institution().id());
            boolean zoneKept = old != null && old.zone().equals(a.zone());
            long affectedRun = old == null ? runId : old.affectedRunId();
            long zoneRun = zoneKept ? old.zoneRunId() : runId;
            rows.add(new SnapshotRow(a.institution().id(), a.institution().name(), a.zone(), affectedRun, zoneRun));
        }
        return rows;
    }

    /** "3 nieuw geraakt, 1 niet meer geraakt, 2 andere zone": the parts that are not zero. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (AnalysisChange kind : AnalysisChange.values()) {
            int n = count(kind);
            if (n > 0) parts.add(n + " " + kind.label());
        }
        return String.join(", ", parts);
    }
}

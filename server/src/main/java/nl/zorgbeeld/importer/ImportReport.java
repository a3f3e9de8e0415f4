package nl.zorgbeeld.importer;

import java.util.ArrayList;
import java.util.List;

/** What an import did: per layer what was stored, each rejected record with its reason, failed sources. */
public final class ImportReport {
    public record Rejection(String source, String where, String reason) {}

    public record Loaded(String source, LayerKind kind, int inserted, int updated) {}

    private final List<Loaded> loaded = new ArrayList<>();
    private final List<Rejection> rejected = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    void loaded(String source, LayerKind kind, int inserted, int updated) {
        loaded.add(new Loaded(source, kind, inserted, updated));
    }

    void reject(String source, String where, String reason) {
        rejected.add(new Rejection(source, where, reason));
    }

    void fail(String message) {
        failures.add(message);
    }

    void addAll(ImportReport other) {
        loaded.addAll(other.loaded);
        rejected.addAll(other.rejected);
        failures.addAll(other.failures);
    }

    public List<Loaded> loaded() { return List.copyOf(loaded); }
    public List<Rejection> rejected() { return List.copyOf(rejected); }
    public List<String> failures() { return List.copyOf(failures); }
    public int rejectedCount() { return rejected.size(); }

    public int storedCount(LayerKind kind) {
        return loaded.stream().filter(l -> l.kind() == kind).mapToInt(l -> l.inserted() + l.updated()).sum();
    }
}

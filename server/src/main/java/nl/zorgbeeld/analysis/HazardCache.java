package nl.zorgbeeld.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Indexed hazard geometries by stored element row. A row never changes (a new version is a new row),
 * so an entry never goes stale; the least recently used entries are dropped beyond the capacity.
 * Indexing a detailed zone costs milliseconds, which would dominate an analysis that runs on every
 * request and every change of the picture.
 */
public final class HazardCache {
    private final Map<Long, HazardShape> shapes;

    public HazardCache(int capacity) {
        this.shapes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, HazardShape> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized HazardShape get(long rowId) {
        return shapes.get(rowId);
    }

    public synchronized void put(long rowId, HazardShape shape) {
        shapes.put(rowId, shape);
    }

    /** The rows held now: their geometry need not be read again. */
    public synchronized List<Long> rows() {
        return List.copyOf(shapes.keySet());
    }
}

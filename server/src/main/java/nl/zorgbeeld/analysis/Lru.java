package nl.zorgbeeld.analysis;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A small thread-safe cache that drops the least recently used entries once their total weight (a
 * count, or bytes) exceeds its capacity. The keys are versions, so an entry never goes stale: old
 * versions are simply no longer asked for and age out.
 */
final class Lru<K, V> {
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final long capacity;
    private final ToLongFunction<V> weight;
    private long total;

    Lru(long capacity, ToLongFunction<V> weight) {
        this.capacity = capacity;
        this.weight = weight;
    }

    /** At most {@code count} entries. */
    static <K, V> Lru<K, V> ofCount(int count) {
        return new Lru<>(count, v -> 1);
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    /** Adds or replaces; a value heavier than the whole capacity is not kept. */
    synchronized void put(K key, V value) {
        long w = weight.applyAsLong(value);
        if (w > capacity) return;
        V old = entries.put(key, value);
        if (old != null) total -= weight.applyAsLong(old);
        total += w;
        for (Iterator<Map.Entry<K, V>> it = entries.entrySet().iterator(); total > capacity && it.hasNext(); ) {
            Map.Entry<K, V> eldest = it.next();
            total -= weight.applyAsLong(eldest.getValue());
            it.remove();
        }
    }
}

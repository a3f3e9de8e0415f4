package nl.zorgbeeld.snapshot;

import java.nio.file.Path;
import java.util.Map;

/**
 * The snapshot settings (README, "Configuration").
 *
 * @param minutes  ZORGBEELD_SNAPSHOT_MINUTES: every this many minutes each active incident is written
 *                 to {@code folder}; 0 (the default) is off
 * @param folder   ZORGBEELD_SNAPSHOT_DIR: where scheduled snapshots go (default {@code snapshots})
 * @param keep     ZORGBEELD_SNAPSHOT_KEEP: the newest this many per incident are kept (default 24)
 * @param maxBytes ZORGBEELD_SNAPSHOT_MAX_BYTES: the largest snapshot a restore reads, packed and each
 *                 part unpacked (default 200 MB)
 * @param maxRatio ZORGBEELD_SNAPSHOT_MAX_RATIO: how many times larger than packed a snapshot may
 *                 unpack to, as a whole and per part of over 1 MB (default 100; against ZIP bombs)
 */
public record SnapshotSettings(int minutes, Path folder, int keep, long maxBytes, int maxRatio) {
    public static final SnapshotSettings DEFAULTS = new SnapshotSettings(0, Path.of("snapshots"), 24, 200L * 1024 * 1024, 100);

    public static SnapshotSettings fromEnvironment(Map<String, String> env) {
        String folder = env.getOrDefault("ZORGBEELD_SNAPSHOT_DIR", "");
        return new SnapshotSettings(
                number(env, "ZORGBEELD_SNAPSHOT_MINUTES", DEFAULTS.minutes(), 0),
                folder.isBlank() ? DEFAULTS.folder() : Path.of(folder.trim()),
                number(env, "ZORGBEELD_SNAPSHOT_KEEP", DEFAULTS.keep(), 1),
                number(env, "ZORGBEELD_SNAPSHOT_MAX_BYTES", DEFAULTS.maxBytes(), 1024),
                number(env, "ZORGBEELD_SNAPSHOT_MAX_RATIO", DEFAULTS.maxRatio(), 2));
    }

    /** Whether scheduled snapshots are on. */
    public boolean scheduled() {
        return minutes > 0;
    }

    private static int number(Map<String, String> env, String name, int fallback, int min) {
        return (int) number(env, name, (long) fallback, min);
    }

    private static long number(Map<String, String> env, String name, long fallback, long min) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
        if (n < min) throw new IllegalArgumentException(name + " must be at least " + min + ", not " + n);
        return n;
    }
}

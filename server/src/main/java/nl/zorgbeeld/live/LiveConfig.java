package nl.zorgbeeld.live;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the live streams (README, "Configuration"; docs/operations.md explains the limits).
 *
 * @param heartbeat        ZORGBEELD_LIVE_HEARTBEAT_SECONDS (15): an idle stream gets a comment at least this
 *                         often, so proxies keep it open and a vanished client is noticed
 * @param clientBuffer     ZORGBEELD_LIVE_CLIENT_BUFFER (256): events waiting for one slow client before it
 *                         is dropped (it then resumes with Last-Event-ID)
 * @param streamsPerClient ZORGBEELD_LIVE_STREAMS_PER_CLIENT (16): open streams per user (all of a user's
 *                         tabs, screens and tokens together); beyond it 429
 * @param maxStreams       ZORGBEELD_LIVE_MAX_STREAMS (5000): open streams per instance; beyond it 503
 * @param replayWindow     ZORGBEELD_LIVE_REPLAY_HOURS (24): how far back a reconnecting client is replayed;
 *                         older than that it is told to reload
 * @param replayMax        ZORGBEELD_LIVE_REPLAY_MAX (1000): at most this many events are replayed; more
 *                         and the client is told to reload (cheaper than replaying them one by one)
 */
public record LiveConfig(Duration heartbeat, int clientBuffer, int streamsPerClient, int maxStreams, Duration replayWindow,
                         int replayMax) {

    public static final LiveConfig DEFAULTS = fromEnvironment(Map.of());

    public static LiveConfig fromEnvironment(Map<String, String> env) {
        return new LiveConfig(
                Duration.ofSeconds(number(env, "ZORGBEELD_LIVE_HEARTBEAT_SECONDS", 15, 1, 3600)),
                number(env, "ZORGBEELD_LIVE_CLIENT_BUFFER", 256, 1, 100_000),
                number(env, "ZORGBEELD_LIVE_STREAMS_PER_CLIENT", 16, 1, 1_000_000),
                number(env, "ZORGBEELD_LIVE_MAX_STREAMS", 5000, 1, 1_000_000),
                Duration.ofHours(number(env, "ZORGBEELD_LIVE_REPLAY_HOURS", 24, 1, 24 * 365)),
                number(env, "ZORGBEELD_LIVE_REPLAY_MAX", 1000, 1, 100_000));
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
        if (n < min || n > max) throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + n);
        return n;
    }
}

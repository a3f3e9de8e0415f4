package nl.zorgbeeld.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per network address in a sliding window, in memory: beyond the limit an address
 * must wait, whatever login it tries (the per-account lockout in the database stops guessing one
 * account; this stops trying many).
 */
final class AttemptLimiter {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    AttemptLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** How long {@code address} must still wait, or zero. */
    Duration wait(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) return Duration.ZERO;
        synchronized (times) {
            prune(times);
            if (times.size() < limit) return Duration.ZERO;
            return Duration.between(clock.instant(), times.peekFirst().plus(window));
        }
    }

    void failed(String address) {
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
        if (failures.size() > 10_000) failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue());
                return e.getValue().isEmpty();
            }
        });
    }

    private void prune(Deque<Instant> times) {
        Instant since = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) times.removeFirst();
    }
}

package nl.zorgbeeld.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.zorgbeeld.common.ApiException;

/**
 * How many streams one user (by its client key) and the whole instance hold open. A stream that
 * would pass a limit is refused before it opens: 429 for one user's, 503 for the instance's.
 */
final class StreamLimits {
    private final int perClient;
    private final int perInstance;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    StreamLimits(int perClient, int perInstance) {
        this.perClient = perClient;
        this.perInstance = perInstance;
    }

    void acquire(String clientKey) {
        if (total.incrementAndGet() > perInstance) {
            total.decrementAndGet();
            throw new ApiException(503, "ServiceUnavailable", "Too many live streams",
                    "This server holds its maximum of " + perInstance + " live streams; try again shortly (another"
                            + " server behind the same address may have room)", null);
        }
        boolean[] refused = {false};
        open.compute(clientKey, (key, n) -> {
            int count = n == null ? 0 : n;
            if (count >= perClient) {
                refused[0] = true;
                return n;
            }
            return count + 1;
        });
        if (refused[0]) {
            total.decrementAndGet();
            throw new ApiException(429, "TooManyRequests", "Too many live streams",
                    "You already hold " + perClient + " live streams open, the most one user may; close one"
                            + " (another tab or window) first", "stream");
        }
    }

    void release(String clientKey) {
        open.computeIfPresent(clientKey, (key, n) -> n <= 1 ? null : n - 1);
        total.decrementAndGet();
    }
}

package nl.zorgbeeld.analysis;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputations waiting to run off the request, at most one queued per incident: changes that
 * arrive while one is queued are covered by it, since it reads the picture when it runs.
 */
final class Recomputations {
    private static final Logger LOG = LoggerFactory.getLogger(Recomputations.class);

    private final Executor executor;
    private final LongConsumer recompute;
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();

    /** @param recompute brings an incident's recorded analysis up to date; must not throw */
    Recomputations(Executor executor, LongConsumer recompute) {
        this.executor = executor;
        this.recompute = recompute;
    }

    void schedule(long incidentId) {
        if (!queued.add(incidentId)) return;
        try {
            executor.execute(() -> {
                // Removed before running: a change committed from now on queues the next run.
                queued.remove(incidentId);
                recompute.accept(incidentId);
            });
        } catch (RejectedExecutionException e) {
            queued.remove(incidentId);
            LOG.warn("the recomputation of incident {} could not be queued (shutting down?); the next read catches up", incidentId);
        }
    }
}

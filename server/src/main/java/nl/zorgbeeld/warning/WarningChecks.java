package nl.zorgbeeld.warning;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.element.ElementChange;
import nl.zorgbeeld.element.ElementListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warning distances follow the picture off the writing request: each committed change of an
 * incident's elements queues a check of that incident on a thread of its own, at most one queued per
 * incident (it reads the picture when it runs, so it covers the changes that arrived meanwhile).
 * A read of the warnings first runs a check still queued, or waits for one running: who was warned is
 * read after the write that warned them.
 */
public final class WarningChecks implements ElementListener {
    private static final Logger LOG = LoggerFactory.getLogger(WarningChecks.class);
    private static final long NONE = Long.MIN_VALUE;

    /** The check itself; must not throw. */
    interface Check {
        void run(long incidentId, Actor actor);
    }

    private final Check check;
    private final ExecutorService executor;
    /** Incidents whose check is queued, with who made the latest change (the author of a warning). */
    private final Map<Long, Actor> queued = new ConcurrentHashMap<>();
    /** Held while a check runs: a read that finds one queued or running waits here for it. */
    private final ReentrantLock running = new ReentrantLock();
    private volatile long runningIncident = NONE;

    WarningChecks(Check check) {
        this.check = check;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "warning-check");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void committed(ElementChange change) {
        long incident = change.incidentId();
        if (queued.put(incident, change.actor()) != null) return;
        try {
            executor.execute(() -> run(incident));
        } catch (RejectedExecutionException e) {
            queued.remove(incident);
            LOG.warn("the warning check of incident {} could not be queued (shutting down?)", incident);
        }
    }

    /** Runs the check of the incident if one is queued or waits for the one running; returns at once when neither. */
    void settle(long incidentId) {
        if (!queued.containsKey(incidentId) && runningIncident != incidentId) return;
        run(incidentId);
    }

    /** {@link #settle} for every incident (an institution's inbox spans incidents). */
    void settleAll() {
        for (Long incident : queued.keySet()) run(incident);
        running.lock();
        running.unlock();
    }

    private void run(long incidentId) {
        running.lock();
        try {
            // Marked running before leaving the queue, so that a reader always sees one of the two.
            runningIncident = incidentId;
            Actor actor = queued.remove(incidentId);
            if (actor != null) check.run(incidentId, actor);
        } finally {
            runningIncident = NONE;
            running.unlock();
        }
    }

    /** Lets a check in progress finish (the database is still open), then stops the thread. */
    void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("a warning check did not finish");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package nl.zorgbeeld.analysis;

import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.element.ElementListener;
import nl.zorgbeeld.incident.ChangeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the network analysis (affected institutions, call list, own exposure, stakeholder status)
 * and registers its routes. It follows the picture by listening to element changes
 * ({@link #elementListener()}): each committed change queues a recomputation on a thread of its own,
 * so the writing request does not wait for it.
 */
public final class AnalysisModule {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisModule.class);
    /** Indexed hazard geometries kept in memory: a few incidents' worth of zones. */
    private static final int CACHED_SHAPES = 64;
    private static final int SHOWN_FAILURES = 100;

    private final AnalysisService analysis;
    private final AnalysisHandler analysisHandler;
    private final StakeholderHandler stakeholderHandler;
    private final Recomputations recomputations;
    private final ExecutorService ownExecutor;

    /**
     * @param recomputations where recomputations run after a change; null for a background thread of
     *                       the module's own (stopped with the server)
     * @param hook           runs in every recomputation before it is recorded ({@link RecomputeHook#NONE} but in tests)
     */
    public AnalysisModule(DataSource dataSource, Clock clock, Executor recomputations, RecomputeHook hook) {
        Transactions tx = new Transactions(dataSource);
        AnalysisStore store = new AnalysisStore();
        HazardCache cache = new HazardCache(CACHED_SHAPES);
        ChangeLog log = new ChangeLog();
        analysis = new AnalysisService(dataSource, store, cache, log, clock, hook);
        analysisHandler = new AnalysisHandler(analysis, new ExposureService(tx, store, cache, clock, analysis::state));
        stakeholderHandler = new StakeholderHandler(new StakeholderService(tx, new StakeholderStore(), store, log));
        ownExecutor = recomputations == null ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "analysis-recompute");
            t.setDaemon(true);
            return t;
        }) : null;
        this.recomputations = new Recomputations(recomputations == null ? ownExecutor : recomputations, analysis::catchUp);
    }

    public static AnalysisModule create(DataSource dataSource) {
        return new AnalysisModule(dataSource, Clock.systemUTC(), null, RecomputeHook.NONE);
    }

    public void register(JavalinConfig cfg) {
        analysisHandler.register(cfg.routes);
        stakeholderHandler.register(cfg.routes);
        cfg.events.serverStopping(this::stop);
    }

    /** What the picture elements tell after each committed change: the analysis follows the picture. */
    public ElementListener elementListener() {
        return change -> recomputations.schedule(change.incidentId());
    }

    /**
     * The analysis part of /health: degraded while a recomputation failed and the picture has not
     * changed since (which incidents, and the latest failure's time and log reference; no internals).
     */
    public Map<String, Object> health() {
        List<AnalysisStore.Failure> failures = analysis.failures();
        Map<String, Object> body = new LinkedHashMap<>();
        if (failures.isEmpty()) {
            body.put("status", "ok");
            return body;
        }
        AnalysisStore.Failure last = failures.get(0);
        body.put("status", "degraded");
        body.put("failedIncidents", failures.stream().limit(SHOWN_FAILURES).map(AnalysisStore.Failure::incidentId).toList());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("incidentId", last.incidentId());
        error.put("at", last.at());
        error.put("reference", last.reference());
        error.put("message", "The network analysis could not be recomputed after the latest change of the picture, so what it"
                + " records (newly affected institutions, changes, timeline) is not current; it is tried again on the next change."
                + " The server log has the cause under this reference.");
        body.put("lastError", error);
        return body;
    }

    /** The analysis itself, for the benchmark and for tests that call it without HTTP. */
    public AnalysisService analysis() {
        return analysis;
    }

    /** Lets a recomputation in progress finish (the database is still open), then stops the thread. */
    private void stop() {
        if (ownExecutor == null) return;
        ownExecutor.shutdown();
        try {
            if (!ownExecutor.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("a recomputation of the network analysis did not finish");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

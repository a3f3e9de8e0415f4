package nl.zorgbeeld.analysis;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import javax.sql.DataSource;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.ChangeLog;

/**
 * Wires the network analysis (affected institutions, call list, own exposure, stakeholder status)
 * and registers its routes. {@link #elementsChanged()} is what the picture elements tell after each
 * change, so that the analysis follows the picture.
 */
public final class AnalysisModule {
    /** Indexed hazard geometries kept in memory: a few incidents' worth of zones. */
    private static final int CACHED_SHAPES = 64;

    private final AnalysisService analysis;
    private final AnalysisHandler analysisHandler;
    private final StakeholderHandler stakeholderHandler;

    public AnalysisModule(DataSource dataSource, Clock clock) {
        this(dataSource, clock, Unacknowledged.NONE);
    }

    /** @param unacknowledged the institutions that left an alert unacknowledged: they join the call list */
    public AnalysisModule(DataSource dataSource, Clock clock, Unacknowledged unacknowledged) {
        Transactions tx = new Transactions(dataSource);
        AnalysisStore store = new AnalysisStore();
        HazardCache cache = new HazardCache(CACHED_SHAPES);
        ChangeLog log = new ChangeLog();
        analysis = new AnalysisService(dataSource, store, cache, log, clock, unacknowledged);
        analysisHandler = new AnalysisHandler(analysis, new ExposureService(tx, store, cache, clock));
        stakeholderHandler = new StakeholderHandler(new StakeholderService(tx, new StakeholderStore(), store, log));
    }

    public static AnalysisModule create(DataSource dataSource) {
        return new AnalysisModule(dataSource, Clock.systemUTC());
    }

    public static AnalysisModule create(DataSource dataSource, Unacknowledged unacknowledged) {
        return new AnalysisModule(dataSource, Clock.systemUTC(), unacknowledged);
    }

    public void register(RoutesConfig routes) {
        analysisHandler.register(routes);
        stakeholderHandler.register(routes);
    }

    public ElementsChanged elementsChanged() {
        return analysis;
    }

    /** The analysis itself, for the benchmark and for tests that call it without HTTP. */
    public AnalysisService analysis() {
        return analysis;
    }
}

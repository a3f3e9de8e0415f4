package nl.zorgbeeld.analysis;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import nl.zorgbeeld.analysis.AnalysisStore.ChangeRow;
import nl.zorgbeeld.analysis.AnalysisStore.SnapshotRow;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.NewChangeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network analysis: computed on request from the current picture (any rings), and recomputed
 * with the default rings whenever the picture changes, recording who became affected, who no longer
 * is and whose zone changed.
 */
public final class AnalysisService implements ElementsChanged {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisService.class);

    private final DataSource dataSource;
    private final Transactions tx;
    private final AnalysisStore store;
    private final HazardLoader hazards;
    private final InstitutionLayers layers;
    private final ChangeLog log;
    private final Clock clock;
    private final Unacknowledged unacknowledged;

    public AnalysisService(DataSource dataSource, AnalysisStore store, HazardCache cache, ChangeLog log, Clock clock) {
        this(dataSource, store, cache, log, clock, Unacknowledged.NONE);
    }

    /** @param unacknowledged the institutions that left an alert unacknowledged, for the call list */
    public AnalysisService(DataSource dataSource, AnalysisStore store, HazardCache cache, ChangeLog log, Clock clock,
                           Unacknowledged unacknowledged) {
        this.unacknowledged = unacknowledged;
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
        this.store = store;
        this.hazards = new HazardLoader(store, cache);
        this.layers = new InstitutionLayers(store);
        this.log = log;
        this.clock = clock;
    }

    /**
     * The institutions the incident's current hazards affect within {@code rings}; 404 for an unknown
     * incident. Reads only, each statement on its own (no transaction, so no round trip to end one).
     */
    public Analysis analyse(long incidentId, Rings rings) {
        try (Connection c = dataSource.getConnection()) {
            return analyse(c, incidentId, rings);
        } catch (SQLException e) {
            throw new IllegalStateException("analysing incident " + incidentId + " failed: " + e.getMessage(), e);
        }
    }

    private Analysis analyse(Connection c, long incidentId, Rings rings) throws SQLException {
        HazardLoader.Loaded loaded = load(c, incidentId);
        List<Hazard> current = loaded.hazards();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (current.isEmpty()) return new Analysis(incidentId, now, rings, current, List.of(), null);
        InstitutionLayer layer = layers.at(c, loaded.referenceVersion());
        List<Institution> candidates = layer.within(CandidateBoxes.around(current, rings.max()));
        List<Affected> affected = Analyzer.analyse(current, rings, candidates);
        AnalysisStore.Marks marks = store.marks(c, incidentId);
        Map<String, AlertMark> silent = unacknowledged.of(c, incidentId);
        List<Analysis.Item> items = new ArrayList<>(affected.size());
        for (Affected a : affected) {
            String id = a.institution().id();
            items.add(new Analysis.Item(a, marks.status(a.institution()), marks.newlyAffected().contains(id), silent.get(id)));
        }
        return new Analysis(incidentId, now, rings, current, items, marks.newlyAffectedAt());
    }

    /** The institutions that left an alert of the incident unacknowledged past its deadline, by id. */
    public Map<String, AlertMark> unacknowledged(long incidentId) {
        return tx.run(c -> unacknowledged.of(c, incidentId));
    }

    /** The current hazards of the incident; 404 for an unknown incident. */
    public List<Hazard> hazards(long incidentId) {
        return tx.run(c -> load(c, incidentId).hazards());
    }

    private HazardLoader.Loaded load(Connection c, long incidentId) throws SQLException {
        return hazards.load(c, incidentId).orElseThrow(() -> unknownIncident(incidentId));
    }

    static ApiException unknownIncident(long incidentId) {
        return ApiException.notFound("No incident " + incidentId);
    }

    /**
     * Recomputes the analysis that follows the picture and records what changed. Runs after the
     * element change is committed: a failure here is logged and leaves the element change standing
     * (the next change or {@link #recompute} catches up).
     */
    @Override
    public void elementsChanged(long incidentId, Actor actor) {
        try {
            recompute(incidentId, actor);
        } catch (RuntimeException e) {
            LOG.error("recomputing the network analysis of incident {} failed", incidentId, e);
        }
    }

    /** Recomputes with the default rings, stores the result and records the differences; returns them. */
    public SnapshotDiff recompute(long incidentId, Actor actor) {
        return tx.run(c -> {
            store.lockAnalysis(c, incidentId);
            Analysis now = analyse(c, incidentId, Rings.DEFAULT);
            List<Affected> affected = now.items().stream().map(Analysis.Item::affected).toList();
            Map<String, SnapshotRow> before = store.snapshot(c, incidentId);
            SnapshotDiff diff = SnapshotDiff.between(before, affected);
            if (!diff.rowsChanged()) return diff;
            Long run = null;
            if (!diff.isEmpty()) {
                run = store.insertRun(c, incidentId, Rings.DEFAULT, affected.size(), diff, actor);
                store.insertChanges(c, run, incidentId, diff.changes());
            }
            store.replaceSnapshot(c, incidentId, diff.nextSnapshot(before, affected, run));
            if (run != null) {
                // The live event carries the delta and the analysis as the panel shows it after this run (new marks included).
                Analysis after = analyse(c, incidentId, Rings.DEFAULT);
                log.record(c, NewChangeEvent.of(incidentId, "analysis.changed", AnalysisHandler.path(incidentId), null,
                        "Netwerkanalyse: " + diff.summary(), Map.of("runId", run,
                                "added", diff.count(AnalysisChange.NIEUW),
                                "removed", diff.count(AnalysisChange.NIET_MEER_GERAAKT),
                                "zoneChanged", diff.count(AnalysisChange.ZONE_GEWIJZIGD)), actor)
                        .withData(Map.of("runId", run, "changes", diff.changes(),
                                "analysis", AnalysisViews.AnalysisView.of(after, after.items()))));
            }
            return diff;
        });
    }

    /** The recorded changes of the analysis that follows the picture, newest first. */
    public List<ChangeRow> changes(long incidentId, OffsetDateTime since, int limit) {
        return tx.run(c -> {
            requireIncident(c, incidentId);
            return store.changes(c, incidentId, since, null, limit);
        });
    }

    private void requireIncident(Connection c, long incidentId) throws SQLException {
        Optional<String> status = store.incidentStatus(c, incidentId);
        if (status.isEmpty()) throw unknownIncident(incidentId);
    }
}

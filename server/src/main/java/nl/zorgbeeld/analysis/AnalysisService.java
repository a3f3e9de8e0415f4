package nl.zorgbeeld.analysis;

import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import nl.zorgbeeld.analysis.AnalysisState.Recording;
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
 * The network analysis: computed from the current picture (any rings), and recomputed with the
 * default rings after the picture changes, recording who became affected, who no longer is and
 * whose zone changed. The recomputation runs off the writing request; a read that finds it behind
 * the picture brings it up to date first (waiting for one in progress), so the answer read after a
 * write is always the one that follows it.
 */
public final class AnalysisService {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisService.class);
    /** The longest a recomputation waits for another one of the same incident, or for any lock. */
    static final int LOCK_WAIT_MS = 5000;
    /** A failed recomputation is tried again by a read this long after it (and by the next change). */
    static final Duration RETRY_FAILED = Duration.ofSeconds(30);
    /** Recorded as the author of a run when no change of the elements says who changed the picture. */
    private static final Actor SYSTEM = new Actor("Netwerkanalyse", "Zorgbeeld");
    private static final int CACHED_RESULTS = 64;
    /**
     * The largest analysis a live event carries (about a hundred institutions). A larger one would go
     * into the change log on every redraw and to every screen at once, also those not showing it, and
     * be replayed on every reconnect; screens read it instead, served from the rendering kept per version.
     */
    static final int MAX_CARRIED_BYTES = 64 * 1024;

    private final DataSource dataSource;
    private final Transactions tx;
    private final AnalysisStore store;
    private final HazardLoader hazards;
    private final InstitutionLayers layers;
    private final ChangeLog log;
    private final Clock clock;
    private final RecomputeHook hook;
    /** The geometric result per set of hazard versions, reference data and rings: shared by reads and recomputations. */
    private final Lru<GeometryKey, List<Affected>> geometries = Lru.ofCount(CACHED_RESULTS);
    /** The whole result (with statuses and marks) per version of the analysis. */
    private final Lru<ResultKey, Analysis> results = Lru.ofCount(CACHED_RESULTS);

    private record GeometryKey(List<Long> hazardRows, long referenceVersion, Rings rings) {}

    private record ResultKey(long incidentId, String version, Rings rings) {}

    public AnalysisService(DataSource dataSource, AnalysisStore store, HazardCache cache, ChangeLog log, Clock clock, RecomputeHook hook) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
        this.store = store;
        this.hazards = new HazardLoader(store, cache);
        this.layers = new InstitutionLayers(store);
        this.log = log;
        this.clock = clock;
        this.hook = hook;
    }

    /**
     * The institutions the incident's current hazards affect within {@code rings}, computed now from
     * the current picture (only the indexed zones and the institution layer are reused); 404 for an
     * unknown incident. Reads only, each statement on its own.
     */
    public Analysis analyse(long incidentId, Rings rings) {
        return read(c -> compute(c, incidentId, rings, false));
    }

    /**
     * The state of the incident's analysis (404 for an unknown incident), its recording brought up to
     * date first when it is behind the picture: read-your-writes for everything derived from it.
     */
    public AnalysisState state(long incidentId) {
        AnalysisState state = read(c -> readState(c, incidentId));
        if (!state.needsCatchUp(OffsetDateTime.now(clock), RETRY_FAILED)) return state;
        catchUp(incidentId);
        return read(c -> readState(c, incidentId));
    }

    /** The analysis at {@code state} (from {@link #state}), computed once per version and rings. */
    public Analysis analysis(AnalysisState state, Rings rings) {
        ResultKey key = new ResultKey(state.incidentId(), state.version(), rings);
        Analysis cached = results.get(key);
        if (cached != null) return cached;
        Analysis computed = read(c -> compute(c, state.incidentId(), rings, true));
        results.put(key, computed);
        return computed;
    }

    private AnalysisState readState(Connection c, long incidentId) throws SQLException {
        return store.state(c, incidentId).orElseThrow(() -> unknownIncident(incidentId));
    }

    private Analysis compute(Connection c, long incidentId, Rings rings, boolean shareGeometry) throws SQLException {
        HazardLoader.Loaded loaded = load(c, incidentId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (loaded.hazards().isEmpty()) return new Analysis(incidentId, now, rings, List.of(), List.of(), null);
        List<Affected> affected = affected(c, loaded, rings, shareGeometry);
        AnalysisStore.Marks marks = store.marks(c, incidentId);
        List<Analysis.Item> items = new ArrayList<>(affected.size());
        for (Affected a : affected) {
            items.add(new Analysis.Item(a, marks.status(a.institution()), marks.newlyAffected().contains(a.institution().id())));
        }
        return new Analysis(incidentId, now, rings, loaded.hazards(), items, marks.newlyAffectedAt());
    }

    private List<Affected> affected(Connection c, HazardLoader.Loaded loaded, Rings rings, boolean shared) throws SQLException {
        List<Hazard> current = loaded.hazards();
        if (current.isEmpty()) return List.of();
        GeometryKey key = new GeometryKey(current.stream().map(Hazard::rowId).sorted().toList(), loaded.referenceVersion(), rings);
        List<Affected> cached = shared ? geometries.get(key) : null;
        if (cached != null) return cached;
        InstitutionLayer layer = layers.at(c, loaded.referenceVersion());
        List<Affected> affected = List.copyOf(Analyzer.analyse(current, rings, layer.within(CandidateBoxes.around(current, rings.max()))));
        if (shared) geometries.put(key, affected);
        return affected;
    }

    /** The current hazards of the incident; 404 for an unknown incident. */
    public List<Hazard> hazards(long incidentId) {
        return read(c -> load(c, incidentId).hazards());
    }

    private HazardLoader.Loaded load(Connection c, long incidentId) throws SQLException {
        return hazards.load(c, incidentId).orElseThrow(() -> unknownIncident(incidentId));
    }

    static ApiException unknownIncident(long incidentId) {
        return ApiException.notFound("No incident " + incidentId);
    }

    /**
     * Brings the recorded analysis of the incident up to date with its picture, if it is not: waits
     * for a recomputation in progress (then usually finds nothing left to do), else recomputes with
     * the default rings and records the differences. Never throws: a failure is logged with a
     * reference and recorded, so that reads and /health report it.
     */
    public void catchUp(long incidentId) {
        try {
            tx.run(c -> {
                record(c, incidentId);
                return null;
            });
        } catch (AnalysisStore.Busy e) {
            LOG.info("{}; this read shows the recording as pending", e.getMessage());
        } catch (RuntimeException e) {
            String reference = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            LOG.error("recomputing the network analysis of incident {} failed (reference {})", incidentId, reference, e);
            try {
                tx.run(c -> {
                    store.failed(c, incidentId, reference);
                    return null;
                });
            } catch (RuntimeException again) {
                LOG.error("recording failure {} of incident {} failed as well", reference, incidentId, again);
            }
        }
    }

    private void record(Connection c, long incidentId) throws SQLException {
        store.lockAnalysis(c, incidentId, LOCK_WAIT_MS);
        Optional<AnalysisState> state = store.state(c, incidentId);
        if (state.isEmpty() || state.get().recording() == Recording.CURRENT) return;
        HazardLoader.Loaded loaded = load(c, incidentId);
        hook.beforeRecording(incidentId);
        List<Affected> affected = affected(c, loaded, Rings.DEFAULT, true);
        Map<String, SnapshotRow> before = store.snapshot(c, incidentId);
        SnapshotDiff diff = SnapshotDiff.between(before, affected);
        Long run = null;
        Actor actor = null;
        if (!diff.isEmpty()) {
            actor = store.latestElementAuthor(c, incidentId).orElse(SYSTEM);
            run = store.insertRun(c, incidentId, Rings.DEFAULT, affected.size(), diff, actor);
            store.insertChanges(c, run, incidentId, diff.changes());
        }
        if (diff.rowsChanged()) store.writeSnapshot(c, incidentId, before, diff.nextSnapshot(before, affected, run));
        store.recorded(c, incidentId, loaded.hazards().stream().map(Hazard::rowId).sorted().toList());
        if (run != null) {
            Map<String, Object> counts = Map.of("runId", run,
                    "added", diff.count(AnalysisChange.NIEUW),
                    "removed", diff.count(AnalysisChange.NIET_MEER_GERAAKT),
                    "zoneChanged", diff.count(AnalysisChange.ZONE_GEWIJZIGD));
            // The audit trail (append-only) keeps the run and its counts: the changes are in analysis_change,
            // and the analysis itself can be recomputed; copying them would add up to megabytes per redraw.
            log.record(c, NewChangeEvent.of(incidentId, "analysis.changed", AnalysisHandler.path(incidentId), null,
                    "Netwerkanalyse: " + diff.summary(), counts, actor)
                    .withData(changed(c, incidentId, run, diff)).withStates(null, counts));
        }
    }

    /** What the live event carries: the run, its changes and, when small enough, the analysis after it. */
    private Map<String, Object> changed(Connection c, long incidentId, long run, SnapshotDiff diff) throws SQLException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("runId", run);
        data.put("changes", diff.changes());
        after(c, incidentId).ifPresent(analysis -> data.put("analysis", analysis));
        return data;
    }

    /**
     * The analysis as GET .../affected gives it after this run (new marks, recording current), for the
     * live event: a screen replaces its rows with it without another request. Written by the same
     * writer as the response, so the two cannot differ. Empty when larger than {@link #MAX_CARRIED_BYTES}.
     */
    private Optional<RawValue> after(Connection c, long incidentId) throws SQLException {
        AnalysisState state = readState(c, incidentId);
        Analysis analysis = compute(c, incidentId, Rings.DEFAULT, true);
        Bounded json = new Bounded();
        try {
            AnalysisJson.json(json, analysis, state, new AnalysisJson.Selection(analysis.items(), null));
        } catch (Bounded.TooLarge e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new RawValue(json.text()));
    }

    /** Takes at most {@link #MAX_CARRIED_BYTES}: writing all of a large analysis only to drop it would hold up the recording. */
    private static final class Bounded extends OutputStream {
        static final class TooLarge extends IOException {
            TooLarge() {
                super("larger than " + MAX_CARRIED_BYTES + " bytes");
            }
        }

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);

        @Override
        public void write(byte[] b, int off, int len) throws TooLarge {
            if (bytes.size() + len > MAX_CARRIED_BYTES) throw new TooLarge();
            bytes.write(b, off, len);
        }

        @Override
        public void write(int b) throws TooLarge {
            if (bytes.size() >= MAX_CARRIED_BYTES) throw new TooLarge();
            bytes.write(b);
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** The recorded changes of the analysis that follows the picture, newest first, up to date with the picture. */
    public List<ChangeRow> changes(long incidentId, OffsetDateTime since, int limit) {
        state(incidentId);
        return read(c -> store.changes(c, incidentId, since, null, limit));
    }

    /** The recomputations that failed and were not made good since, for /health. */
    public List<AnalysisStore.Failure> failures() {
        return read(store::failures);
    }

    @FunctionalInterface
    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    /** Reads only: each statement on its own (no transaction, so no round trip to end one). */
    private <T> T read(Read<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the network analysis failed: " + e.getMessage(), e);
        }
    }
}

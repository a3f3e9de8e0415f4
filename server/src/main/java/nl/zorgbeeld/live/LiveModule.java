package nl.zorgbeeld.live;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import javax.sql.DataSource;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates as server-sent events (docs/api/live.md):
 * <ul>
 *   <li>{@code GET /api/incidents/{id}/live}: every change of one incident;</li>
 *   <li>{@code GET /api/live}: the incident list (new incidents, status, GRIP level, regie), only the
 *       incidents the viewer may see;</li>
 *   <li>{@code GET /api/institutions/status/live}: every institution status report (status.StatusEvents) of the
 *       regions whose institutions the viewer may see.</li>
 * </ul>
 * Every change is a CloudEvents JSON event {@code change} whose SSE id is its position in the change log.
 * A client that reconnects with {@code Last-Event-ID} (or {@code ?lastEventId=}) gets exactly the events
 * after it, in order, then the live tail: the stream joins the hub first and holds live events, reads
 * the log up to the head it saw, then releases the held events after that head. An id the log cannot
 * replay (older than the replay window, more than the replay maximum, or from the future) gets a
 * {@code reload} event instead; a malformed one a 400 before the stream opens.
 */
public final class LiveModule {
    private static final Logger LOG = LoggerFactory.getLogger(LiveModule.class);
    public static final String INCIDENT_STREAM = "/api/incidents/{id}/live";
    public static final String LIST_STREAM = "/api/live";
    public static final String STATUS_STREAM = "/api/institutions/status/live";
    /** How long a browser waits before it reconnects (the SSE retry field). */
    private static final int RETRY_MS = 2000;

    private final DataSource dataSource;
    private final LiveConfig config;
    private final LongConsumer requireIncident;
    private final IncidentVisibility visibility;
    private final Function<Context, String> clientKey;
    private final EventLog log = new EventLog();
    private final LiveHub hub;
    private final ChangeListener listener;
    private final StreamLimits limits;
    private ScheduledExecutorService heartbeat;

    /**
     * @param requireIncident throws the API's 404 when there is no such incident
     * @param visibility      which incidents a viewer may see
     * @param clientKey       what the per-client stream limit counts by (the user)
     */
    public LiveModule(DataSource dataSource, LiveConfig config, LongConsumer requireIncident, IncidentVisibility visibility,
                      Function<Context, String> clientKey) {
        this.dataSource = dataSource;
        this.config = config;
        this.requireIncident = requireIncident;
        this.visibility = visibility;
        this.clientKey = clientKey;
        this.hub = new LiveHub(visibility);
        this.listener = new ChangeListener(dataSource, log, hub);
        this.limits = new StreamLimits(config.streamsPerClient(), config.maxStreams());
    }

    /** Every live route, in one place (their access rules are in auth/AccessRules). */
    public void register(JavalinConfig cfg) {
        cfg.routes.get(INCIDENT_STREAM, this::incidentStream);
        cfg.routes.get(LIST_STREAM, this::incidentListStream);
        cfg.routes.get(STATUS_STREAM, this::institutionStatusStream);
        cfg.events.serverStarting(this::start);
        cfg.events.serverStopping(this::stop);
    }

    /** For /health: whether this instance hears every change, and its streams. */
    public Map<String, Object> status() {
        ChangeListener.Status s = listener.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", s.state().name().toLowerCase());
        body.put("since", s.since().toString());
        if (s.problem() != null) body.put("problem", s.problem());
        body.put("lastEventId", listener.position());
        body.put("streams", hub.streams());
        body.put("dropped", hub.dropped());
        return body;
    }

    public boolean listening() {
        return listener.status().state() == ChangeListener.State.LISTENING;
    }

    private void incidentStream(Context ctx) {
        long incidentId = PathParams.id(ctx, "id", "incident");
        LongPredicate visible = visibility.forViewer(ctx);
        Long last = checkRequest(ctx);
        whileDatabase(() -> requireIncident.accept(incidentId));
        // Not telling an invisible incident from an unknown one.
        if (!visible.test(incidentId)) throw ApiException.notFound("No incident " + incidentId);
        open(ctx, Topic.incident(incidentId), visible, region -> false, last);
    }

    private void incidentListStream(Context ctx) {
        LongPredicate visible = visibility.forViewer(ctx);
        open(ctx, Topic.INCIDENT_LIST, visible, region -> false, checkRequest(ctx));
    }

    private void institutionStatusStream(Context ctx) {
        open(ctx, Topic.INSTITUTION_STATUS, visibility.forViewer(ctx), visibility.regionsForViewer(ctx), checkRequest(ctx));
    }

    private static Long checkRequest(Context ctx) {
        new QueryParams(ctx, Set.of(LastEventId.PARAMETER));
        return LastEventId.of(ctx);
    }

    /** Everything that can fail is done before the response starts, so failures are the JSON errors. */
    private void open(Context ctx, Topic topic, LongPredicate visible, Predicate<String> visibleRegion, Long last) {
        String key = clientKey.apply(ctx);
        limits.acquire(key);
        SseStream stream = new SseStream(topic, visible, visibleRegion, key, config.clientBuffer(), this::ended);
        try {
            hub.join(stream);
            Opening opening = fromDatabase(() -> opening(stream, last));
            ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
            Runnable abort = () -> request.getServletChannel().getEndPoint().close();
            ctx.future(() -> begin(ctx, stream, opening, abort));
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** What a new stream starts with: its head, and the replay or the reason to reload. */
    private record Opening(long head, Long resumedAfter, List<byte[]> replay, String reload, String detail) {}

    private Opening opening(SseStream stream, Long last) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long head = log.head(c);
            if (last == null) return new Opening(head, null, List.of(), null, null);
            if (last > head) {
                return new Opening(head, last, List.of(), "unknown-id", "Event " + last + " is newer than the newest event "
                        + head + " (another database, or a reset one): reload everything and continue from this event");
            }
            List<CloudEvents.Row> rows = log.replay(c, stream.topic, last, head, config.replayMax() + 1);
            if (rows.size() > config.replayMax()) {
                return new Opening(head, last, List.of(), "too-many", "More than " + config.replayMax()
                        + " changes happened after event " + last + ": reload everything and continue from this event");
            }
            OffsetDateTime oldest = OffsetDateTime.now().minus(config.replayWindow());
            if (!rows.isEmpty() && rows.get(0).occurredAt().isBefore(oldest)) {
                return new Opening(head, last, List.of(), "too-old", "The changes after event " + last + " go back further than"
                        + " the " + config.replayWindow().toHours() + " hours that are replayed: reload everything and continue"
                        + " from this event");
            }
            List<byte[]> replay = new ArrayList<>(rows.size());
            for (CloudEvents.Row row : rows) {
                LiveEvent event = CloudEvents.event(row);
                if (stream.wants(event)) replay.add(event.frame());
            }
            return new Opening(head, last, replay, null, null);
        }
    }

    private CompletableFuture<Void> begin(Context ctx, SseStream stream, Opening opening, Runnable abort) {
        ctx.req().getAsyncContext().setTimeout(0);
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache, no-transform");
        // Tells nginx not to buffer this response (docs/operations.md).
        res.setHeader("X-Accel-Buffering", "no");
        try {
            stream.attach(res.getOutputStream(), abort);
        } catch (IOException | RuntimeException e) {
            stream.close();
            return stream.done;
        }
        Map<String, Object> connected = new LinkedHashMap<>();
        connected.put("stream", ctx.path());
        if (stream.topic.incidentId() != null) {
            connected.put("incidentId", stream.topic.incidentId());
            connected.put("watching", hub.watching(stream.topic.incidentId()));
        }
        connected.put("lastEventId", opening.head());
        connected.put("resumed", opening.resumedAfter() != null && opening.reload() == null);
        connected.put("replayed", opening.replay().size());
        connected.put("heartbeatSeconds", config.heartbeat().toSeconds());
        // A fresh stream carries the head as its id, so that a reconnect resumes from it; a resumed one
        // carries none, so that a connection lost during the replay resumes where the replay had come to.
        stream.send(frame(opening.resumedAfter() == null ? opening.head() : null, "connected", connected));
        if (opening.reload() != null) {
            stream.send(frame(opening.head(), "reload", Map.of("reason", opening.reload(), "detail", opening.detail(),
                    "lastEventId", opening.head())));
        }
        opening.replay().forEach(stream::send);
        stream.release(opening.head());
        return stream.done;
    }

    private static byte[] frame(Long id, String event, Map<String, Object> data) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(data);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
        String text = "retry: " + RETRY_MS + "\n" + (id == null ? "" : "id: " + id + "\n") + "event: " + event + "\ndata: " + json + "\n\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void ended(SseStream stream, boolean dropped) {
        hub.leave(stream, dropped);
        limits.release(stream.clientKey);
        if (dropped) LOG.info("live stream of {} dropped: more than {} events waited for it (it resumes with Last-Event-ID)",
                stream.clientKey, config.clientBuffer());
    }

    @FunctionalInterface
    private interface DatabaseWork<T> {
        T run() throws SQLException;
    }

    /** Database trouble while a stream opens is a 503 (the client retries), not a 500. */
    private static <T> T fromDatabase(DatabaseWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw unavailable(e);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException) throw unavailable(e);
            throw e;
        }
    }

    private static void whileDatabase(Runnable work) {
        fromDatabase(() -> {
            work.run();
            return null;
        });
    }

    private static ApiException unavailable(Exception e) {
        LOG.warn("live stream not opened, the database is unavailable: {}", e.getMessage());
        return new ApiException(503, "ServiceUnavailable", "Database unavailable",
                "The database cannot be reached just now; the stream can be opened again in a moment", null);
    }

    private void start() {
        try (Connection c = dataSource.getConnection()) {
            listener.startAt(log.head(c));
        } catch (SQLException e) {
            throw new IllegalStateException("live updates: cannot read the change log: " + e.getMessage(), e);
        }
        listener.start();
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-heartbeat");
            t.setDaemon(true);
            return t;
        });
        // Ticks at half the interval, so that no stream stays silent much longer than the interval.
        long half = Math.max(1, config.heartbeat().toMillis() / 2);
        long idleNanos = TimeUnit.MILLISECONDS.toNanos(half);
        heartbeat.scheduleAtFixedRate(() -> hub.heartbeat(idleNanos), half, half, TimeUnit.MILLISECONDS);
    }

    private void stop() {
        listener.stop();
        if (heartbeat != null) heartbeat.shutdownNow();
        hub.closeAll();
    }
}

package nl.zorgbeeld.live;

import io.javalin.config.JavalinConfig;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import nl.zorgbeeld.http.PathParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates: {@code GET /api/incidents/{id}/live} is a server-sent event stream of every change
 * recorded for the incident (event {@code change}: id, action, subject, summary, author,
 * organisation, occurredAt), so every open screen follows at once. Clients reload what changed;
 * after a reconnect they reload everything, so a missed event costs nothing.
 */
public final class LiveModule {
    public static final String PATH = "/api/incidents/{id}/live";
    private static final Logger LOG = LoggerFactory.getLogger(LiveModule.class);
    private static final long HEARTBEAT_SECONDS = 15;
    private static final long LISTEN_WAIT_SECONDS = 10;

    private final LiveHub hub = new LiveHub();
    private final ChangeListener listener;
    private final LongConsumer requireIncident;
    private ScheduledExecutorService heartbeat;

    /** @param requireIncident throws the API's 404 when there is no such incident */
    public LiveModule(DataSource dataSource, LongConsumer requireIncident) {
        this.listener = new ChangeListener(dataSource, hub);
        this.requireIncident = requireIncident;
    }

    public void register(JavalinConfig cfg) {
        // Checked before the stream starts, so an unknown incident gets the JSON 404, not an empty stream.
        cfg.routes.beforeMatched(PATH, ctx -> requireIncident.accept(PathParams.id(ctx, "id", "incident")));
        cfg.routes.sse(PATH, this::watch);
        // Before the server takes requests: a screen told "connected" must not miss a change because
        // the database was not yet being listened to.
        cfg.events.serverStarting(this::start);
        cfg.events.serverStopping(this::stop);
    }

    private void watch(SseClient client) {
        long incidentId = PathParams.id(client.ctx(), "id", "incident");
        client.keepAlive();
        hub.join(incidentId, client);
        client.sendEvent("connected", Map.of("incidentId", incidentId, "watching", hub.watching(incidentId)));
    }

    private void start() {
        Thread thread = new Thread(listener, "live-changes");
        thread.setDaemon(true);
        thread.start();
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(hub::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        try {
            if (!listener.awaitListening(LISTEN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("live updates: not yet listening to the database after {} s; screens reload once it is", LISTEN_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        listener.stop();
        if (heartbeat != null) heartbeat.shutdownNow();
        hub.closeAll();
    }
}

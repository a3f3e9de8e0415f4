package nl.zorgbeeld.live;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The browsers watching each incident, and sending a change to all of them at once. */
public final class LiveHub {
    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    private final Map<Long, Set<SseClient>> watchers = new ConcurrentHashMap<>();

    void join(long incidentId, SseClient client) {
        watchers.computeIfAbsent(incidentId, id -> new CopyOnWriteArraySet<>()).add(client);
        client.onClose(() -> leave(incidentId, client));
    }

    private void leave(long incidentId, SseClient client) {
        watchers.computeIfPresent(incidentId, (id, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sends a change (JSON text) as an SSE event {@code change} with the change's id. */
    void publish(long incidentId, String changeId, String json) {
        for (SseClient client : watchers.getOrDefault(incidentId, Set.of())) {
            send(incidentId, client, () -> client.sendEvent("change", json, changeId));
        }
    }

    /** Tells every screen that changes may have been missed (event {@code resync}): each reloads what it shows. */
    void resync() {
        watchers.forEach((incidentId, clients) -> clients.forEach(client ->
                send(incidentId, client, () -> client.sendEvent("resync", Map.of("incidentId", incidentId)))));
    }

    /**
     * A comment to every client: keeps proxies from closing quiet streams, and a client that has gone
     * is only noticed when writing to it fails.
     */
    void heartbeat() {
        watchers.forEach((incidentId, clients) -> clients.forEach(client -> send(incidentId, client, () -> client.sendComment("hartslag"))));
    }

    /** Ends every stream, so that a graceful shutdown need not wait for screens that never hang up. */
    void closeAll() {
        watchers.values().forEach(clients -> clients.forEach(SseClient::close));
        watchers.clear();
    }

    int watching(long incidentId) {
        return watchers.getOrDefault(incidentId, Set.of()).size();
    }

    private void send(long incidentId, SseClient client, Runnable write) {
        if (client.terminated()) {
            leave(incidentId, client);
            return;
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.debug("a live client of incident {} has gone: {}", incidentId, e.getMessage());
            leave(incidentId, client);
        }
    }
}

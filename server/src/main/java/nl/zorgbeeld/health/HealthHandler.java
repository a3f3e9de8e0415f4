package nl.zorgbeeld.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import nl.zorgbeeld.live.LiveModule;
import nl.zorgbeeld.reference.ReferenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /health: is the database reachable, which PostGIS, how full are the reference layers, does this
 * instance hear every change for its live streams, and the state of the other parts that work in the
 * background (the network analysis). {@code status} is {@code ok}, or {@code degraded} while the
 * database is away (503), or while the live updates are reconnecting to it or a part reports itself
 * degraded (200: requests are served, and the body says what is not current).
 */
public final class HealthHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);
    private final ReferenceService reference;
    private final String postgisVersion;
    private final LiveModule live;
    private final Map<String, Supplier<Map<String, Object>>> parts;

    /** @param parts by name, each reporting at least {@code status}: "ok" or "degraded" */
    public HealthHandler(ReferenceService reference, String postgisVersion, LiveModule live,
                         Map<String, Supplier<Map<String, Object>>> parts) {
        this.reference = reference;
        this.postgisVersion = postgisVersion;
        this.live = live;
        this.parts = Map.copyOf(parts);
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            Map<String, Long> counts = reference.counts();
            Map<String, Map<String, Object>> states = new LinkedHashMap<>();
            parts.keySet().stream().sorted().forEach(name -> states.put(name, parts.get(name).get()));
            boolean degraded = !live.listening() || states.values().stream().anyMatch(s -> !"ok".equals(s.get("status")));
            body.put("status", degraded ? "degraded" : "ok");
            body.put("database", "reachable");
            body.put("postgis", postgisVersion);
            body.put("layers", counts);
            body.put("demoData", reference.sources().stream().anyMatch(s -> s.demo()));
            body.put("live", live.status());
            body.putAll(states);
            ctx.json(body);
        } catch (RuntimeException e) {
            LOG.warn("health check failed: {}", e.getMessage());
            // The parts read the database too: without it only the live listener can say where it is.
            body.clear();
            body.put("status", "degraded");
            body.put("database", "unreachable");
            body.put("live", live.status());
            ctx.status(503).json(body);
        }
    }
}

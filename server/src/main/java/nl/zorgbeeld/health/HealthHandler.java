package nl.zorgbeeld.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import nl.zorgbeeld.reference.ReferenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /health: is the database reachable, which PostGIS, how full are the reference layers, and the
 * state of the parts that work in the background (the network analysis). A degraded part makes the
 * whole "degraded" but still answers 200: the app serves, and says what is not current.
 */
public final class HealthHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);
    private final ReferenceService reference;
    private final String postgisVersion;
    private final Map<String, Supplier<Map<String, Object>>> parts;

    /** @param parts by name, each reporting at least {@code status}: "ok" or "degraded" */
    public HealthHandler(ReferenceService reference, String postgisVersion, Map<String, Supplier<Map<String, Object>>> parts) {
        this.reference = reference;
        this.postgisVersion = postgisVersion;
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
            boolean degraded = states.values().stream().anyMatch(s -> !"ok".equals(s.get("status")));
            body.put("status", degraded ? "degraded" : "ok");
            body.put("database", "reachable");
            body.put("postgis", postgisVersion);
            body.put("layers", counts);
            body.put("demoData", reference.sources().stream().anyMatch(s -> s.demo()));
            body.putAll(states);
            ctx.json(body);
        } catch (RuntimeException e) {
            LOG.warn("health check failed", e);
            body.clear();
            body.put("status", "unavailable");
            body.put("database", "unreachable");
            ctx.status(503).json(body);
        }
    }
}

package nl.zorgbeeld.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.zorgbeeld.live.LiveModule;
import nl.zorgbeeld.reference.ReferenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /health: is the database reachable, which PostGIS, how full are the reference layers, and does
 * this instance hear every change for its live streams. {@code status} is {@code ok}, or
 * {@code degraded} while the database is away (503) or the live updates are reconnecting to it (200:
 * requests are served, and the streams catch up from the change log once it listens again).
 */
public final class HealthHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);
    private final ReferenceService reference;
    private final String postgisVersion;
    private final LiveModule live;

    public HealthHandler(ReferenceService reference, String postgisVersion, LiveModule live) {
        this.reference = reference;
        this.postgisVersion = postgisVersion;
        this.live = live;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            Map<String, Long> counts = reference.counts();
            body.put("status", live.listening() ? "ok" : "degraded");
            body.put("database", "reachable");
            body.put("postgis", postgisVersion);
            body.put("layers", counts);
            body.put("demoData", reference.sources().stream().anyMatch(s -> s.demo()));
            body.put("live", live.status());
            ctx.json(body);
        } catch (RuntimeException e) {
            LOG.warn("health check failed: {}", e.getMessage());
            body.put("status", "degraded");
            body.put("database", "unreachable");
            body.put("live", live.status());
            ctx.status(503).json(body);
        }
    }
}

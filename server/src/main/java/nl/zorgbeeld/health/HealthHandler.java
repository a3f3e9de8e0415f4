package nl.zorgbeeld.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.zorgbeeld.reference.ReferenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GET /health: is the database reachable, which PostGIS, how full are the reference layers. */
public final class HealthHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);
    private final ReferenceService reference;
    private final String postgisVersion;

    public HealthHandler(ReferenceService reference, String postgisVersion) {
        this.reference = reference;
        this.postgisVersion = postgisVersion;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            Map<String, Long> counts = reference.counts();
            body.put("status", "ok");
            body.put("database", "reachable");
            body.put("postgis", postgisVersion);
            body.put("layers", counts);
            body.put("demoData", reference.sources().stream().anyMatch(s -> s.demo()));
            ctx.json(body);
        } catch (RuntimeException e) {
            LOG.warn("health check failed", e);
            body.put("status", "unavailable");
            body.put("database", "unreachable");
            ctx.status(503).json(body);
        }
    }
}

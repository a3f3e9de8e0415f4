package nl.zorgbeeld;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import nl.zorgbeeld.analysis.AnalysisModule;
import nl.zorgbeeld.auth.AuthModule;
import nl.zorgbeeld.auth.Principals;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.element.ElementHandler;
import nl.zorgbeeld.element.ElementService;
import nl.zorgbeeld.element.ElementStore;
import nl.zorgbeeld.health.HealthHandler;
import nl.zorgbeeld.live.LiveModule;
import nl.zorgbeeld.ogc.OgcHandler;
import nl.zorgbeeld.http.ErrorHandlers;
import nl.zorgbeeld.http.RequestIds;
import nl.zorgbeeld.picture.PictureModule;
import nl.zorgbeeld.reference.InstitutionTypes;
import nl.zorgbeeld.regie.RegieModule;
import nl.zorgbeeld.risk.RiskHandler;
import nl.zorgbeeld.risk.RiskService;
import nl.zorgbeeld.risk.RiskStore;
import nl.zorgbeeld.reference.ReferenceHandler;
import nl.zorgbeeld.reference.ReferenceService;
import nl.zorgbeeld.reference.ReferenceStore;
import nl.zorgbeeld.status.StatusModule;

/** Builds the web app: every route of the product, wired to its services. Tests use this same factory. */
public final class App {
    /** Large enough for a detailed hand-drawn or computed zone (tens of thousands of vertices). */
    public static final long MAX_REQUEST_BYTES = 2_000_000;

    private App() {}

    public static Javalin create(Config config, DataSource dataSource, String postgisVersion) {
        return create(config, dataSource, postgisVersion, AnalysisModule.create(dataSource));
    }

    /** @param analysis the network analysis, made by the caller (tests give it a recomputation executor or hook of their own) */
    public static Javalin create(Config config, DataSource dataSource, String postgisVersion, AnalysisModule analysis) {
        InstitutionTypes types = InstitutionTypes.load();
        ReferenceService reference = new ReferenceService(new ReferenceStore(dataSource), types);
        ReferenceHandler referenceHandler = new ReferenceHandler(reference);
        PictureModule incidentsAndPictures = PictureModule.create(dataSource, config);
        RegieModule regie = new RegieModule(incidentsAndPictures);
        RiskHandler risk = new RiskHandler(new RiskService(incidentsAndPictures.transactions(), new RiskStore(), java.time.Clock.systemUTC()));
        // The analysis follows the picture by listening; the element package knows nothing of it.
        ElementService elementService = new ElementService(new ElementStore(dataSource), analysis.elementListener());
        ElementHandler elements = new ElementHandler(elementService);
        OgcHandler ogc = new OgcHandler(dataSource, reference, elementService);
        AtomicReference<Javalin> running = new AtomicReference<>();
        AuthModule auth = AuthModule.create(dataSource, config.auth(), () -> config.auth().publicUrl() != null ? config.auth().publicUrl()
                : URI.create("http://localhost:" + running.get().port()));
        // Streams carry only incidents the user may see; the per-client stream limit counts per user.
        LiveModule live = new LiveModule(dataSource, config.live(), elementService::requireIncident, auth.liveVisibility(),
                ctx -> "user " + Principals.require(ctx).userId());
        HealthHandler health = new HealthHandler(reference, postgisVersion, live, Map.of("analysis", analysis::health));
        StatusModule status = StatusModule.create(dataSource, types, config.statusStaleMinutes());

        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            cfg.staticFiles.enableWebjars();
            cfg.jetty.modifyServer(server -> server.setStopTimeout(10_000));
            RequestIds.install(cfg);
            ErrorHandlers.install(cfg);
            auth.installAccess(cfg.routes);
            auth.register(cfg.routes);
            health.register(cfg.routes);
            referenceHandler.register(cfg.routes);
            incidentsAndPictures.register(cfg.routes);
            regie.register(cfg.routes);
            risk.register(cfg.routes);
            elements.register(cfg.routes);
            analysis.register(cfg);
            status.register(cfg.routes);
            ogc.register(cfg.routes);
            live.register(cfg);
            cfg.routes.get("/api/config", ctx -> ctx.json(clientConfig(config)));
        });
        running.set(app);
        return app;
    }

    /** What the browser client needs to know of the configuration. */
    private static Map<String, Object> clientConfig(Config config) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tileUrl", config.tileUrl().isBlank() ? null : config.tileUrl());
        body.put("tileAttribution", config.tileAttribution());
        return body;
    }
}

package nl.zorgbeeld;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import nl.zorgbeeld.alert.AlertModule;
import nl.zorgbeeld.analysis.AnalysisModule;
import nl.zorgbeeld.auth.AuthModule;
import nl.zorgbeeld.auth.Principals;
import nl.zorgbeeld.cap.ExternalWarningHandler;
import nl.zorgbeeld.cap.ExternalWarningService;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.element.ElementHandler;
import nl.zorgbeeld.element.ElementListener;
import nl.zorgbeeld.element.ElementService;
import nl.zorgbeeld.element.ElementStore;
import nl.zorgbeeld.health.HealthHandler;
import nl.zorgbeeld.live.LiveModule;
import nl.zorgbeeld.ogc.OgcHandler;
import nl.zorgbeeld.http.ErrorHandlers;
import nl.zorgbeeld.http.RequestIds;
import nl.zorgbeeld.picture.PictureModule;
import nl.zorgbeeld.plume.PlumeHandler;
import nl.zorgbeeld.plume.PlumeService;
import nl.zorgbeeld.reference.InstitutionTypes;
import nl.zorgbeeld.regie.RegieModule;
import nl.zorgbeeld.risk.RiskHandler;
import nl.zorgbeeld.risk.RiskService;
import nl.zorgbeeld.risk.RiskStore;
import nl.zorgbeeld.reference.ReferenceHandler;
import nl.zorgbeeld.reference.ReferenceService;
import nl.zorgbeeld.reference.ReferenceStore;
import nl.zorgbeeld.snapshot.SnapshotModule;
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
        analysis.unacknowledgedFrom(AlertModule.unacknowledged(Clock.systemUTC()));
        AlertModule alerts = new AlertModule(dataSource, config.alerts(), analysis.analysis(), types,
                config.auth().publicUrl(), Clock.systemUTC());
        // The analysis and the warning distances follow the picture by listening, each off the request;
        // the element package knows neither.
        ElementListener analysisListener = analysis.elementListener();
        ElementListener warningListener = alerts.elementListener();
        ElementService elementService = new ElementService(new ElementStore(dataSource), change -> {
            analysisListener.committed(change);
            warningListener.committed(change);
        });
        ElementHandler elements = new ElementHandler(elementService);
        PlumeHandler plumes = new PlumeHandler(new PlumeService(dataSource, elementService));
        OgcHandler ogc = new OgcHandler(dataSource, reference, elementService);
        ExternalWarningHandler externalWarnings = new ExternalWarningHandler(
                new ExternalWarningService(new Transactions(dataSource), new ChangeLog()));
        AtomicReference<Javalin> running = new AtomicReference<>();
        AuthModule auth = AuthModule.create(dataSource, config.auth(), () -> config.auth().publicUrl() != null ? config.auth().publicUrl()
                : URI.create("http://localhost:" + running.get().port()));
        // Streams carry only incidents the user may see; the per-client stream limit counts per user.
        LiveModule live = new LiveModule(dataSource, config.live(), elementService::requireIncident, auth.liveVisibility(),
                ctx -> "user " + Principals.require(ctx).userId(), alerts::institutionOf);
        HealthHandler health = new HealthHandler(reference, postgisVersion, live, Map.of("analysis", analysis::health));
        StatusModule status = StatusModule.create(dataSource, types, config.statusStaleMinutes());
        SnapshotModule snapshots = new SnapshotModule(dataSource, config.snapshots(), incidentsAndPictures.incidents(),
                incidentsAndPictures.pictures(), elementService, analysis.analysis(), java.time.Clock.systemUTC());

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
            alerts.register(cfg);
            externalWarnings.register(cfg.routes);
            status.register(cfg.routes);
            plumes.register(cfg.routes);
            ogc.register(cfg.routes);
            snapshots.configure(cfg);
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

package nl.zorgbeeld.alert;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.zorgbeeld.analysis.AnalysisService;
import nl.zorgbeeld.analysis.Unacknowledged;
import nl.zorgbeeld.auth.Principals;
import nl.zorgbeeld.channel.ChannelHandler;
import nl.zorgbeeld.channel.ChannelService;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.element.ElementListener;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.reference.InstitutionTypes;
import nl.zorgbeeld.warning.WarningHandler;
import nl.zorgbeeld.warning.WarningService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires alerting (alerts, warning distances and their warnings) and registers its routes; while the server runs, flags the recipients whose
 * acknowledgement deadline passed (every {@value #SWEEP_SECONDS} seconds).
 */
public final class AlertModule {
    private static final Logger LOG = LoggerFactory.getLogger(AlertModule.class);
    static final int SWEEP_SECONDS = 30;

    private final AlertService alerts;
    private final WarningService warnings;
    private final AlertHandler handler;
    private final WarningHandler warningHandler;
    private final ChannelService channels;
    private final ChannelHandler channelHandler;
    private ScheduledExecutorService sweeper;

    /** @param publicUrl where users reach the app (ZORGBEELD_PUBLIC_URL; null: not configured): CAP sender, links in e-mails */
    public AlertModule(DataSource dataSource, AlertConfig config, AnalysisService analysis, InstitutionTypes types, URI publicUrl,
                       Clock clock) {
        Transactions tx = new Transactions(dataSource);
        AlertStore store = new AlertStore();
        CapWriter cap = new CapWriter(capSender(publicUrl));
        alerts = new AlertService(tx, store, analysis, new ChangeLog(), config, clock);
        warnings = new WarningService(tx, analysis, new ChangeLog());
        channels = new ChannelService(tx, config.mail());
        handler = new AlertHandler(alerts, types, cap, warnings);
        warningHandler = new WarningHandler(warnings);
        channelHandler = new ChannelHandler(channels);
        // Committed alerts and warnings go out through the recipients' own channels too.
        AlertMessages messages = new AlertMessages(cap, publicUrl);
        alerts.onSent(detail -> channels.deliver(detail.recipients().stream().map(AlertViews.RecipientView::institutionId).toList(),
                messages.alert(alerts.capSource(detail.alert().incidentId(), detail.alert().id()), detail.alert())));
        warnings.onWarned(w -> channels.deliver(List.of(w.institutionId()), messages.warning(w)));
    }

    /** The CAP sender of an installation reached at {@code publicUrl} (null: not configured). */
    static String capSender(URI publicUrl) {
        String host = publicUrl == null || publicUrl.getHost() == null ? "localhost" : publicUrl.getHost();
        return "zorgbeeld@" + host;
    }

    /** What the analysis asks for its call list: the institutions that left an alert unacknowledged past its deadline. */
    public static Unacknowledged unacknowledged(Clock clock) {
        AlertStore store = new AlertStore();
        return (c, incidentId) -> store.unacknowledged(c, incidentId, OffsetDateTime.now(clock));
    }

    public void register(JavalinConfig cfg) {
        handler.register(cfg.routes);
        warningHandler.register(cfg.routes);
        channelHandler.register(cfg.routes);
        cfg.events.serverStarting(this::start);
        cfg.events.serverStopping(this::stop);
    }

    /** The care institution the request's user speaks for, or null (for the personal live stream). */
    public String institutionOf(Context ctx) {
        return alerts.institutionOf(Principals.require(ctx).userId()).orElse(null);
    }

    public AlertService alerts() {
        return alerts;
    }

    /** What the picture elements tell after each committed change: the warning distances are checked, off the request. */
    public ElementListener elementListener() {
        return warnings.elementListener();
    }

    private void start() {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alert-deadlines");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                int flagged = alerts.flagOverdue();
                if (flagged > 0) LOG.info("{} alert recipients did not acknowledge in time: flagged for the call list", flagged);
            } catch (RuntimeException e) {
                LOG.warn("flagging unacknowledged alerts failed (tried again in {} s): {}", SWEEP_SECONDS, e.getMessage());
            }
        }, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    private void stop() {
        if (sweeper != null) sweeper.shutdownNow();
        warnings.stop();
        channels.stop();
    }
}

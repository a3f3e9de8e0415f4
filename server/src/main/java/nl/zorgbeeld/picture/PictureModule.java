package nl.zorgbeeld.picture;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import javax.sql.DataSource;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.IncidentHandler;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.incident.IncidentStore;

/**
 * Wires the incident and picture capabilities and registers their routes. They are wired together
 * because every new incident gets its pictures in the transaction that creates it (through
 * {@link PictureFactory}, the incident's creation hook), and every write into a picture is checked
 * against its incident.
 */
public final class PictureModule {
    private final IncidentHandler incidents;
    private final PictureHandler pictures;
    private final BulletHandler bullets;
    private final EntryHandler entries;
    private final TemplateHandler templates;
    private final SummaryHandler summaries;
    private final IncidentService incidentService;
    private final PictureService pictureService;
    private final Transactions tx;

    public PictureModule(DataSource dataSource, Config config, Clock clock) {
        tx = new Transactions(dataSource);
        PictureStores stores = PictureStores.create();
        ChangeLog log = new ChangeLog();
        PictureFactory factory = new PictureFactory(stores, log);
        incidentService = new IncidentService(tx, new IncidentStore(), log, factory);
        incidents = new IncidentHandler(incidentService, clock);
        pictureService = new PictureService(tx, incidentService, factory, stores, new Freshness(config.staleMinutes()), clock);
        pictures = new PictureHandler(pictureService);
        bullets = new BulletHandler(new BulletService(tx, incidentService, stores));
        entries = new EntryHandler(new EntryService(tx, incidentService, stores, clock));
        templates = new TemplateHandler(new TemplateService(tx, stores.templates(), log));
        summaries = new SummaryHandler(new SummaryService(tx, incidentService, stores));
    }

    public static PictureModule create(DataSource dataSource, Config config) {
        return new PictureModule(dataSource, config, Clock.systemUTC());
    }

    /** The incidents, for capabilities that read them or work inside them (the snapshot, the regie's checks and quality). */
    public IncidentService incidents() {
        return incidentService;
    }

    /** The whole picture at any moment, for capabilities that read or evaluate it (the snapshot, the quality indicators). */
    public PictureService pictures() {
        return pictureService;
    }

    public Transactions transactions() {
        return tx;
    }

    public void register(RoutesConfig routes) {
        incidents.register(routes);
        pictures.register(routes);
        bullets.register(routes);
        entries.register(routes);
        templates.register(routes);
        summaries.register(routes);
    }
}

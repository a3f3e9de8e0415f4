package nl.zorgbeeld.status;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import javax.sql.DataSource;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.IncidentStore;
import nl.zorgbeeld.reference.InstitutionTypes;

/** Wires the institution status reports and registers their routes (the live stream of them is in live/). */
public final class StatusModule {
    private final StatusHandler handler;

    public StatusModule(DataSource dataSource, InstitutionTypes types, int staleMinutes, Clock clock) {
        StatusService service = new StatusService(new Transactions(dataSource), new StatusStore(), new IncidentStore(), new StatusEvents(new ChangeLog()),
                staleMinutes, clock);
        handler = new StatusHandler(service, types);
    }

    public static StatusModule create(DataSource dataSource, InstitutionTypes types, int staleMinutes) {
        return new StatusModule(dataSource, types, staleMinutes, Clock.systemUTC());
    }

    public void register(RoutesConfig routes) {
        handler.register(routes);
    }
}

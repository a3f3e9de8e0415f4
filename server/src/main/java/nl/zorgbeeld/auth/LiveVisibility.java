package nl.zorgbeeld.auth;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import javax.sql.DataSource;
import nl.zorgbeeld.live.IncidentVisibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Visibility for the live streams: the same rule as the route check (the incident's region, an
 * invitation of the user's organisation, everything for a beheerder; for institutions' status reports
 * the institution's region), tested for every event a stream could carry. What each incident's region and invitations are is kept in memory, read once and
 * forgotten when a change of the incident or its invitations passes, so that an invitation removed
 * stops the events at once and a new one starts them.
 */
final class LiveVisibility implements IncidentVisibility {
    /** An incident's current region and the organisations invited to it. */
    private record Scope(String regionCode, Set<Long> invited) {}

    private static final Logger LOG = LoggerFactory.getLogger(LiveVisibility.class);
    private static final Scope UNKNOWN = new Scope(null, Set.of());

    private final DataSource dataSource;
    private final AccessStore store;
    private final Map<Long, Scope> scopes = new ConcurrentHashMap<>();
    /** Per organisation: the regions (upper case) of the incidents it is invited to, whose institutions it sees. */
    private final Map<Long, Set<String>> invitedRegions = new ConcurrentHashMap<>();

    LiveVisibility(DataSource dataSource) {
        this.dataSource = dataSource;
        this.store = new AccessStore(dataSource);
    }

    @Override
    public LongPredicate forViewer(Context ctx) {
        Principal principal = Principals.require(ctx);
        if (principal.has(Role.BEHEERDER)) return incidentId -> true;
        String region = principal.regionCode();
        long organisationId = principal.organisationId();
        return incidentId -> {
            Scope scope = scope(incidentId);
            return scope.invited().contains(organisationId) || region != null && region.equalsIgnoreCase(scope.regionCode());
        };
    }

    /** The institutions of the own region and of the regions of the incidents the organisation is invited to (as Access and the overview). */
    @Override
    public Predicate<String> regionsForViewer(Context ctx) {
        Principal principal = Principals.require(ctx);
        if (principal.has(Role.BEHEERDER)) return region -> true;
        String own = principal.regionCode();
        long organisationId = principal.organisationId();
        return region -> region != null && (region.equalsIgnoreCase(own)
                || invitedRegions(organisationId).contains(region.toUpperCase(Locale.ROOT)));
    }

    @Override
    public void changed(long incidentId, String action) {
        if (action.startsWith("incident.") || action.startsWith("invitation.")) {
            scopes.remove(incidentId);
            // An invitation or an incident's region changed: which organisation it concerns is not worth tracking.
            invitedRegions.clear();
        }
    }

    private Set<String> invitedRegions(long organisationId) {
        Set<String> known = invitedRegions.get(organisationId);
        if (known != null) return known;
        try {
            Set<String> read = store.invitedRegions(organisationId);
            invitedRegions.put(organisationId, read);
            return read;
        } catch (SQLException e) {
            // Not cached: a database hiccup must not hide a region for good.
            LOG.warn("live visibility of the invited regions of organisation {} not readable, status reports withheld: {}", organisationId,
                    e.getMessage());
            return Set.of();
        }
    }

    private Scope scope(long incidentId) {
        Scope known = scopes.get(incidentId);
        if (known != null) return known;
        // Not cached when unreadable: a database hiccup must not hide an incident for good.
        Optional<Scope> read = read(incidentId);
        read.ifPresent(scope -> scopes.put(incidentId, scope));
        return read.orElse(UNKNOWN);
    }

    private Optional<Scope> read(long incidentId) {
        String sql = "SELECT v.region_code, array(SELECT inv.organisation_id FROM incident_invitation inv"
                + " WHERE inv.incident_id = i.id AND inv.removed_at IS NULL)"
                + " FROM incident i JOIN incident_version v ON v.incident_id = i.id AND v.version = i.version WHERE i.id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.of(UNKNOWN);
                Set<Long> invited = new HashSet<>();
                for (Object id : (Object[]) rs.getArray(2).getArray()) invited.add(((Number) id).longValue());
                return Optional.of(new Scope(rs.getString(1), Set.copyOf(invited)));
            }
        } catch (SQLException e) {
            LOG.warn("live visibility of incident {} not readable, its event is withheld: {}", incidentId, e.getMessage());
            return Optional.empty();
        }
    }
}

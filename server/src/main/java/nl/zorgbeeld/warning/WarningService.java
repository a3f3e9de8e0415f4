package nl.zorgbeeld.warning;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nl.zorgbeeld.analysis.AnalysisService;
import nl.zorgbeeld.analysis.AnalysisStore;
import nl.zorgbeeld.analysis.DutchWords;
import nl.zorgbeeld.analysis.Hazard;
import nl.zorgbeeld.analysis.Institution;
import nl.zorgbeeld.auth.Principal;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.element.ElementListener;
import nl.zorgbeeld.http.Etags.IfMatch;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.NewChangeEvent;
import org.locationtech.jts.geom.Coordinate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Geofenced warnings: an institution's coordinator sets how near which kinds of hazard may come;
 * whenever the picture of an incident the institution's organisation sees changes (and when the
 * setting is saved), every hazard within that distance warns the institution, once per hazard version,
 * with the distance (metres, RD New) and the direction the institution lies from it. Each warning is on
 * the incident's timeline (the Hoofd Informatie sees who was warned) and on the institution's personal
 * stream. The check after a change of the picture runs off the writing request ({@link WarningChecks}).
 */
public final class WarningService {
    private static final Logger LOG = LoggerFactory.getLogger(WarningService.class);
    /** Below this the institution is "at" a point hazard: no direction can be told. */
    private static final double AT = 0.5;
    private static final int MAX_LIST = 200;

    private final Transactions tx;
    private final WarningStore store = new WarningStore();
    private final AnalysisStore institutions = new AnalysisStore();
    private final AnalysisService analysis;
    private final ChangeLog log;
    private final WarningChecks checks = new WarningChecks(this::afterChange);
    private volatile Consumer<ProximityWarning> onWarned = w -> { };

    public WarningService(Transactions tx, AnalysisService analysis, ChangeLog log) {
        this.tx = tx;
        this.analysis = analysis;
        this.log = log;
    }

    /** What the picture elements tell after each committed change: the incident's check is queued. */
    public ElementListener elementListener() {
        return checks;
    }

    /** Stops the thread of the checks, letting one in progress finish. */
    public void stop() {
        checks.stop();
    }

    /** Told of every warning after it is committed (the outbound channels). */
    public void onWarned(Consumer<ProximityWarning> listener) {
        this.onWarned = listener;
    }

    public static String path(long incidentId) {
        return "/api/incidents/" + incidentId + "/warnings";
    }

    public WarningSetting setting(String institutionId) {
        return tx.run(c -> {
            requireInstitution(c, institutionId);
            return store.setting(c, institutionId, false).orElse(WarningSetting.none(institutionId));
        });
    }

    /**
     * Saves the setting; the first needs no If-Match ({@code ifMatch} null), a later one the version it
     * changes (428, 412). Then checks the open incidents the organisation sees: a hazard already near warns at once.
     */
    public WarningSetting save(String institutionId, IfMatch ifMatch, double distance, List<String> kinds, Principal principal) {
        WarningSetting saved = tx.run(c -> {
            requireInstitution(c, institutionId);
            Optional<WarningSetting> current = store.setting(c, institutionId, true);
            int next = checkVersion(current, ifMatch) + 1;
            if (!store.save(c, institutionId, distance, kinds, next, principal.organisationId(), principal.actor())) {
                throw ApiException.preconditionFailed("A warning distance was set for " + institutionId + " in the meantime",
                        store.setting(c, institutionId, false).orElseThrow());
            }
            return store.setting(c, institutionId, false).orElseThrow();
        });
        List<Long> incidents = tx.run(c -> store.openIncidentsSeenBy(c, principal.organisationId()));
        for (long incident : incidents) check(incident, institutionId, principal.actor());
        return saved;
    }

    public void delete(String institutionId, IfMatch ifMatch) {
        tx.run(c -> {
            Optional<WarningSetting> current = store.setting(c, institutionId, true);
            if (current.isEmpty()) throw ApiException.notFound("No warning distance is set for " + institutionId);
            checkVersion(current, ifMatch);
            store.delete(c, institutionId);
            return null;
        });
    }

    /** The current version, after checking that {@code ifMatch} names it (0 when there is no setting yet). */
    private static int checkVersion(Optional<WarningSetting> current, IfMatch ifMatch) {
        if (current.isEmpty()) {
            if (ifMatch != null && !ifMatch.any() && !ifMatch.matches(0)) {
                throw ApiException.preconditionFailed("There is no warning distance yet", WarningSetting.none(null));
            }
            return 0;
        }
        if (ifMatch == null) {
            throw ApiException.preconditionRequired("A warning distance is set already: send If-Match with the ETag you read");
        }
        if (!ifMatch.matches(current.get().version())) {
            throw ApiException.preconditionFailed("The warning distance was changed in the meantime: version " + current.get().version()
                    + " is current", current.get());
        }
        return current.get().version();
    }

    private void requireInstitution(Connection c, String institutionId) throws SQLException {
        institutions.institutionName(c, institutionId).orElseThrow(() -> ApiException.notFound("No institution '" + institutionId + "'"));
    }

    /** Who the incident's hazards warned, after the checks of the changes made so far. */
    public List<ProximityWarning> ofIncident(long incidentId) {
        checks.settle(incidentId);
        return tx.run(c -> store.ofIncident(c, incidentId, MAX_LIST));
    }

    /** The warnings to an institution, newest first, after the checks of the changes made so far. */
    public List<ProximityWarning> ofInstitution(String institutionId, int limit) {
        checks.settleAll();
        return tx.run(c -> store.ofInstitution(c, institutionId, limit));
    }

    /** After a change of the incident's picture: warn whoever a hazard came near. Never throws (the change stands). */
    private void afterChange(long incidentId, Actor actor) {
        try {
            check(incidentId, null, actor);
        } catch (RuntimeException e) {
            LOG.error("checking the warning distances for incident {} failed", incidentId, e);
        }
    }

    /** Warns for the hazards of the incident within the institutions' distances ({@code only}: one institution, else all). */
    public List<ProximityWarning> check(long incidentId, String only, Actor actor) {
        List<Hazard> hazards = analysis.hazards(incidentId);
        List<ProximityWarning> warned = tx.run(c -> {
            Optional<WarningStore.IncidentState> incident = store.incident(c, incidentId);
            if (incident.isEmpty() || incident.get().closed() || hazards.isEmpty()) return List.<ProximityWarning>of();
            List<WarningSetting> settings = store.settingsSeeing(c, incidentId, incident.get().regionCode()).stream()
                    .filter(s -> only == null || only.equals(s.institutionId())).toList();
            if (settings.isEmpty()) return List.<ProximityWarning>of();
            Map<String, Institution> byId = new HashMap<>();
            for (Institution i : institutions.institutionsById(c, settings.stream().map(WarningSetting::institutionId).toList())) {
                byId.put(i.id(), i);
            }
            List<ProximityWarning> found = new ArrayList<>();
            for (WarningSetting setting : settings) {
                Institution institution = byId.get(setting.institutionId());
                if (institution == null) continue;
                for (Hazard hazard : hazards) {
                    if (!setting.hazardKinds().contains(hazard.kind())) continue;
                    Optional<ProximityWarning> w = warn(c, incidentId, institution, hazard, setting.distance(), actor);
                    w.ifPresent(found::add);
                }
            }
            return found;
        });
        for (ProximityWarning w : warned) {
            try {
                onWarned.accept(w);
            } catch (RuntimeException e) {
                LOG.error("warning {} was recorded, but passing it to the outbound channels failed", w.id(), e);
            }
        }
        return warned;
    }

    private Optional<ProximityWarning> warn(Connection c, long incidentId, Institution institution, Hazard hazard, double limit,
                                            Actor actor) throws SQLException {
        Coordinate p = new Coordinate(institution.x(), institution.y());
        double distance = hazard.shape().distance(p);
        if (distance > limit) return Optional.empty();
        Double bearing = null;
        String direction = null;
        String description;
        if (distance == 0 && hazard.insideZone() != null) {
            description = "Binnen " + hazard.phrase();
        } else if (distance < AT) {
            description = "Op " + hazard.phrase();
        } else {
            Coordinate from = hazard.shape().nearestPoint(p);
            bearing = Math.round(DutchWords.bearing(from.x, from.y, p.x, p.y) * 10) / 10.0;
            direction = DutchWords.direction(bearing);
            description = DutchWords.distance(distance) + " ten " + direction + " van " + hazard.phrase();
        }
        Optional<Long> id = store.insert(c, new WarningStore.NewWarning(incidentId, institution.id(), institution.name(),
                hazard.elementId(), hazard.version(), hazard.kind(), hazard.effectZone(), hazard.label(), Math.round(distance * 10) / 10.0,
                limit, bearing, direction, description));
        if (id.isEmpty()) return Optional.empty();
        ProximityWarning warning = store.warning(c, id.get());
        log.record(c, NewChangeEvent.of(incidentId, "warning.issued", path(incidentId) + "/" + id.get(), null,
                        NewChangeEvent.excerpt("Waarschuwing aan " + institution.name() + ": " + description),
                        Map.of("institutionId", institution.id(), "distance", warning.distance()), actor)
                .withData(warning).withAudience(List.of(institution.id())));
        return Optional.of(warning);
    }
}

package nl.zorgbeeld.analysis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.http.Etags.IfMatch;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.incident.NewChangeEvent;

/**
 * The stakeholder status of institutions in an incident: read, and set with optimistic locking.
 * The first status of an institution needs no If-Match (there is nothing to overwrite); every later
 * one must name the version it changes. Each change is a new version and is on the incident's timeline.
 */
public final class StakeholderService {
    private final Transactions tx;
    private final StakeholderStore stakeholders;
    private final AnalysisStore analysis;
    private final ChangeLog log;

    public StakeholderService(Transactions tx, StakeholderStore stakeholders, AnalysisStore analysis, ChangeLog log) {
        this.tx = tx;
        this.stakeholders = stakeholders;
        this.analysis = analysis;
        this.log = log;
    }

    /** What is asked: the new status and note (null for none). */
    public record Change(StakeholderStatus status, String note) {}

    /** The current status and every recorded version, oldest first. */
    public record WithHistory(Stakeholder current, List<Stakeholder> history) {}

    public List<Stakeholder> all(long incidentId) {
        return tx.run(c -> {
            requireIncident(c, incidentId);
            return stakeholders.all(c, incidentId);
        });
    }

    /** The status of a known institution; version 0 (te beoordelen) when none was recorded. */
    public WithHistory get(long incidentId, String institutionId) {
        return tx.run(c -> {
            requireIncident(c, incidentId);
            Optional<Stakeholder> current = stakeholders.current(c, incidentId, institutionId, false);
            if (current.isPresent()) return new WithHistory(current.get(), stakeholders.history(c, incidentId, institutionId));
            return new WithHistory(Stakeholder.initial(institutionId, requireInstitution(c, institutionId)), List.of());
        });
    }

    /**
     * Sets the status. {@code ifMatch} is null when the request had no If-Match: allowed for the first
     * status only (428 afterwards); a stale one is answered 412 with the current status.
     */
    public Stakeholder set(long incidentId, String institutionId, IfMatch ifMatch, Change change, Actor actor) {
        return tx.run(c -> {
            requireWritable(c, incidentId);
            Optional<Stakeholder> current = stakeholders.current(c, incidentId, institutionId, true);
            if (current.isEmpty()) {
                String name = requireInstitution(c, institutionId);
                if (ifMatch != null && !ifMatch.any()) throw stale(Stakeholder.initial(institutionId, name));
                if (stakeholders.claim(c, incidentId, institutionId)) {
                    return record(c, incidentId, Stakeholder.initial(institutionId, name), change, actor);
                }
                // Someone else recorded the first status in the meantime: the caller has not seen it.
                throw stale(stakeholders.current(c, incidentId, institutionId, true).orElseThrow());
            }
            if (ifMatch == null) {
                throw ApiException.preconditionRequired("The status of " + current.get().institutionName() + " has been set before:"
                        + " send If-Match with the ETag of the version you changed");
            }
            if (!ifMatch.matches(current.get().version())) throw stale(current.get());
            boolean same = current.get().status() == change.status() && Objects.equals(current.get().note(), change.note());
            return same ? current.get() : record(c, incidentId, current.get(), change, actor);
        });
    }

    private Stakeholder record(Connection c, long incidentId, Stakeholder before, Change change, Actor actor) throws SQLException {
        int version = before.version() + 1;
        Stakeholder next = new Stakeholder(before.institutionId(), before.institutionName(), change.status(), change.note(),
                version, null, actor);
        stakeholders.insertVersion(c, incidentId, version, next, actor);
        String summary = NewChangeEvent.excerpt(before.institutionName() + ": " + change.status().label()
                + (change.note() == null ? "" : " (" + change.note() + ")"));
        Stakeholder recorded = stakeholders.current(c, incidentId, before.institutionId(), false).orElseThrow();
        log.record(c, NewChangeEvent.of(incidentId, "stakeholder.status", StakeholderHandler.path(incidentId, before.institutionId()),
                version, summary, Map.of("status", Map.of("from", before.status().code(), "to", change.status().code())), actor)
                .withData(StakeholderView.of(recorded)));
        return recorded;
    }

    private static ApiException stale(Stakeholder current) {
        return ApiException.preconditionFailed("The status of " + current.institutionName() + " was changed in the meantime: version "
                + current.version() + " is current. Apply your change to it (in 'current') and send it again.",
                StakeholderView.of(current));
    }

    private void requireIncident(Connection c, long incidentId) throws SQLException {
        analysis.incidentStatus(c, incidentId).orElseThrow(() -> AnalysisService.unknownIncident(incidentId));
    }

    private void requireWritable(Connection c, long incidentId) throws SQLException {
        String status = analysis.incidentStatus(c, incidentId).orElseThrow(() -> AnalysisService.unknownIncident(incidentId));
        if (analysis.archived(c, incidentId)) throw IncidentService.archived(incidentId);
        if ("gesloten".equals(status)) {
            throw ApiException.conflict("incident", "Incident " + incidentId + " is closed (gesloten): its statuses can be read, not changed");
        }
    }

    private String requireInstitution(Connection c, String institutionId) throws SQLException {
        return analysis.institutionName(c, institutionId).orElseThrow(() -> ApiException.notFound("No institution '" + institutionId + "'"));
    }
}

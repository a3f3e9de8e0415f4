package nl.zorgbeeld.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.http.Etags.IfMatch;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.IncidentStore;
import nl.zorgbeeld.status.StatusContent.BedCount;
import nl.zorgbeeld.status.StatusOverview.BedTotal;

/**
 * Institution status reports: storing a report (a new version each time, never changing an older
 * one), confirming the latest unchanged, reading the status now or at an earlier moment, its
 * history, and the overview of many institutions with the age of each report against the norm.
 */
public final class StatusService {
    /** Clocks of the reporter and the server may differ a little; a report further in the future is a mistake. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    static final int MAX_HISTORY = 1000;

    private final Transactions tx;
    private final StatusStore store;
    private final IncidentStore incidents;
    private final StatusEvents events;
    private final int staleMinutes;
    private final Clock clock;

    StatusService(Transactions tx, StatusStore store, IncidentStore incidents, StatusEvents events, int staleMinutes, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.incidents = incidents;
        this.events = events;
        this.staleMinutes = staleMinutes;
        this.clock = clock;
    }

    public int staleMinutes() {
        return staleMinutes;
    }

    /**
     * Stores a report as the institution's next version. {@code ifMatch} (may be null) guards
     * against overwriting a report someone else made since the reporter read the status.
     */
    public StatusItem report(String institutionId, NewReport report, IfMatch ifMatch, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.run(c -> {
            InstitutionRef institution = requireInstitution(c, institutionId);
            requireMayReport(actor, institution);
            StatusReport stored = store(c, institution, report, null, ifMatch, actor, now);
            return item(c, institution, stored, now, null);
        });
    }

    /**
     * "Ongewijzigd bevestigen": a new version with the content of the latest report and a new
     * time. {@code ifMatch} is required, so that what is confirmed is what the reporter saw.
     */
    public StatusItem confirm(String institutionId, OffsetDateTime reportedAt, Long incidentId, IfMatch ifMatch, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.run(c -> {
            InstitutionRef institution = requireInstitution(c, institutionId);
            requireMayReport(actor, institution);
            int version = store.lock(c, institution.id());
            if (version == 0) {
                throw ApiException.conflict("status", institution.name() + " has no status report yet: there is nothing to confirm."
                        + " Send a report first.");
            }
            checkVersion(c, institution, version, ifMatch, now);
            StatusReport latest = store.latest(c, institution.id(), null).orElseThrow();
            Long incident = incidentId != null ? incidentId : latest.incidentId();
            NewReport again = new NewReport(reportedAt, incident, latest.content(), NewReport.API);
            StatusReport stored = store(c, institution, again, version, null, actor, now);
            return item(c, institution, stored, now, null);
        });
    }

    /**
     * Stores several reports at once (an EDXL-HAVE import): all or nothing. Errors name the report
     * by its position ({@code Hospital[2]...}).
     */
    public List<StatusItem> reportAll(List<ImportedReport> reports, Long incidentId, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<String> seen = new HashSet<>();
        for (ImportedReport r : reports) {
            if (!seen.add(r.institutionId())) {
                throw ApiException.badBody(r.where(), "Institution '" + r.institutionId() + "' appears twice in one import");
            }
        }
        return tx.run(c -> {
            List<StatusItem> items = new ArrayList<>();
            for (ImportedReport r : reports) {
                InstitutionRef institution = store.institution(c, r.institutionId()).orElseThrow(() -> new ApiException(404, "NotFound",
                        "Not found", "There is no institution '" + r.institutionId() + "' (" + r.where() + ")", r.where()));
                requireMayReport(actor, institution);
                NewReport report = new NewReport(r.reportedAt(), incidentId, r.content(), NewReport.HAVE);
                try {
                    items.add(item(c, institution, store(c, institution, report, null, null, actor, now), now, null));
                } catch (ApiException e) {
                    // The report's time is LastUpdateTime in the document.
                    String field = "reportedAt".equals(e.where()) ? "LastUpdateTime" : e.where();
                    throw new ApiException(e.status(), e.code(), e.title(), r.where() + ": " + e.detail(),
                            field == null ? r.where() : r.where() + "/" + field, e.extensions());
                }
            }
            return items;
        });
    }

    /** The institution's status now ({@code at} null) or at {@code at}. */
    public StatusItem current(String institutionId, OffsetDateTime at) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.run(c -> {
            InstitutionRef institution = requireInstitution(c, institutionId);
            return item(c, institution, store.latest(c, institution.id(), at).orElse(null), at == null ? now : at, at);
        });
    }

    /** The reports describing moments from {@code from} to {@code to}, oldest first (the latest {@code limit}). */
    public List<StatusReport> history(String institutionId, OffsetDateTime from, OffsetDateTime to, int limit) {
        return tx.run(c -> {
            InstitutionRef institution = requireInstitution(c, institutionId);
            return store.history(c, institution.id(), from, to, limit);
        });
    }

    public InstitutionRef institution(String institutionId) {
        return tx.run(c -> requireInstitution(c, institutionId));
    }

    /** The institutions matching the filter with their status at {@code at} (null: now) and the bed totals. */
    public StatusOverview overview(OverviewFilter filter, OffsetDateTime at) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime moment = at == null ? now : at;
        return tx.run(c -> {
            List<StatusStore.Row> rows = store.overview(c, filter, at);
            Set<String> regions = store.regionsWithActiveIncident(c, at);
            Set<Long> linked = new HashSet<>();
            rows.stream().filter(r -> r.report() != null && r.report().incidentId() != null).forEach(r -> linked.add(r.report().incidentId()));
            Set<Long> active = store.activeIncidents(c, linked, at);
            List<StatusItem> items = rows.stream().map(r -> item(r.institution(), r.report(), moment, regions, active)).toList();
            return new StatusOverview(at, moment, filter.region(), staleMinutes, items, totals(items));
        });
    }

    /**
     * Who may report for an institution: an informatiecoordinator of that institution, or a
     * hoofd-informatie or beheerder (issue 10). Until access control exists every writer who names
     * themselves may; then the Principal's institution and roles decide here (403 for another
     * institution than one's own).
     */
    void requireMayReport(Actor actor, InstitutionRef institution) {
        // Filled in from the Principal once access control lands: see the class comment.
    }

    static String path(String institutionId) {
        return "/api/institutions/" + institutionId + "/status";
    }

    private StatusReport store(Connection c, InstitutionRef institution, NewReport report, Integer confirms, IfMatch ifMatch, Actor actor,
                               OffsetDateTime now) throws SQLException {
        OffsetDateTime reportedAt = report.reportedAt() == null ? now : report.reportedAt();
        if (reportedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.badBody("reportedAt", "reportedAt (" + reportedAt + ") is in the future; the server's time is " + now);
        }
        int version = store.lock(c, institution.id());
        checkVersion(c, institution, version, ifMatch, now);
        StatusReport previous = version == 0 ? null : store.latest(c, institution.id(), null).orElseThrow();
        if (previous != null && reportedAt.isBefore(previous.reportedAt())) {
            throw ApiException.badBody("reportedAt", "reportedAt (" + reportedAt + ") is before the latest report of " + institution.name()
                    + " (" + previous.reportedAt() + "); a status report cannot be placed before a newer one");
        }
        if (report.incidentId() != null) requireWritableIncident(c, report.incidentId());
        store.insert(c, institution, version + 1, reportedAt, report.incidentId(), confirms, report.source(), report.content(), actor);
        StatusReport stored = store.latest(c, institution.id(), null).orElseThrow();
        events.reported(c, institution, previous, stored, actor);
        return stored;
    }

    private void checkVersion(Connection c, InstitutionRef institution, int version, IfMatch ifMatch, OffsetDateTime now) throws SQLException {
        if (ifMatch == null || ifMatch.matches(version)) return;
        StatusItem current = item(c, institution, version == 0 ? null : store.latest(c, institution.id(), null).orElseThrow(), now, null);
        throw ApiException.preconditionFailed("The status of " + institution.name() + " was reported by someone else in the meantime:"
                + " it is at version " + version + ". Check the current report (in 'current') and send yours again.", current);
    }

    private void requireWritableIncident(Connection c, long incidentId) throws SQLException {
        Incident incident = incidents.lock(c, incidentId, false)
                .orElseThrow(() -> ApiException.badBody("incidentId", "There is no incident " + incidentId));
        if (incident.state().closed()) {
            throw ApiException.conflict("incidentId", "Incident " + incidentId + " is closed (status gesloten): reports cannot be added to it");
        }
    }

    private InstitutionRef requireInstitution(Connection c, String institutionId) throws SQLException {
        return store.institution(c, institutionId)
                .orElseThrow(() -> ApiException.notFound("There is no institution '" + institutionId + "' in the reference layer"));
    }

    private StatusItem item(Connection c, InstitutionRef institution, StatusReport report, OffsetDateTime moment, OffsetDateTime at)
            throws SQLException {
        Set<String> regions = store.regionsWithActiveIncident(c, at);
        Set<Long> active = report == null || report.incidentId() == null ? Set.of() : store.activeIncidents(c, Set.of(report.incidentId()), at);
        return item(institution, report, moment, regions, active);
    }

    private StatusItem item(InstitutionRef institution, StatusReport report, OffsetDateTime moment, Set<String> activeRegions,
                            Set<Long> activeIncidents) {
        boolean normApplies = (institution.regionCode() != null && activeRegions.contains(institution.regionCode()))
                || (report != null && report.incidentId() != null && activeIncidents.contains(report.incidentId()));
        if (report == null) return new StatusItem(institution, null, null, normApplies, false);
        long age = Math.max(0, Duration.between(report.reportedAt(), moment).toSeconds());
        return new StatusItem(institution, report, age, normApplies, normApplies && age > staleMinutes * 60L);
    }

    private static Map<String, BedTotal> totals(List<StatusItem> items) {
        Map<String, BedTotal> totals = new LinkedHashMap<>();
        for (BedType type : BedType.values()) {
            Integer available = null;
            Integer total = null;
            int reporting = 0;
            for (StatusItem item : items) {
                if (item.report() == null) continue;
                BedCount count = item.report().content().beds().get(type.code());
                if (count == null) continue;
                if (count.available() != null) {
                    available = (available == null ? 0 : available) + count.available();
                    reporting++;
                }
                if (count.total() != null) total = (total == null ? 0 : total) + count.total();
            }
            if (available != null || total != null) totals.put(type.code(), new BedTotal(available, total, reporting));
        }
        return totals;
    }
}

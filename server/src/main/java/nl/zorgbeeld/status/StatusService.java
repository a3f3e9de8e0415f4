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
import nl.zorgbeeld.common.Visibility;
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
    public StatusItem report(String institutionId, NewReport report, IfMatch ifMatch, Reporter reporter) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.run(c -> {
            InstitutionRef institution = requireInstitution(c, institutionId, reporter.visibility());
            requireMayReport(reporter, institution, null);
            StatusReport stored = store(c, institution, report, null, ifMatch, reporter, now);
            return item(c, institution, stored, now, null);
        });
    }

    /**
     * "Ongewijzigd bevestigen": a new version with the content of the latest report and a new
     * time. {@code ifMatch} is required, so that what is confirmed is what the reporter saw.
     */
    public StatusItem confirm(String institutionId, OffsetDateTime reportedAt, Long incidentId, IfMatch ifMatch, Reporter reporter) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.run(c -> {
            InstitutionRef institution = requireInstitution(c, institutionId, reporter.visibility());
            requireMayReport(reporter, institution, null);
            int version = store.lock(c, institution.id());
            if (version == 0) {
                throw ApiException.conflict("status", institution.name() + " has no status report yet: there is nothing to confirm."
                        + " Send a report first.");
            }
            checkVersion(c, institution, version, ifMatch, now);
            StatusReport latest = store.latest(c, institution.id(), null).orElseThrow();
            Long incident = incidentId != null ? incidentId : latest.incidentId();
            NewReport again = new NewReport(reportedAt, incident, latest.content(), NewReport.API);
            StatusReport stored = store(c, institution, again, version, null, reporter, now);
            return item(c, institution, stored, now, null);
        });
    }

    /**
     * Stores several reports at once (an EDXL-HAVE import): all or nothing, so one institution the
     * reporter may not report for refuses the whole document. Errors name the report by its position
     * ({@code Hospital[2]...}).
     */
    public List<StatusItem> reportAll(List<ImportedReport> reports, Long incidentId, Reporter reporter) {
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
                InstitutionRef institution = store.institution(c, r.institutionId(), reporter.visibility()).orElseThrow(() -> new ApiException(
                        404, "NotFound", "Not found", "There is no institution '" + r.institutionId() + "' (" + r.where() + ")", r.where()));
                requireMayReport(reporter, institution, r.where());
                NewReport report = new NewReport(r.reportedAt(), incidentId, r.content(), NewReport.HAVE);
                try {
                    items.add(item(c, institution, store(c, institution, report, null, null, reporter, now), now, null));
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
    public StatusItem current(String institutionId, OffsetDateTime at, Visibility visibility) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.run(c -> {
            InstitutionRef institution = requireInstitution(c, institutionId, visibility);
            return item(c, institution, store.latest(c, institution.id(), at).orElse(null), at == null ? now : at, at);
        });
    }

    /** The reports describing moments from {@code from} to {@code to}, oldest first (the latest {@code limit}). */
    public List<StatusReport> history(String institutionId, OffsetDateTime from, OffsetDateTime to, int limit, Visibility visibility) {
        return tx.run(c -> {
            InstitutionRef institution = requireInstitution(c, institutionId, visibility);
            return store.history(c, institution.id(), from, to, limit);
        });
    }

    public InstitutionRef institution(String institutionId, Visibility visibility) {
        return tx.run(c -> requireInstitution(c, institutionId, visibility));
    }

    /**
     * The institutions matching the filter that {@code visibility} sees, with their status at
     * {@code at} (null: now) and the bed totals.
     */
    public StatusOverview overview(OverviewFilter filter, OffsetDateTime at, Visibility visibility) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime moment = at == null ? now : at;
        return tx.run(c -> {
            List<StatusStore.Row> rows = store.overview(c, filter, at, visibility);
            Set<String> regions = store.regionsWithActiveIncident(c, at);
            Set<Long> linked = new HashSet<>();
            rows.stream().filter(r -> r.report() != null && r.report().incidentId() != null).forEach(r -> linked.add(r.report().incidentId()));
            Set<Long> active = store.activeIncidents(c, linked, at);
            List<StatusItem> items = rows.stream().map(r -> item(r.institution(), r.report(), moment, regions, active)).toList();
            return new StatusOverview(at, moment, filter.region(), staleMinutes, items, totals(items));
        });
    }

    /**
     * Who may report for an institution: its informatiecoordinator, or a hoofd-informatie of its
     * region (auth/AccessRules; the route check has refused the others already, except for the
     * institutions named inside an import). 403 otherwise, at {@code where} (the Hospital of an import).
     */
    private static void requireMayReport(Reporter reporter, InstitutionRef institution, String where) {
        if (reporter.mayReport().test(institution)) return;
        throw new ApiException(403, "Forbidden", "Forbidden", (where == null ? "" : where + ": ") + "You may not report the status of "
                + institution.name() + " (" + institution.id() + "): an informatiecoördinator reports for its own institution,"
                + " a hoofd-informatie for the institutions of its safety region", where);
    }

    static String path(String institutionId) {
        return "/api/institutions/" + institutionId + "/status";
    }

    private StatusReport store(Connection c, InstitutionRef institution, NewReport report, Integer confirms, IfMatch ifMatch, Reporter reporter,
                               OffsetDateTime now) throws SQLException {
        Actor actor = reporter.actor();
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
        if (report.incidentId() != null) requireWritableIncident(c, report.incidentId(), reporter.visibility());
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

    /** An incident the reporter can see (another is "no incident", as everywhere) that is not closed. */
    private void requireWritableIncident(Connection c, long incidentId, Visibility visibility) throws SQLException {
        ApiException none = ApiException.badBody("incidentId", "There is no incident " + incidentId);
        if (!store.incidentVisible(c, incidentId, visibility)) throw none;
        Incident incident = incidents.lock(c, incidentId, false).orElseThrow(() -> none);
        if (incident.state().closed()) {
            throw ApiException.conflict("incidentId", "Incident " + incidentId + " is closed (status gesloten): reports cannot be added to it");
        }
    }

    private InstitutionRef requireInstitution(Connection c, String institutionId, Visibility visibility) throws SQLException {
        return store.institution(c, institutionId, visibility)
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

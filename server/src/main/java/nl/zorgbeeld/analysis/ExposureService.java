package nl.zorgbeeld.analysis;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import nl.zorgbeeld.analysis.AnalysisStore.ChangeRow;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.plume.ForecastInfo;
import nl.zorgbeeld.plume.ForecastReach;
import nl.zorgbeeld.plume.PlumeInfo;
import nl.zorgbeeld.plume.PlumeOverlay;
import nl.zorgbeeld.plume.PlumeOverlays;
import nl.zorgbeeld.plume.Threat;

/**
 * "Mijn blootstelling": for the locations of one institution or organisation, their zone and the
 * distance and direction to the nearest hazard, the current plume's threat (how bad it gets there, and
 * when) and the latest forecast's first hour, with what changed for them since a given moment.
 */
public final class ExposureService {
    /** More locations than any organisation has; bounds the work of one request. */
    public static final int MAX_LOCATIONS = 5000;
    private static final int MAX_CHANGES = 1000;
    private static final int MAX_SUBJECTS = 20;

    private final Transactions tx;
    private final AnalysisStore store;
    private final HazardLoader hazards;
    private final Clock clock;
    private final LongConsumer upToDate;
    private final PlumeOverlays plumes;

    /** @param upToDate brings an incident's recorded analysis up to date with its picture (the changes shown come from it) */
    public ExposureService(Transactions tx, AnalysisStore store, HazardCache cache, Clock clock, LongConsumer upToDate, PlumeOverlays plumes) {
        this.tx = tx;
        this.store = store;
        this.hazards = new HazardLoader(store, cache);
        this.clock = clock;
        this.upToDate = upToDate;
        this.plumes = plumes;
    }

    /** Which locations: institution ids, or else all locations of an organisation. */
    public record Subject(List<String> institutionIds, String organisation) {}

    /** @param plume the current plume (null when none); @param forecast the latest forecast (null when none) */
    public record Result(long incidentId, OffsetDateTime computedAt, Rings rings, List<Hazard> hazards, List<Exposure> locations,
                         PlumeInfo plume, ForecastInfo forecast) {}

    public Result exposure(long incidentId, Subject subject, Rings rings, OffsetDateTime since) {
        upToDate.accept(incidentId);
        return tx.run(c -> {
            List<Hazard> current = hazards.load(c, incidentId).orElseThrow(() -> AnalysisService.unknownIncident(incidentId)).hazards();
            List<Institution> found = subject.organisation() != null
                    ? store.institutionsOfOrganisation(c, subject.organisation())
                    : store.institutionsById(c, subject.institutionIds());
            requireFound(subject, found);
            AnalysisStore.Marks marks = store.marks(c, incidentId);
            List<String> ids = found.stream().map(Institution::id).toList();
            Map<String, List<ChangeRow>> changes = store.changes(c, incidentId, since, ids, MAX_CHANGES).stream()
                    .collect(Collectors.groupingBy(ChangeRow::institutionId));
            PlumeOverlay overlay = plumes.load(c, incidentId);
            List<Exposure> locations = new ArrayList<>();
            for (Institution institution : found) {
                Exposure e = ExposureCalculator.locate(institution, current, rings);
                Threat threat = overlay.threatAt(institution.x(), institution.y());
                ForecastReach reach = overlay.reachOf(institution.id());
                locations.add(new Exposure(institution, marks.status(institution), e.zone(), e.zoneHazard(), e.distance(), e.nearest(),
                        PlumeWords.withPlume(e.description(), threat, reach), changes.getOrDefault(institution.id(), List.of()), threat, reach));
            }
            return new Result(incidentId, OffsetDateTime.now(clock), rings, current, locations, overlay.plume(), overlay.forecast());
        });
    }

    /** Institutions and organisations whose name contains {@code text}, to choose whose exposure to show. */
    public List<AnalysisStore.Found> subjects(String text) {
        return tx.run(c -> store.search(c, text, MAX_SUBJECTS));
    }

    private static void requireFound(Subject subject, List<Institution> found) {
        if (subject.organisation() != null) {
            if (found.isEmpty()) {
                throw ApiException.notFound("No institution locations of organisation '" + subject.organisation() + "'");
            }
            if (found.size() > MAX_LOCATIONS) {
                throw ApiException.badParameter("organisation", "Organisation '" + subject.organisation() + "' has " + found.size()
                        + " locations; at most " + MAX_LOCATIONS + " can be shown at once: ask by institution");
            }
            return;
        }
        Set<String> missing = new LinkedHashSet<>(subject.institutionIds());
        found.forEach(f -> missing.remove(f.id()));
        if (!missing.isEmpty()) throw ApiException.notFound("No institution " + String.join(", ", missing));
    }
}

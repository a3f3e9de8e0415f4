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

/**
 * "Mijn blootstelling": for the locations of one institution or organisation, their zone and the
 * distance and direction to the nearest hazard, with what changed for them since a given moment.
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

    /** @param upToDate brings an incident's recorded analysis up to date with its picture (the changes shown come from it) */
    public ExposureService(Transactions tx, AnalysisStore store, HazardCache cache, Clock clock, LongConsumer upToDate) {
        this.tx = tx;
        this.store = store;
        this.hazards = new HazardLoader(store, cache);
        this.clock = clock;
        this.upToDate = upToDate;
    }

    /** Which locations: institution ids, or else all locations of an organisation. */
    public record Subject(List<String> institutionIds, String organisation) {}

    public record Result(long incidentId, OffsetDateTime computedAt, Rings rings, List<Hazard> hazards, List<Exposure> locations) {}

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
            List<Exposure> locations = new ArrayList<>();
            for (Institution institution : found) {
                Exposure e = ExposureCalculator.locate(institution, current, rings);
                locations.add(new Exposure(institution, marks.status(institution), e.zone(), e.zoneHazard(), e.distance(), e.nearest(),
                        e.description(), changes.getOrDefault(institution.id(), List.of())));
            }
            return new Result(incidentId, OffsetDateTime.now(clock), rings, current, locations);
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

package nl.zorgbeeld.analysis;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.zorgbeeld.analysis.AnalysisStore.Candidate;
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

    private final Transactions tx;
    private final AnalysisStore store;
    private final HazardLoader hazards;
    private final Clock clock;

    public ExposureService(Transactions tx, AnalysisStore store, HazardCache cache, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.hazards = new HazardLoader(store, cache);
        this.clock = clock;
    }

    /** Which locations: institution ids, or else all locations of an organisation. */
    public record Subject(List<String> institutionIds, String organisation) {}

    public record Result(long incidentId, OffsetDateTime computedAt, Rings rings, List<Hazard> hazards, List<Exposure> locations) {}

    public Result exposure(long incidentId, Subject subject, Rings rings, OffsetDateTime since) {
        return tx.run(c -> {
            List<Hazard> current = hazards.load(c, incidentId).orElseThrow(() -> AnalysisService.unknownIncident(incidentId));
            List<Candidate> found = subject.organisation() != null
                    ? store.institutionsOfOrganisation(c, incidentId, subject.organisation())
                    : store.institutionsById(c, incidentId, subject.institutionIds());
            requireFound(subject, found);
            List<String> ids = found.stream().map(f -> f.institution().id()).toList();
            Map<String, List<ChangeRow>> changes = store.changes(c, incidentId, since, ids, MAX_CHANGES).stream()
                    .collect(Collectors.groupingBy(ChangeRow::institutionId));
            List<Exposure> locations = new ArrayList<>();
            for (Candidate candidate : found) {
                Exposure e = ExposureCalculator.locate(candidate.institution(), current, rings);
                locations.add(new Exposure(e.institution(), candidate.status(), e.zone(), e.zoneHazard(), e.distance(), e.nearest(),
                        e.description(), changes.getOrDefault(candidate.institution().id(), List.of())));
            }
            return new Result(incidentId, OffsetDateTime.now(clock), rings, current, locations);
        });
    }

    private static void requireFound(Subject subject, List<Candidate> found) {
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
        found.forEach(f -> missing.remove(f.institution().id()));
        if (!missing.isEmpty()) throw ApiException.notFound("No institution " + String.join(", ", missing));
    }
}

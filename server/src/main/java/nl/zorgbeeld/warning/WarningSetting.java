package nl.zorgbeeld.warning;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * How near a hazard may come before an institution wants to know: a distance in metres and the kinds
 * of hazard that count (incidentlocatie, incidentgebied, effectgebied: plume zones are effect zones).
 * Version 0 is "none set".
 */
public record WarningSetting(String institutionId, Double distance, List<String> hazardKinds, int version, OffsetDateTime updatedAt,
                             String author, String organisation) {
    public static final List<String> KINDS = List.of("incidentlocatie", "incidentgebied", "effectgebied");

    public WarningSetting {
        hazardKinds = List.copyOf(hazardKinds);
    }

    public static WarningSetting none(String institutionId) {
        return new WarningSetting(institutionId, null, List.of(), 0, null, null, null);
    }
}

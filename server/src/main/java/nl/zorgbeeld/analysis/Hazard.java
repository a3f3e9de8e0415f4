package nl.zorgbeeld.analysis;

import java.util.UUID;

/**
 * A current picture element that can affect institutions: the incident location, the incident area
 * or an effect zone, with its indexed geometry.
 *
 * @param rowId      the stored version's row (immutable, so it keys the geometry cache)
 * @param effectZone the zone attribute of an effect zone (LBW, AGW, VRW or free text); null otherwise
 */
public record Hazard(UUID elementId, long rowId, int version, String kind, String label, String effectZone, HazardShape shape) {
    public static final String LOCATION = "incidentlocatie";
    public static final String AREA = "incidentgebied";
    public static final String EFFECT = "effectgebied";

    /** The zone of an institution inside this hazard; null for the incident location (a point has no inside). */
    public Zone insideZone() {
        return switch (kind) {
            case EFFECT -> Zone.effect(effectZone);
            case AREA -> Zone.INCIDENT_AREA;
            default -> null;
        };
    }

    /** What the hazard is called in a Dutch sentence: het effectgebied AGW, het incidentgebied, de incidentlocatie. */
    public String phrase() {
        return switch (kind) {
            case EFFECT -> "het effectgebied " + effectZone;
            case AREA -> "het incidentgebied";
            default -> "de incidentlocatie";
        };
    }

    /** Hazards of equal distance are told apart by severity: an effect zone before the area before the location. */
    int severity() {
        Zone zone = insideZone();
        return zone == null ? Zone.Kind.values().length : zone.kind().ordinal();
    }
}

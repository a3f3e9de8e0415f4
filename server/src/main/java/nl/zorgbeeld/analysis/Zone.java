package nl.zorgbeeld.analysis;

import java.util.Comparator;

/**
 * Where an institution lies relative to the hazards of an incident, from most to least severe:
 * inside an effect zone LBW, AGW, VRW, inside another (free text) effect zone, inside the incident
 * area, then within a buffer ring (inside out). Its {@link #key()} is stored and sent to clients.
 *
 * @param kind  the kind of zone, in order of severity
 * @param name  the free text zone of an {@link Kind#EFFECTGEBIED}; null otherwise
 * @param ring  the ring distance in metres of a {@link Kind#RING}; 0 otherwise
 */
public record Zone(Kind kind, String name, double ring) implements Comparable<Zone> {
    public static final Zone LBW = new Zone(Kind.LBW, null, 0);
    public static final Zone AGW = new Zone(Kind.AGW, null, 0);
    public static final Zone VRW = new Zone(Kind.VRW, null, 0);
    public static final Zone INCIDENT_AREA = new Zone(Kind.INCIDENTGEBIED, null, 0);

    private static final Comparator<Zone> SEVERITY = Comparator.comparing(Zone::kind)
            .thenComparingDouble(Zone::ring)
            .thenComparing(z -> z.name == null ? "" : z.name);

    /** The kinds in order of severity (the enum order). */
    public enum Kind { LBW, AGW, VRW, EFFECTGEBIED, INCIDENTGEBIED, RING }

    /** The zone inside an effect zone whose zone attribute is {@code zone} (LBW, AGW, VRW or free text). */
    public static Zone effect(String zone) {
        return switch (zone) {
            case "LBW" -> LBW;
            case "AGW" -> AGW;
            case "VRW" -> VRW;
            default -> new Zone(Kind.EFFECTGEBIED, zone, 0);
        };
    }

    public static Zone ring(double metres) {
        return new Zone(Kind.RING, null, metres);
    }

    /** The zone of a stored {@link #key()}. */
    public static Zone parse(String key) {
        if (key.equals("incidentgebied")) return INCIDENT_AREA;
        if (key.startsWith("ring:")) return ring(Double.parseDouble(key.substring("ring:".length())));
        if (key.startsWith("effectgebied:")) return effect(key.substring("effectgebied:".length()));
        return effect(key);
    }

    /** LBW, AGW, VRW, effectgebied:{name}, incidentgebied or ring:{metres}. */
    public String key() {
        return switch (kind) {
            case LBW, AGW, VRW -> kind.name();
            case EFFECTGEBIED -> "effectgebied:" + name;
            case INCIDENTGEBIED -> "incidentgebied";
            case RING -> "ring:" + Rings.plain(ring);
        };
    }

    /** effectgebied, incidentgebied or ring. */
    public String group() {
        return switch (kind) {
            case LBW, AGW, VRW, EFFECTGEBIED -> "effectgebied";
            case INCIDENTGEBIED -> "incidentgebied";
            case RING -> "ring";
        };
    }

    /** The Dutch label shown to users. */
    public String label() {
        return switch (kind) {
            case LBW, AGW, VRW -> "Effectgebied " + kind.name();
            case EFFECTGEBIED -> "Effectgebied " + name;
            case INCIDENTGEBIED -> "Incidentgebied";
            case RING -> "Binnen " + DutchWords.distance(ring);
        };
    }

    public boolean isRing() {
        return kind == Kind.RING;
    }

    /** Negative when this zone is more severe than {@code other}. */
    @Override
    public int compareTo(Zone other) {
        return SEVERITY.compare(this, other);
    }
}

package nl.zorgbeeld.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * The geometry of the network analysis, in memory and exact in RD New: for each candidate point the
 * most severe zone it lies in and its shortest distance to any hazard. Pure: the same input gives
 * the same output, so it is tested with hand-made geometries.
 */
public final class Analyzer {
    /** Severity first, then distance, then name and id so that the order is stable. */
    public static final Comparator<Affected> ORDER = Comparator.comparing(Affected::zone)
            .thenComparingDouble(Affected::distance)
            .thenComparing(a -> a.institution().name())
            .thenComparing(a -> a.institution().id());

    private Analyzer() {}

    /** The affected institutions among {@code candidates}, in {@link #ORDER}. */
    public static List<Affected> analyse(List<Hazard> hazards, Rings rings, List<Institution> candidates) {
        List<Affected> affected = new ArrayList<>();
        if (hazards.isEmpty()) return affected;
        double reach = rings.max();
        for (Institution institution : candidates) {
            Affected found = locate(institution, hazards, rings, reach);
            if (found != null) affected.add(found);
        }
        affected.sort(ORDER);
        return affected;
    }

    /** The zone of one institution, or null when it lies beyond {@code reach} of every hazard. */
    static Affected locate(Institution institution, List<Hazard> hazards, Rings rings, double reach) {
        Coordinate p = new Coordinate(institution.x(), institution.y());
        Zone inside = null;
        Hazard insideHazard = null;
        double nearestDistance = Double.POSITIVE_INFINITY;
        Hazard nearest = null;
        for (Hazard hazard : hazards) {
            HazardShape shape = hazard.shape();
            // The envelope bounds the distance from below: a hazard whose envelope is out of reach cannot matter.
            if (shape.envelopeDistance(p) > reach) continue;
            boolean covered = shape.covers(p);
            double distance = covered ? 0 : shape.distanceToEdge(p);
            if (distance < nearestDistance || (distance == nearestDistance && hazard.severity() < nearest.severity())) {
                nearestDistance = distance;
                nearest = hazard;
            }
            Zone zone = hazard.insideZone();
            if (zone != null && covered && (inside == null || zone.compareTo(inside) < 0)) {
                inside = zone;
                insideHazard = hazard;
            }
        }
        if (inside != null) return new Affected(institution, inside, insideHazard, 0);
        Zone ring = nearest == null ? null : rings.ringFor(nearestDistance);
        return ring == null ? null : new Affected(institution, ring, nearest, nearestDistance);
    }
}

package nl.zorgbeeld.analysis;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * The exposure of single locations, at any distance (not limited to the rings). Pure, like
 * {@link Analyzer}, whose zone rules it shares.
 */
final class ExposureCalculator {
    /** Below this a location is "at" a point hazard: no direction can be told. */
    private static final double AT = 0.5;

    private ExposureCalculator() {}

    /** The exposure of {@code institution}; its status and changes are filled in by the caller. */
    static Exposure locate(Institution institution, List<Hazard> hazards, Rings rings) {
        if (hazards.isEmpty()) {
            return new Exposure(institution, null, null, null, null, null,
                    "Er is geen incidentlocatie, incidentgebied of effectgebied getekend", List.of(), null, null);
        }
        Coordinate p = new Coordinate(institution.x(), institution.y());
        Affected inRings = Analyzer.locate(institution, hazards, rings, rings.max());
        Zone zone = inRings == null ? null : inRings.zone();
        boolean inside = zone != null && !zone.isRing();
        double distance = 0;
        if (!inside) distance = hazards.stream().mapToDouble(h -> h.shape().distance(p)).min().orElseThrow();
        Exposure.Bearing nearest = nearestOutside(p, hazards, inside ? zone : null);
        String description = describe(inside ? inRings.hazard() : null, nearest);
        return new Exposure(institution, null, zone, inRings == null ? null : inRings.hazard(), distance, nearest, description, List.of(), null, null);
    }

    /** The nearest hazard not covering {@code p} and, when {@code zone} is given, more severe than it. */
    private static Exposure.Bearing nearestOutside(Coordinate p, List<Hazard> hazards, Zone zone) {
        Hazard best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Hazard hazard : hazards) {
            if (hazard.shape().covers(p)) continue;
            Zone its = hazard.insideZone();
            if (zone != null && (its == null || its.compareTo(zone) >= 0)) continue;
            double d = hazard.shape().distanceToEdge(p);
            if (d < bestDistance || (d == bestDistance && hazard.severity() < best.severity())) {
                best = hazard;
                bestDistance = d;
            }
        }
        if (best == null) return null;
        Coordinate from = best.shape().nearestPoint(p);
        double bearing = DutchWords.bearing(from.x, from.y, p.x, p.y);
        return new Exposure.Bearing(best, bestDistance, bearing, DutchWords.direction(bearing));
    }

    /**
     * "Binnen het effectgebied VRW; 300 m ten noorden van het effectgebied AGW" or "1,8 km ten zuidwesten
     * van het effectgebied AGW". Outside every area there is always a nearest hazard.
     */
    static String describe(Hazard inside, Exposure.Bearing nearest) {
        String within = inside == null ? null : "Binnen " + inside.phrase();
        if (nearest == null) return within;
        String away = away(nearest);
        return within == null ? away : within + "; " + away;
    }

    private static String away(Exposure.Bearing nearest) {
        Hazard hazard = nearest.hazard();
        if (nearest.distance() < AT) {
            return (hazard.insideZone() == null ? "Op " : "Op de rand van ") + hazard.phrase();
        }
        return DutchWords.distance(nearest.distance()) + " ten " + nearest.direction() + " van " + hazard.phrase();
    }
}

package nl.zorgbeeld.plume;

import java.util.EnumMap;
import java.util.Map;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;

/**
 * Answers the threat of one plume at many places: the zones and confidence areas are indexed once
 * (JTS's IndexedPointInAreaLocator), after which a place costs about log n of the outline's vertices.
 * A place on a zone's boundary counts as inside. Not thread-safe (the locators build lazily).
 */
public final class ThreatLocator {
    private static final double SWEEP_STEP = 1;

    private final Plume plume;
    private final Map<ZoneLevel, IndexedPointInAreaLocator> zones = new EnumMap<>(ZoneLevel.class);
    private final Map<ZoneLevel, IndexedPointInAreaLocator> confidence = new EnumMap<>(ZoneLevel.class);

    ThreatLocator(Plume plume) {
        this.plume = plume;
        for (PlumeZone zone : plume.zones()) {
            if (!zone.isEmpty()) zones.put(zone.level(), new IndexedPointInAreaLocator(zone.area()));
        }
        for (ConfidenceLine line : plume.confidence()) confidence.put(line.level(), new IndexedPointInAreaLocator(line.area()));
    }

    /** The threat at a place given in RD New. */
    public Threat at(Coordinate rd) {
        ZoneLevel zone = innermost(zones, rd);
        ZoneLevel confidenceZone = innermost(confidence, rd);
        Source source = plume.input().source();
        Double distance = source == null ? null : Math.hypot(rd.x - source.x(), rd.y - source.y());
        PlumeFrame frame = plume.frame();
        if (frame == null) return new Threat(zone, confidenceZone, distance, null, null, null, null, null, null);
        double downwind = frame.downwind(rd);
        double crosswind = frame.crosswind(rd);
        Double arrival = plume.arrivalSpeed() != null && downwind > 0 ? downwind / plume.arrivalSpeed() : null;
        GaussianPlume model = plume.gaussian();
        if (model == null) return new Threat(zone, confidenceZone, distance, downwind, crosswind, arrival, null, null, null);
        return new Threat(zone, confidenceZone, distance, downwind, crosswind, arrival,
                model.groundLevel(downwind, crosswind), model.centreLine(downwind), worst(model, frame, rd));
    }

    private static ZoneLevel innermost(Map<ZoneLevel, IndexedPointInAreaLocator> areas, Coordinate rd) {
        for (ZoneLevel level : ZoneLevel.INSIDE_OUT) {
            IndexedPointInAreaLocator locator = areas.get(level);
            if (locator != null && locator.locate(rd) != Location.EXTERIOR) return level;
        }
        return null;
    }

    /** The highest concentration at the place over wind directions within the half angle, in steps of a degree. */
    private double worst(GaussianPlume model, PlumeFrame frame, Coordinate rd) {
        double half = plume.model().halfAngle();
        int steps = (int) Math.ceil(2 * half / SWEEP_STEP);
        double worst = 0;
        for (int i = 0; i <= steps; i++) {
            PlumeFrame turned = frame.turned(-half + 2 * half * i / steps);
            worst = Math.max(worst, model.groundLevel(turned.downwind(rd), turned.crosswind(rd)));
        }
        return worst;
    }
}

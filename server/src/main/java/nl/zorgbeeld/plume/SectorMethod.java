package nl.zorgbeeld.plume;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Polygon;

/**
 * Makes a wind-sector plume: per zone a circular sector from the source with the zone's length as
 * radius, centred on the downwind direction, the asked half angle to either side; a half angle of
 * 180 degrees gives a full circle. Arcs are drawn in steps of at most {@value #STEP_DEGREES} degree.
 */
final class SectorMethod {
    static final double STEP_DEGREES = 1;

    private SectorMethod() {}

    static Plume plume(SectorInput input) {
        PlumeFrame frame = PlumeFrame.of(input.source(), input.windDirection());
        List<PlumeZone> zones = new ArrayList<>();
        for (ZoneLevel level : ZoneLevel.INSIDE_OUT) {
            double length = input.lengths().of(level);
            zones.add(new PlumeZone(level, sector(frame, length, input.halfAngle()), length, null, false));
        }
        List<Notice> warnings = new ArrayList<>();
        if (input.windSpeed() != null && input.windSpeed() < Wind.MIN_VALID_SPEED) warnings.add(Notices.windBelowValidity(input.windSpeed()));
        return new Plume(input, zones, List.of(), null, Notices.SECTOR_LIMITS, warnings, frame, input.windSpeed(), null);
    }

    /** The sector in RD New, counter-clockwise: from the source out along the right-hand edge, the arc, back along the left. */
    static Polygon sector(PlumeFrame frame, double radius, double halfAngleDegrees) {
        boolean circle = halfAngleDegrees >= SectorInput.MAX_HALF_ANGLE;
        int steps = (int) Math.ceil(2 * halfAngleDegrees / STEP_DEGREES);
        double half = Math.toRadians(halfAngleDegrees);
        CoordinateList ring = new CoordinateList();
        if (!circle) ring.add(frame.toRd(0, 0));
        for (int i = 0; i <= steps; i++) {
            double angle = -half + 2 * half * i / steps;
            ring.add(frame.toRd(radius * Math.cos(angle), radius * Math.sin(angle)), false);
        }
        ring.closeRing();
        return Geometries.RD.createPolygon(ring.toCoordinateArray());
    }
}

package nl.zorgbeeld.plume;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Polygon;

/**
 * Sweeps a zone over the wind directions within plus or minus a half angle. In polar coordinates
 * around the source (radius r, angle from the plume's axis), let P(r) be the largest angle at which
 * the circle of radius r meets the zone; the zone being symmetric, turning the wind by up to alpha
 * either way covers every angle within alpha + P(r) at that radius. So the swept area is bounded by
 * the curves at plus and minus (alpha + P(r)) from the zone's nearest point to its farthest, closed
 * by arcs: its outline is exact up to the sampling of the zone itself. P(r) is measured on the
 * zone's outline at every radius where the outline has a vertex. The arc beyond the zone's end is
 * drawn just outside the circle (its chords touch it), so the swept area holds the whole zone.
 */
final class ConfidenceSweep {
    private static final double ARC_STEP = Math.toRadians(2);
    /** Keeps the swept area a simple polygon even for a very wide zone and half angle. */
    private static final double MAX_ANGLE = Math.toRadians(179);

    private ConfidenceSweep() {}

    static ConfidenceLine sweep(ZoneProfile zone, PlumeFrame frame, double halfAngleDegrees) {
        double[][] outline = halfOutline(zone);
        int n = outline.length;
        double[] radius = new double[n];
        for (int i = 0; i < n; i++) radius[i] = Math.hypot(outline[i][0], outline[i][1]);
        double[] radii = Arrays.stream(radius).distinct().sorted().toArray();
        double alpha = Math.toRadians(halfAngleDegrees);
        double[] angle = new double[radii.length];
        for (int k = 0; k < radii.length; k++) angle[k] = Math.min(MAX_ANGLE, alpha + widestAngle(outline, radius, radii[k]));

        CoordinateList ring = new CoordinateList();
        double innermost = radii[0];
        int last = radii.length - 1;
        if (innermost == 0) ring.add(frame.toRd(0, 0), false);
        for (int k = 0; k <= last; k++) {
            if (radii[k] > 0) ring.add(polar(frame, radii[k], -angle[k]), false);
        }
        arc(ring, frame, radii[last], -angle[last], angle[last], true);
        for (int k = last; k >= 0; k--) {
            if (radii[k] > 0) ring.add(polar(frame, radii[k], angle[k]), false);
        }
        if (innermost > 0) arc(ring, frame, innermost, angle[0], -angle[0], false);
        ring.closeRing();
        Polygon area = Geometries.RD.createPolygon(ring.toCoordinateArray());
        return new ConfidenceLine(zone.level(), area, area.getExteriorRing(), halfAngleDegrees);
    }

    /** The zone's left-hand outline (y at least 0) from its start to its end, down to the axis where it was cut off. */
    private static double[][] halfOutline(ZoneProfile zone) {
        int n = zone.size();
        boolean cut = zone.w(n - 1) > 0;
        double[][] points = new double[cut ? n + 1 : n][];
        for (int i = 0; i < n; i++) points[i] = new double[] {zone.x(i), zone.w(i)};
        if (cut) points[n] = new double[] {zone.x(n - 1), 0};
        return points;
    }

    /** The largest angle from the axis at which the circle of radius r crosses the outline. */
    private static double widestAngle(double[][] outline, double[] radius, double r) {
        double widest = 0;
        for (int i = 0; i < outline.length - 1; i++) {
            double lo = Math.min(radius[i], radius[i + 1]);
            double hi = Math.max(radius[i], radius[i + 1]);
            if (r > hi || (r < lo && !passesCloser(outline[i], outline[i + 1], r))) continue;
            widest = Math.max(widest, crossingAngle(outline[i], outline[i + 1], r));
        }
        return widest;
    }

    /** Whether the segment comes closer to the source than r between its ends (so r &lt; both ends' radii can still cross it). */
    private static boolean passesCloser(double[] p, double[] q, double r) {
        double dx = q[0] - p[0];
        double dy = q[1] - p[1];
        double length2 = dx * dx + dy * dy;
        if (length2 == 0) return false;
        double t = -(p[0] * dx + p[1] * dy) / length2;
        if (t <= 0 || t >= 1) return false;
        return Math.hypot(p[0] + t * dx, p[1] + t * dy) <= r;
    }

    /** The largest angle of the points where the segment p-q meets the circle of radius r; 0 when it does not. */
    private static double crossingAngle(double[] p, double[] q, double r) {
        double dx = q[0] - p[0];
        double dy = q[1] - p[1];
        double a = dx * dx + dy * dy;
        double b = 2 * (p[0] * dx + p[1] * dy);
        double c = p[0] * p[0] + p[1] * p[1] - r * r;
        if (a == 0) return Math.atan2(p[1], p[0]);
        double discriminant = Math.max(0, b * b - 4 * a * c);
        double root = Math.sqrt(discriminant);
        double widest = 0;
        for (double t : new double[] {(-b - root) / (2 * a), (-b + root) / (2 * a)}) {
            double clamped = Math.max(0, Math.min(1, t));
            if (Math.abs(clamped - t) > 1e-9) continue;
            widest = Math.max(widest, Math.atan2(p[1] + clamped * dy, p[0] + clamped * dx));
        }
        return widest;
    }

    /**
     * An arc of radius r in steps of at most 2 degrees; {@code outside}: its vertices moved out so
     * that its chords touch the circle (inner arcs are drawn with chords inside it, which also only
     * adds to the area).
     */
    private static void arc(CoordinateList ring, PlumeFrame frame, double r, double from, double to, boolean outside) {
        int steps = Math.max(1, (int) Math.ceil(Math.abs(to - from) / ARC_STEP));
        double radius = outside ? r / Math.cos(Math.abs(to - from) / steps / 2) : r;
        for (int i = 0; i <= steps; i++) ring.add(polar(frame, radius, from + (to - from) * i / steps), false);
    }

    private static Coordinate polar(PlumeFrame frame, double r, double angle) {
        return frame.toRd(r * Math.cos(angle), r * Math.sin(angle));
    }
}

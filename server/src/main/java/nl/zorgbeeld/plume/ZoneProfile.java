package nl.zorgbeeld.plume;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Polygon;

/**
 * The outline of one Gaussian zone in plume coordinates: at each sampled distance x downwind, the
 * half width w of the ground-level area above the threshold. The zone is symmetric about the axis;
 * w is 0 at both ends, except at the far end when the zone was cut off at the model's maximum
 * distance ({@link #clipped()}).
 */
final class ZoneProfile {
    private final ZoneLevel level;
    private final double threshold;
    private final double[] x;
    private final double[] w;
    private final boolean clipped;

    ZoneProfile(ZoneLevel level, double threshold, double[] x, double[] w, boolean clipped) {
        this.level = level;
        this.threshold = threshold;
        this.x = x.clone();
        this.w = w.clone();
        this.clipped = clipped;
    }

    static ZoneProfile empty(ZoneLevel level, double threshold) {
        return new ZoneProfile(level, threshold, new double[0], new double[0], false);
    }

    ZoneLevel level() { return level; }
    double threshold() { return threshold; }
    boolean isEmpty() { return x.length == 0; }
    boolean clipped() { return clipped; }
    int size() { return x.length; }
    double x(int i) { return x[i]; }
    double w(int i) { return w[i]; }

    /** The reach: how far downwind the zone ends, in metres. */
    double end() { return isEmpty() ? 0 : x[x.length - 1]; }

    /**
     * The zone as a polygon in RD New: along the right-hand side (negative y) away from the source,
     * then back along the left-hand side, which is counter-clockwise. Empty when the threshold is
     * nowhere reached.
     */
    Polygon polygon(PlumeFrame frame) {
        if (isEmpty()) return Geometries.RD.createPolygon();
        CoordinateList ring = new CoordinateList();
        for (int i = 0; i < x.length; i++) ring.add(frame.toRd(x[i], -w[i]), false);
        for (int i = x.length - 1; i >= 0; i--) {
            if (w[i] > 0) ring.add(frame.toRd(x[i], w[i]), false);
        }
        ring.closeRing();
        Coordinate[] coordinates = ring.toCoordinateArray();
        return Geometries.RD.createPolygon(coordinates);
    }
}

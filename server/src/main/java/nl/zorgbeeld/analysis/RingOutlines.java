package nl.zorgbeeld.analysis;

import java.util.ArrayList;
import java.util.List;
import nl.zorgbeeld.geo.RdNew;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * The rings drawn on the map: for each ring distance the union of the hazards grown by it, in WGS84.
 * For display only (the analysis measures exact distances): each hazard is first simplified by a
 * hundredth of the ring, because buffering a detailed or noisy zone as drawn can take seconds.
 */
public final class RingOutlines {
    private static final int QUADRANT_SEGMENTS = 8;

    private RingOutlines() {}

    public record Outline(double ring, Geometry wgs84) {}

    public static List<Outline> of(List<Hazard> hazards, Rings rings) {
        List<Outline> outlines = new ArrayList<>();
        if (hazards.isEmpty()) return outlines;
        RdNew rd = new RdNew();
        for (double ring : rings.metres()) {
            List<Geometry> grown = new ArrayList<>();
            for (Hazard hazard : hazards) {
                Geometry shape = DouglasPeuckerSimplifier.simplify(hazard.shape().geometry(), ring / 100);
                grown.add(BufferOp.bufferOp(shape, ring, new BufferParameters(QUADRANT_SEGMENTS)));
            }
            outlines.add(new Outline(ring, toWgs84(UnaryUnionOp.union(grown), rd)));
        }
        return outlines;
    }

    private static Geometry toWgs84(Geometry rdGeometry, RdNew rd) {
        Geometry copy = rdGeometry.copy();
        copy.apply((CoordinateFilter) c -> {
            Coordinate lonLat = rd.toWgs84(c.x, c.y);
            c.x = lonLat.x;
            c.y = lonLat.y;
        });
        copy.geometryChanged();
        return copy;
    }
}

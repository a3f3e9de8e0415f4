package nl.zorgbeeld.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * The exact distance from a point to the segments of a geometry's linework (a point counts as one
 * segment of length zero), through a packed R-tree in flat arrays searched depth first, nearest
 * child first, pruned by the best distance so far. It does what JTS's IndexedFacetDistance does, at a
 * fraction of the cost per point: no tree is built for the query point and nothing is allocated
 * beyond a few small arrays, which matters when every request measures a thousand points.
 * Immutable and thread-safe.
 */
final class SegmentIndex {
    /** Children per node: small nodes prune well for points. */
    private static final int FANOUT = 8;

    private final double[] x0;
    private final double[] y0;
    private final double[] x1;
    private final double[] y1;
    /** Node boxes; nodes [0, leafNodes) hold segments, the others hold nodes; the last node is the root. */
    private final double[] minX;
    private final double[] minY;
    private final double[] maxX;
    private final double[] maxY;
    private final int[] first;
    private final int[] count;
    private final int leafNodes;
    private final int depth;

    SegmentIndex(Geometry geometry) {
        List<double[]> segments = segments(geometry);
        if (segments.isEmpty()) throw new IllegalArgumentException("an empty geometry has no distance");
        double[][] sorted = strOrder(segments.toArray(new double[0][]), s -> (s[0] + s[2]) / 2, s -> (s[1] + s[3]) / 2);
        int n = sorted.length;
        x0 = new double[n];
        y0 = new double[n];
        x1 = new double[n];
        y1 = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = sorted[i][0];
            y0[i] = sorted[i][1];
            x1[i] = sorted[i][2];
            y1[i] = sorted[i][3];
        }
        List<double[]> nodes = new ArrayList<>();
        for (int start = 0; start < n; start += FANOUT) {
            int end = Math.min(n, start + FANOUT);
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, start, end - start};
            for (int i = start; i < end; i++) {
                box[0] = Math.min(box[0], Math.min(x0[i], x1[i]));
                box[1] = Math.min(box[1], Math.min(y0[i], y1[i]));
                box[2] = Math.max(box[2], Math.max(x0[i], x1[i]));
                box[3] = Math.max(box[3], Math.max(y0[i], y1[i]));
            }
            nodes.add(box);
        }
        leafNodes = nodes.size();
        int levelStart = 0;
        int levelEnd = nodes.size();
        while (levelEnd - levelStart > 1) {
            double[][] level = strOrder(nodes.subList(levelStart, levelEnd).toArray(new double[0][]),
                    b -> (b[0] + b[2]) / 2, b -> (b[1] + b[3]) / 2);
            for (int i = 0; i < level.length; i++) nodes.set(levelStart + i, level[i]);
            for (int start = levelStart; start < levelEnd; start += FANOUT) {
                int end = Math.min(levelEnd, start + FANOUT);
                double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, start, end - start};
                for (int i = start; i < end; i++) {
                    double[] child = nodes.get(i);
                    box[0] = Math.min(box[0], child[0]);
                    box[1] = Math.min(box[1], child[1]);
                    box[2] = Math.max(box[2], child[2]);
                    box[3] = Math.max(box[3], child[3]);
                }
                nodes.add(box);
            }
            levelStart = levelEnd;
            levelEnd = nodes.size();
        }
        int size = nodes.size();
        int levels = 1;
        for (int n2 = leafNodes; n2 > 1; n2 = (n2 + FANOUT - 1) / FANOUT) levels++;
        depth = levels;
        minX = new double[size];
        minY = new double[size];
        maxX = new double[size];
        maxY = new double[size];
        first = new int[size];
        count = new int[size];
        for (int i = 0; i < size; i++) {
            double[] box = nodes.get(i);
            minX[i] = box[0];
            minY[i] = box[1];
            maxX[i] = box[2];
            maxY[i] = box[3];
            first[i] = (int) box[4];
            count[i] = (int) box[5];
        }
    }

    /** The shortest distance from (x, y) to the linework. */
    double distance(double x, double y) {
        return Math.sqrt(nearest(x, y)[0]);
    }

    /** The point of the linework nearest to (x, y). */
    Coordinate nearestPoint(double x, double y) {
        int segment = (int) nearest(x, y)[1];
        double dx = x1[segment] - x0[segment];
        double dy = y1[segment] - y0[segment];
        double length2 = dx * dx + dy * dy;
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0[segment]) * dx + (y - y0[segment]) * dy) / length2));
        return new Coordinate(x0[segment] + t * dx, y0[segment] + t * dy);
    }

    /** {squared distance, index of the nearest segment}. */
    private double[] nearest(double x, double y) {
        double[] best = {Double.POSITIVE_INFINITY, -1};
        search(minX.length - 1, x, y, best, new double[depth * FANOUT], new int[depth * FANOUT], 0);
        return best;
    }

    /** Visits the children of {@code node} nearest first, skipping those farther than the best so far. */
    private void search(int node, double x, double y, double[] best, double[] distances, int[] order, int frame) {
        int start = first[node];
        int n = count[node];
        if (node < leafNodes) {
            for (int i = start; i < start + n; i++) {
                double d = segmentDistance2(i, x, y);
                if (d < best[0]) {
                    best[0] = d;
                    best[1] = i;
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double d = boxDistance2(start + i, x, y);
            int j = frame + i;
            while (j > frame && distances[j - 1] > d) {
                distances[j] = distances[j - 1];
                order[j] = order[j - 1];
                j--;
            }
            distances[j] = d;
            order[j] = start + i;
        }
        for (int i = frame; i < frame + n && distances[i] < best[0]; i++) {
            search(order[i], x, y, best, distances, order, frame + FANOUT);
        }
    }

    private double boxDistance2(int node, double x, double y) {
        double dx = Math.max(0, Math.max(minX[node] - x, x - maxX[node]));
        double dy = Math.max(0, Math.max(minY[node] - y, y - maxY[node]));
        return dx * dx + dy * dy;
    }

    private double segmentDistance2(int i, double x, double y) {
        double dx = x1[i] - x0[i];
        double dy = y1[i] - y0[i];
        double length2 = dx * dx + dy * dy;
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0[i]) * dx + (y - y0[i]) * dy) / length2));
        double ex = x0[i] + t * dx - x;
        double ey = y0[i] + t * dy - y;
        return ex * ex + ey * ey;
    }

    /** Sort-Tile-Recursive order: vertical slices by x, each sorted by y, so that runs of FANOUT are compact. */
    private static double[][] strOrder(double[][] items, ToDoubleFunction<double[]> cx, ToDoubleFunction<double[]> cy) {
        double[][] sorted = items.clone();
        Arrays.sort(sorted, Comparator.comparingDouble(cx));
        int groups = (int) Math.ceil(sorted.length / (double) FANOUT);
        int slices = (int) Math.ceil(Math.sqrt(groups));
        int perSlice = slices * FANOUT;
        for (int start = 0; start < sorted.length; start += perSlice) {
            Arrays.sort(sorted, start, Math.min(sorted.length, start + perSlice), Comparator.comparingDouble(cy));
        }
        return sorted;
    }

    /** Each segment as {x0, y0, x1, y1}; a point as one segment of length zero. */
    private static List<double[]> segments(Geometry geometry) {
        List<double[]> segments = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Point p && !p.isEmpty()) {
                segments.add(new double[] {p.getX(), p.getY(), p.getX(), p.getY()});
            }
        }
        for (Object line : LinearComponentExtracter.getLines(geometry)) {
            Coordinate[] c = ((LineString) line).getCoordinates();
            for (int i = 1; i < c.length; i++) segments.add(new double[] {c[i - 1].x, c[i - 1].y, c[i].x, c[i].y});
            if (c.length == 1) segments.add(new double[] {c[0].x, c[0].y, c[0].x, c[0].y});
        }
        return segments;
    }
}

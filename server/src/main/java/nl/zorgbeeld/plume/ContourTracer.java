package nl.zorgbeeld.plume;

import java.util.ArrayList;
import java.util.List;

/**
 * Traces the ground-level zones of a Gaussian plume above each threshold. Because
 * C(x,y,0) = C(x,0,0) exp(-y^2 / 2sy^2), the zone is bounded by the half width
 * w(x) = sy(x) sqrt(2 ln(C(x,0,0) / T)) wherever the centre line exceeds T; so only the centre line
 * needs searching:
 * <ol>
 * <li>the centre line is sampled at {@value #COARSE} distances spaced evenly on a log scale from
 *     {@value #MIN_X} m to {@value #MAX_X} m; around its maximum, the distances where it crosses each
 *     threshold are found by bisection (a zone starting closer than 1 m starts at the source);</li>
 * <li>all zones share one set of distances (the samples between their ends plus the ends), refined
 *     by halving every interval where the half width of any zone departs from a straight line by more
 *     than a tolerance (a thousandth of the widest half width, at least 5 cm), so the outline is smooth
 *     where it bends, such as the rounded far end;</li>
 * <li>a zone still above its threshold at {@value #MAX_X} m is cut off there and marked clipped
 *     (an inner zone {@value #CUT_STEP} m before the next larger one, so that the straight cuts do not
 *     share an edge, which would leave nesting to rounding).</li>
 * </ol>
 * Sharing the distances keeps the zones nested as polygons, not only as exact shapes: at every
 * distance a higher threshold has the smaller half width, and straight lines between the same
 * distances keep that order.
 */
final class ContourTracer {
    static final double MIN_X = 1;
    static final double MAX_X = 30_000;
    static final int COARSE = 120;
    private static final int MAX_DEPTH = 20;
    private static final double MIN_STEP = 0.01;
    private static final int BISECTIONS = 60;
    static final double CUT_STEP = 1;

    private final GaussianPlume plume;
    private final List<ZoneLevel> levels = new ArrayList<>();
    private final List<Double> thresholds = new ArrayList<>();
    private final List<Span> spans = new ArrayList<>();
    private double tolerance;

    private ContourTracer(GaussianPlume plume) {
        this.plume = plume;
    }

    /** The zones for the three thresholds, LBW first. */
    static List<ZoneProfile> trace(GaussianPlume plume, Thresholds thresholds) {
        return new ContourTracer(plume).run(thresholds);
    }

    private record Sample(double x, double centre, double sigmaY) {}

    /** Where a zone starts and ends downwind; clipped when it was cut off at the end. */
    private record Span(double start, double end, boolean clipped) {}

    private Sample sample(double x) {
        return new Sample(x, plume.centreLine(x), plume.sigmaY(x));
    }

    private List<ZoneProfile> run(Thresholds given) {
        Sample[] coarse = new Sample[COARSE];
        double ratio = Math.log(MAX_X / MIN_X) / (COARSE - 1);
        int peak = 0;
        for (int i = 0; i < COARSE; i++) {
            coarse[i] = sample(i == COARSE - 1 ? MAX_X : MIN_X * Math.exp(ratio * i));
            if (coarse[i].centre > coarse[peak].centre) peak = i;
        }
        List<ZoneProfile> result = new ArrayList<>();
        for (ZoneLevel level : ZoneLevel.INSIDE_OUT) {
            double threshold = given.of(level);
            if (coarse[peak].centre <= threshold) continue;
            levels.add(level);
            thresholds.add(threshold);
            spans.add(span(coarse, peak, threshold, ZoneLevel.VRW.ordinal() - level.ordinal()));
        }
        if (levels.isEmpty()) {
            for (ZoneLevel level : ZoneLevel.INSIDE_OUT) result.add(ZoneProfile.empty(level, given.of(level)));
            return result;
        }
        List<Sample> grid = grid(coarse);
        double widest = 0;
        for (Sample s : grid) widest = Math.max(widest, halfWidth(s, levels.size() - 1));
        tolerance = Math.max(0.05, widest / 1000);
        List<Sample> refined = new ArrayList<>();
        for (int i = 0; i < grid.size() - 1; i++) {
            refined.add(grid.get(i));
            refine(grid.get(i), grid.get(i + 1), 0, refined);
        }
        refined.add(grid.get(grid.size() - 1));
        for (ZoneLevel level : ZoneLevel.INSIDE_OUT) {
            int k = levels.indexOf(level);
            result.add(k < 0 ? ZoneProfile.empty(level, given.of(level)) : profile(k, refined));
        }
        return result;
    }

    /**
     * From where the centre line first exceeds the threshold before the peak (0, the source, when it
     * does from the first sample) to where it drops to it after the peak, or to the cut, {@code inner}
     * steps before the maximum distance, when it never does.
     */
    private Span span(Sample[] coarse, int peak, double threshold, int inner) {
        double start = 0;
        if (coarse[0].centre <= threshold) {
            int i = peak;
            while (coarse[i - 1].centre > threshold) i--;
            start = crossing(coarse[i - 1].x, coarse[i].x, threshold);
        }
        int j = peak;
        while (j < coarse.length - 1 && coarse[j + 1].centre > threshold) j++;
        if (j == coarse.length - 1) return new Span(start, MAX_X - inner * CUT_STEP, true);
        return new Span(start, crossing(coarse[j + 1].x, coarse[j].x, threshold), false);
    }

    /** Bisection between a distance below the threshold and one above it. */
    private double crossing(double below, double above, double threshold) {
        for (int n = 0; n < BISECTIONS && Math.abs(above - below) > 1e-9 * above; n++) {
            double middle = Math.sqrt(below * above);
            if (plume.centreLine(middle) > threshold) above = middle;
            else below = middle;
        }
        return (below + above) / 2;
    }

    /** The coarse samples between the zones' outermost ends, with every zone's start and end. */
    private List<Sample> grid(Sample[] coarse) {
        List<Double> ends = new ArrayList<>();
        for (Span span : spans) {
            ends.add(span.start);
            ends.add(span.end);
        }
        double first = ends.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double last = ends.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        List<Double> xs = new ArrayList<>(ends);
        for (Sample s : coarse) if (s.x > first && s.x < last) xs.add(s.x);
        xs.sort(null);
        List<Sample> grid = new ArrayList<>();
        for (double x : xs) {
            if (!grid.isEmpty() && grid.get(grid.size() - 1).x == x) continue;
            grid.add(x == 0 ? new Sample(0, 0, 0) : sample(x));
        }
        return grid;
    }

    /** Adds, in order, the distances needed between a and b so that no zone's outline departs from a straight line by more than the tolerance. */
    private void refine(Sample a, Sample b, int depth, List<Sample> out) {
        if (depth >= MAX_DEPTH || b.x - a.x < MIN_STEP || a.x < MIN_X) return;
        Sample middle = sample((a.x + b.x) / 2);
        boolean bends = false;
        for (int k = 0; k < levels.size() && !bends; k++) {
            Span span = spans.get(k);
            if (a.x < span.start || b.x > span.end) continue;
            double chord = (halfWidth(a, k) + halfWidth(b, k)) / 2;
            bends = Math.abs(halfWidth(middle, k) - chord) > tolerance;
        }
        if (!bends) return;
        refine(a, middle, depth + 1, out);
        out.add(middle);
        refine(middle, b, depth + 1, out);
    }

    /** The half width of zone k at a sample: 0 at its start and end (by definition of the ends, unless cut off) and outside them. */
    private double halfWidth(Sample s, int k) {
        Span span = spans.get(k);
        if (s.x <= span.start || s.x > span.end) return 0;
        if (s.x == span.end && !span.clipped) return 0;
        double ratio = s.centre / thresholds.get(k);
        return ratio > 1 ? s.sigmaY * Math.sqrt(2 * Math.log(ratio)) : 0;
    }

    private ZoneProfile profile(int k, List<Sample> samples) {
        Span span = spans.get(k);
        List<Sample> inside = samples.stream().filter(s -> s.x >= span.start && s.x <= span.end).toList();
        double[] x = new double[inside.size()];
        double[] w = new double[inside.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = inside.get(i).x;
            w[i] = halfWidth(inside.get(i), k);
        }
        return new ZoneProfile(levels.get(k), thresholds.get(k), x, w, span.clipped);
    }
}

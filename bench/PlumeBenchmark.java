import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import nl.zorgbeeld.plume.ConfidenceLine;
import nl.zorgbeeld.plume.GaussianInput;
import nl.zorgbeeld.plume.GaussianPlume;
import nl.zorgbeeld.plume.Geometries;
import nl.zorgbeeld.plume.Plume;
import nl.zorgbeeld.plume.PlumeZone;
import nl.zorgbeeld.plume.Plumes;
import nl.zorgbeeld.plume.RateUnit;
import nl.zorgbeeld.plume.ReleaseRate;
import nl.zorgbeeld.plume.SectorInput;
import nl.zorgbeeld.plume.SectorLengths;
import nl.zorgbeeld.plume.Source;
import nl.zorgbeeld.plume.SourceTerm;
import nl.zorgbeeld.plume.StabilityClass;
import nl.zorgbeeld.plume.Thresholds;
import nl.zorgbeeld.plume.Weather;
import nl.zorgbeeld.plume.Wind;

/**
 * The Gaussian plume computation (issue 11): three zones (LBW, AGW, VRW) and their confidence lines
 * for a mix of 18 realistic cases (every stability class, release rates from 10 g/s to 20 kg/s,
 * ground-level and elevated releases, light to strong wind). Measures, in one run and one JVM:
 * <ul>
 * <li>the Gaussian plume as {@code Plumes.compute} makes it (the target: p95 under 50 ms);</li>
 * <li>the same followed by the conversion of all its geometry to WGS84, as the HTTP layer will do;</li>
 * <li>baselines: the centre line alone at 300 distances (as many evaluations as the tracer's 120
 *     samples plus 3 x 60 bisection steps: the floor of any contouring), and a wind sector with the
 *     same three zones.</li>
 * </ul>
 * Prints a Markdown section (also written to BENCH_REPORT when set) and a final SUMMARY line. Run
 * with bench/run-plume.sh. Environment: BENCH_RUNS (measured runs per measurement, default 2000).
 */
public final class PlumeBenchmark {
    private static final double TARGET_P95_MS = 50;
    private static final int WARMUP = 500;
    private static final Thresholds AMMONIA = new Thresholds(1000, 200, 14);

    private PlumeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "2000"));
        List<GaussianInput> cases = cases();
        List<SectorInput> sectors = new ArrayList<>();
        for (GaussianInput c : cases) {
            sectors.add(new SectorInput(c.release().source(), c.weather().wind().direction(), c.weather().wind().speed(), 20, new SectorLengths(500, 1500, 4000)));
        }

        int[] next = {0};
        Supplier<Object> gaussian = () -> Plumes.compute(cases.get(next[0]++ % cases.size()));
        Supplier<Object> gaussianWgs84 = () -> wgs84((Plume) Plumes.compute(cases.get(next[0]++ % cases.size())));
        Supplier<Object> centreLine = () -> centreLine(cases.get(next[0]++ % cases.size()));
        Supplier<Object> sector = () -> Plumes.compute(sectors.get(next[0]++ % sectors.size()));

        for (Supplier<Object> s : List.of(gaussian, gaussianWgs84, centreLine, sector)) measure(s, WARMUP);
        double[] gaussianMs = measure(gaussian, runs);
        double[] wgs84Ms = measure(gaussianWgs84, runs);
        double[] centreMs = measure(centreLine, runs);
        double[] sectorMs = measure(sector, runs);

        long zoneVertices = 0;
        long lineVertices = 0;
        int zones = 0;
        int lines = 0;
        double farthest = 0;
        for (GaussianInput c : cases) {
            Plume plume = Plumes.compute(c);
            for (PlumeZone z : plume.zones()) {
                if (z.isEmpty()) continue;
                zones++;
                zoneVertices += z.area().getNumPoints();
                farthest = Math.max(farthest, z.reach());
            }
            for (ConfidenceLine l : plume.confidence()) {
                lines++;
                lineVertices += l.line().getNumPoints();
            }
        }

        double p95 = percentile(gaussianMs, 95);
        boolean pass = p95 < TARGET_P95_MS;
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "- Cases: %d Gaussian plumes (classes A to F, 10 g/s to 20 kg/s, release at 0 to 30 m, wind 1.5 to 9 m/s);"
                + " %d non-empty zones of on average %d vertices, reaching up to %.1f km; %d confidence lines of on average %d vertices.",
                cases.size(), zones, zoneVertices / Math.max(1, zones), farthest / 1000, lines, lineVertices / Math.max(1, lines)));
        out.add("");
        out.add("| measurement | runs | p50 (ms) | p95 (ms) | max (ms) |");
        out.add("|---|---:|---:|---:|---:|");
        out.add(row("Gaussian plume: 3 zones + confidence lines (`Plumes.compute`)", gaussianMs));
        out.add(row("the same, then all geometry converted to WGS84", wgs84Ms));
        out.add(row("baseline: centre line only, at 300 distances, no polygons", centreMs));
        out.add(row("baseline: wind sector, 3 zones", sectorMs));
        out.add("");
        out.add(String.format(Locale.ROOT, "- Gaussian p95 %.2f ms (target under %.0f ms): %s. Ratios of p95: Gaussian / centre line only %.1fx,"
                + " Gaussian / sector %.1fx; WGS84 conversion adds %.2f ms at p95.",
                p95, TARGET_P95_MS, pass ? "met" : "NOT met", p95 / percentile(centreMs, 95), p95 / percentile(sectorMs, 95),
                percentile(wgs84Ms, 95) - p95));
        String section = String.join("\n", out);
        System.out.println(section);
        String file = System.getenv("BENCH_REPORT");
        if (file != null && !file.isBlank()) Files.writeString(Path.of(file), section);
        System.out.println(String.format(Locale.ROOT, "SUMMARY plume cases=%d runs=%d gaussian_p50_ms=%.2f gaussian_p95_ms=%.2f wgs84_p95_ms=%.2f"
                + " centre_line_p95_ms=%.3f sector_p95_ms=%.3f ratio_centre_line=%.1f ratio_sector=%.1f target_p95_ms=%.0f result=%s",
                cases.size(), runs, percentile(gaussianMs, 50), p95, percentile(wgs84Ms, 95), percentile(centreMs, 95), percentile(sectorMs, 95),
                p95 / percentile(centreMs, 95), p95 / percentile(sectorMs, 95), TARGET_P95_MS, pass ? "PASS" : "FAIL"));
    }

    private static List<GaussianInput> cases() {
        Source[] sources = {Source.rd(136_000, 456_000, "source"), Source.rd(92_000, 437_000, "source"), Source.rd(233_000, 582_000, "source")};
        double[] rates = {10, 250, 1000, 5000, 20_000};
        double[] heights = {0, 0, 10, 30};
        double[] speeds = {1.5, 3, 5, 9};
        List<GaussianInput> cases = new ArrayList<>();
        int i = 0;
        for (StabilityClass c : StabilityClass.values()) {
            for (int k = 0; k < 3; k++, i++) {
                SourceTerm release = new SourceTerm(sources[i % sources.length], new ReleaseRate(rates[i % rates.length], RateUnit.GRAMS_PER_SECOND),
                        heights[i % heights.length], 3600, "ammoniak");
                Weather weather = Weather.given(new Wind((i * 47) % 360, speeds[i % speeds.length]), c);
                cases.add(new GaussianInput(release, weather, AMMONIA, null, true));
            }
        }
        return cases;
    }

    /** What contouring cannot do without: as many centre-line evaluations as 120 samples and 3 thresholds x 60 bisection steps. */
    private static double centreLine(GaussianInput input) {
        GaussianPlume plume = new GaussianPlume(input.release().releaseRate().gramsPerSecond(), input.release().releaseHeight(),
                input.weather().wind().speed(), input.weather().stabilityClass());
        double sum = 0;
        for (int i = 0; i < 300; i++) sum += plume.centreLine(Math.exp(Math.log(30_000) * i / 299));
        return sum;
    }

    private static int wgs84(Plume plume) {
        int n = 0;
        for (PlumeZone z : plume.zones()) n += Geometries.toWgs84(z.area()).getNumPoints();
        for (ConfidenceLine l : plume.confidence()) n += Geometries.toWgs84(l.line()).getNumPoints();
        return n;
    }

    private static double[] measure(Supplier<Object> work, int runs) {
        double[] ms = new double[runs];
        Object sink = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink = work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        if (sink == null) throw new IllegalStateException("nothing computed");
        Arrays.sort(ms);
        return ms;
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String row(String name, double[] ms) {
        return String.format(Locale.ROOT, "| %s | %,d | %.3f | %.3f | %.3f |", name, ms.length, percentile(ms, 50), percentile(ms, 95), ms[ms.length - 1]);
    }
}

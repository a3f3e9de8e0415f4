package nl.zorgbeeld.plume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Gaussian plume formula: a textbook worked example, the crosswind shape, and mass balance. */
class GaussianPlumeTest {

    /**
     * Boubel, Fox, Turner and Stern (1994), Fundamentals of Air Pollution, 3rd ed., section 19.III.D:
     * 0.37 g/s at an effective height of 40 m, wind 2 m/s, class B. The book gives the centre-line
     * ground-level concentration 1.53e-5, 1.56e-5 and 1.55e-5 g/m3 at 0.26, 0.28 and 0.30 km, and the
     * maximum near 0.28 km. Tolerance 1%: the values are printed to three figures and were computed
     * from sigmas rounded to 0.1 m.
     */
    @Test
    void reproducesTheWorkedExampleOfFundamentalsOfAirPollution() {
        GaussianPlume plume = new GaussianPlume(0.37, 40, 2, StabilityClass.B);
        double[][] published = {{260, 1.53e-5}, {280, 1.56e-5}, {300, 1.55e-5}};
        for (double[] row : published) {
            double gramsPerCubicMetre = plume.centreLine(row[0]) / 1000;
            assertEquals(row[1], gramsPerCubicMetre, row[1] * 0.01, "concentration at " + row[0] + " m");
        }
        double peak = 0;
        double peakAt = 0;
        for (double x = 100; x <= 1000; x += 1) {
            if (plume.centreLine(x) > peak) {
                peak = plume.centreLine(x);
                peakAt = x;
            }
        }
        assertTrue(peakAt >= 260 && peakAt <= 300, "maximum near 0.28 km, found at " + peakAt + " m");
    }

    @Test
    void groundLevelIsTheCentreLineTimesTheCrosswindGaussian() {
        GaussianPlume plume = new GaussianPlume(100, 10, 3, StabilityClass.D);
        for (double x : new double[] {150, 1500, 15_000}) {
            double sy = plume.sigmaY(x);
            for (double y : new double[] {0, 20, -75, 300}) {
                double expected = plume.centreLine(x) * Math.exp(-y * y / (2 * sy * sy));
                assertEquals(expected, plume.groundLevel(x, y), expected * 1e-12);
                assertEquals(expected / 1000, plume.concentration(x, y, 0), expected * 1e-15, "the full formula at z = 0, in g/m3");
            }
        }
        assertEquals(0, plume.groundLevel(-10, 0));
        assertEquals(0, plume.centreLine(0));
    }

    /** At the half width the concentration equals the threshold. */
    @Test
    void halfWidthIsWhereTheConcentrationDropsToTheThreshold() {
        GaussianPlume plume = new GaussianPlume(500, 0, 4, StabilityClass.C);
        double threshold = 5;
        for (double x : new double[] {50, 300, 800}) {
            double w = plume.halfWidth(x, threshold);
            assertTrue(w > 0);
            assertEquals(threshold, plume.groundLevel(x, w), threshold * 1e-9);
        }
        assertEquals(0, plume.halfWidth(1e6, threshold), "beyond the zone");
    }

    /**
     * Mass balance, part 1: the crosswind integral of the ground-level concentration, numerically
     * (Simpson over plus and minus 10 sigma-y), equals 2Q / (sqrt(2 pi) u sz) exp(-H^2 / 2sz^2); so
     * u times it equals 2Q / (sqrt(2 pi) sz) exp(-H^2 / 2sz^2). Relative tolerance 1e-8.
     */
    @Test
    void crosswindIntegralAtGroundLevel() {
        for (StabilityClass c : StabilityClass.values()) {
            for (double h : new double[] {0, 25}) {
                double q = 50;
                double u = 4;
                GaussianPlume plume = new GaussianPlume(q, h, u, c);
                for (double x : new double[] {200, 2000, 20_000}) {
                    double sy = plume.sigmaY(x);
                    double sz = plume.sigmaZ(x);
                    double numeric = simpson(y -> plume.groundLevel(x, y) / 1000, -10 * sy, 10 * sy, 2000);
                    double expected = 2 * q / (Math.sqrt(2 * Math.PI) * sz) * Math.exp(-h * h / (2 * sz * sz));
                    assertEquals(expected, u * numeric, expected * 1e-8, () -> "class " + c + ", H " + h + ", x " + x);
                    assertEquals(numeric, plume.crosswindIntegral(x), numeric * 1e-8);
                }
            }
        }
    }

    /**
     * Mass balance, part 2: all mass stays above the ground (total reflection), so the flux through
     * any crosswind plane, u times the integral of C(x,y,z) over y and z above 0, equals Q. Computed
     * numerically over plus and minus 10 sigma-y and from 0 to H + 10 sigma-z; relative tolerance 1e-6.
     */
    @Test
    void fluxThroughAnyCrosswindPlaneIsTheReleaseRate() {
        double q = 12.5;
        double u = 2.5;
        for (StabilityClass c : StabilityClass.values()) {
            for (double h : new double[] {0, 30}) {
                GaussianPlume plume = new GaussianPlume(q, h, u, c);
                for (double x : new double[] {300, 3000}) {
                    double sy = plume.sigmaY(x);
                    double sz = plume.sigmaZ(x);
                    double flux = u * simpson(z -> simpson(y -> plume.concentration(x, y, z), -10 * sy, 10 * sy, 200), 0, h + 10 * sz, 400);
                    assertEquals(q, flux, q * 1e-6, () -> "class " + c + ", H " + h + ", x " + x);
                }
            }
        }
    }

    private static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b, int intervals) {
        double step = (b - a) / intervals;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < intervals; i++) sum += f.applyAsDouble(a + i * step) * (i % 2 == 1 ? 4 : 2);
        return sum * step / 3;
    }
}

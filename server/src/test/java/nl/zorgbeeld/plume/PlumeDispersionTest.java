package nl.zorgbeeld.plume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Pasquill-Gifford sigma-y and sigma-z (ISC3 rural form) against published values.
 *
 * <p>The reference is Boubel, Fox, Turner and Stern (1994), Fundamentals of Air Pollution, 3rd ed.,
 * Academic Press: Table 19-4 (the sigma-y constants c and d), Table 19-5 (the sigma-z coefficients,
 * with sigma-z printed to 0.1 m at the upper end of each distance range) and the worked example of
 * section 19.III.D (class B at 0.26, 0.28 and 0.30 km, sigmas printed to 0.1 m). Tolerance for
 * printed sigmas: 0.1 m, one unit of the last printed digit.
 */
class PlumeDispersionTest {
    private static final double PRINTED = 0.1;

    private static void sigmaZ(StabilityClass c, double metres, double published) {
        assertEquals(published, Dispersion.sigmaZ(c, metres), PRINTED, () -> "sigma-z of class " + c + " at " + metres + " m");
    }

    @Test
    void sigmaZMatchesTable19_5AtTheEndOfEachRange() {
        sigmaZ(StabilityClass.A, 100, 14.0);
        sigmaZ(StabilityClass.A, 150, 21.4);
        sigmaZ(StabilityClass.A, 200, 29.3);
        sigmaZ(StabilityClass.A, 250, 37.7);
        sigmaZ(StabilityClass.A, 300, 47.4);
        sigmaZ(StabilityClass.A, 400, 71.2);
        sigmaZ(StabilityClass.A, 500, 104.7);
        sigmaZ(StabilityClass.B, 200, 20.2);
        sigmaZ(StabilityClass.B, 400, 40.0);
        sigmaZ(StabilityClass.D, 300, 12.1);
        sigmaZ(StabilityClass.D, 1000, 32.1);
        sigmaZ(StabilityClass.D, 3000, 65.1);
        sigmaZ(StabilityClass.D, 10_000, 134.9);
        sigmaZ(StabilityClass.D, 30_000, 251.2);
        sigmaZ(StabilityClass.E, 20_000, 109.3);
        sigmaZ(StabilityClass.E, 40_000, 141.9);
    }

    @Test
    void sigmaZOfAAndBIsCappedAt5000Metres() {
        assertEquals(5000, Dispersion.sigmaZ(StabilityClass.A, 3200), 0);
        assertEquals(5000, Dispersion.sigmaZ(StabilityClass.B, 36_000), 0);
    }

    @Test
    void sigmasMatchTheWorkedExampleOfSection19_3D() {
        double[][] published = {{260, 45.9, 26.2}, {280, 49.0, 28.2}, {300, 52.2, 30.1}};
        for (double[] row : published) {
            assertEquals(row[1], Dispersion.sigmaY(StabilityClass.B, row[0]), PRINTED, "sigma-y at " + row[0] + " m");
            assertEquals(row[2], Dispersion.sigmaZ(StabilityClass.B, row[0]), PRINTED, "sigma-z at " + row[0] + " m");
        }
    }

    /** sigma-y = 465.116 x tan(c - d ln x) with c and d as printed in Table 19-4 (x in km); D's c is printed 8.3333 where ISC3 has 8.3330. */
    @Test
    void sigmaYFollowsTheConstantsOfTable19_4ForEveryClass() {
        double[][] printed = {{24.167, 2.5334}, {18.333, 1.8096}, {12.5, 1.0857}, {8.3333, 0.72382}, {6.25, 0.54287}, {4.1667, 0.36191}};
        for (StabilityClass c : StabilityClass.values()) {
            for (double km : new double[] {0.1, 0.5, 1, 3, 10}) {
                double theta = Math.toRadians(printed[c.ordinal()][0] - printed[c.ordinal()][1] * Math.log(km));
                double expected = 465.116 * km * Math.tan(theta);
                assertEquals(expected, Dispersion.sigmaY(c, km * 1000), expected * 5e-4, "sigma-y of class " + c + " at " + km + " km");
            }
        }
    }

    /** The ranges' a and b were fitted so the curves join: a typing error in a coefficient shows as a jump. */
    @Test
    void sigmaZIsContinuousAcrossTheRanges() {
        for (StabilityClass c : StabilityClass.values()) {
            for (double x : Dispersion.breakpoints(c)) {
                double below = Dispersion.sigmaZ(c, x * (1 - 1e-9));
                double above = Dispersion.sigmaZ(c, x * (1 + 1e-9));
                assertEquals(below, above, below * 0.005, "sigma-z of class " + c + " jumps at " + x + " m");
            }
        }
    }

    @Test
    void sigmasGrowWithDistanceAndShrinkFromAToF() {
        for (double x = 100; x <= 30_000; x *= 1.1) {
            for (StabilityClass c : StabilityClass.values()) {
                assertTrue(Dispersion.sigmaY(c, x * 1.1) > Dispersion.sigmaY(c, x), "sigma-y of " + c + " grows at " + x);
                assertTrue(Dispersion.sigmaZ(c, x * 1.1) >= Dispersion.sigmaZ(c, x), "sigma-z of " + c + " grows at " + x);
                if (c == StabilityClass.F) continue;
                StabilityClass next = StabilityClass.values()[c.ordinal() + 1];
                assertTrue(Dispersion.sigmaY(c, x) > Dispersion.sigmaY(next, x), "sigma-y " + c + " > " + next + " at " + x);
                assertTrue(Dispersion.sigmaZ(c, x) > Dispersion.sigmaZ(next, x), "sigma-z " + c + " > " + next + " at " + x);
            }
        }
    }

    /** Irwin's rural exponents as ISC3 uses them; below 10 m the 10 m speed. */
    @Test
    void windAtReleaseHeightFollowsThePowerLaw() {
        assertEquals(3 * Math.pow(4, 0.15), WindProfile.atHeight(3, 40, StabilityClass.D), 1e-12);
        assertEquals(3 * Math.pow(4, 0.55), WindProfile.atHeight(3, 40, StabilityClass.F), 1e-12);
        assertEquals(3, WindProfile.atHeight(3, 5, StabilityClass.F), 0);
        assertEquals(3 * Math.pow(4, 0.07), WindProfile.atHeight(3, 40, StabilityClass.A), 1e-12);
    }
}

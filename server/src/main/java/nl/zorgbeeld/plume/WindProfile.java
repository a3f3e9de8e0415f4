package nl.zorgbeeld.plume;

/**
 * The wind speed at the release height from the speed measured at 10 m, by the power law
 * u(z) = u10 (z / 10)^p with the rural exponents per stability class of Irwin (1979), "A theoretical
 * variation of the wind profile power-law exponent as a function of surface roughness and
 * stability", Atmospheric Environment 13, 191-194, as used by ISC3 (EPA 1995): A 0.07, B 0.07,
 * C 0.10, D 0.15, E 0.35, F 0.55. Below 10 m the 10 m speed is used, as ISC3 does.
 */
public final class WindProfile {
    public static final double REFERENCE_HEIGHT = 10;
    private static final double[] EXPONENT = {0.07, 0.07, 0.10, 0.15, 0.35, 0.55};

    private WindProfile() {}

    public static double atHeight(double speedAt10m, double height, StabilityClass stability) {
        if (height <= REFERENCE_HEIGHT) return speedAt10m;
        return speedAt10m * Math.pow(height / REFERENCE_HEIGHT, EXPONENT[stability.ordinal()]);
    }
}

package nl.zorgbeeld.plume;

/**
 * The steady-state Gaussian plume of a continuous point release with total reflection at the
 * ground and Pasquill-Gifford dispersion ({@link Dispersion}), in plume coordinates: x metres
 * downwind of the source, y metres crosswind, z metres above the ground.
 *
 * <pre>
 * C(x,y,z) = Q / (2 pi u sy sz) exp(-y^2 / 2sy^2) [exp(-(z-H)^2 / 2sz^2) + exp(-(z+H)^2 / 2sz^2)]
 * C(x,y,0) = Q / (pi u sy sz) exp(-y^2 / 2sy^2) exp(-H^2 / 2sz^2)
 * </pre>
 *
 * with Q the release rate (g/s), u the wind speed at the release height (m/s), H the release
 * height (m) and sy, sz the sigmas at x. Upwind (x at most 0) the concentration is 0; closer than
 * {@value #MIN_DISTANCE} m the value at {@value #MIN_DISTANCE} m is used (the model means nothing
 * there). Immutable.
 */
public final class GaussianPlume {
    public static final double MIN_DISTANCE = 1;
    private static final double MG_PER_G = 1000;

    private final double gramsPerSecond;
    private final double releaseHeight;
    private final double windSpeed;
    private final StabilityClass stability;

    /**
     * @param gramsPerSecond release rate Q, above 0
     * @param releaseHeight  height H in metres, at least 0
     * @param windSpeed      wind speed u at the release height in m/s, above 0
     */
    public GaussianPlume(double gramsPerSecond, double releaseHeight, double windSpeed, StabilityClass stability) {
        if (!(gramsPerSecond > 0) || !(releaseHeight >= 0) || !(windSpeed > 0) || stability == null
                || !Double.isFinite(gramsPerSecond) || !Double.isFinite(releaseHeight) || !Double.isFinite(windSpeed)) {
            throw new IllegalArgumentException("a Gaussian plume needs Q > 0, H >= 0, u > 0 and a stability class");
        }
        this.gramsPerSecond = gramsPerSecond;
        this.releaseHeight = releaseHeight;
        this.windSpeed = windSpeed;
        this.stability = stability;
    }

    public double gramsPerSecond() { return gramsPerSecond; }
    public double releaseHeight() { return releaseHeight; }
    public double windSpeed() { return windSpeed; }
    public StabilityClass stabilityClass() { return stability; }

    public double sigmaY(double x) {
        return Dispersion.sigmaY(stability, Math.max(x, MIN_DISTANCE));
    }

    public double sigmaZ(double x) {
        return Dispersion.sigmaZ(stability, Math.max(x, MIN_DISTANCE));
    }

    /** The concentration in g/m3 at (x, y, z). */
    public double concentration(double x, double y, double z) {
        if (x <= 0) return 0;
        double sy = sigmaY(x);
        double sz = sigmaZ(x);
        double lateral = Math.exp(-y * y / (2 * sy * sy));
        double below = z - releaseHeight;
        double mirror = z + releaseHeight;
        double vertical = Math.exp(-below * below / (2 * sz * sz)) + Math.exp(-mirror * mirror / (2 * sz * sz));
        return gramsPerSecond / (2 * Math.PI * windSpeed * sy * sz) * lateral * vertical;
    }

    /** The concentration at ground level in mg/m3 at (x, y). */
    public double groundLevel(double x, double y) {
        if (x <= 0) return 0;
        double sy = sigmaY(x);
        return centreLine(x, sy) * Math.exp(-y * y / (2 * sy * sy));
    }

    /** The concentration at ground level on the plume's axis in mg/m3, x metres downwind. */
    public double centreLine(double x) {
        if (x <= 0) return 0;
        return centreLine(x, sigmaY(x));
    }

    private double centreLine(double x, double sy) {
        double sz = sigmaZ(x);
        return MG_PER_G * gramsPerSecond / (Math.PI * windSpeed * sy * sz) * Math.exp(-releaseHeight * releaseHeight / (2 * sz * sz));
    }

    /**
     * The crosswind integral of the ground-level concentration at x, in g/m2:
     * 2Q / (sqrt(2 pi) u sz) exp(-H^2 / 2sz^2).
     */
    public double crosswindIntegral(double x) {
        if (x <= 0) return 0;
        double sz = sigmaZ(x);
        return 2 * gramsPerSecond / (Math.sqrt(2 * Math.PI) * windSpeed * sz) * Math.exp(-releaseHeight * releaseHeight / (2 * sz * sz));
    }

    /**
     * Half the width in metres of the ground-level area above {@code threshold} mg/m3, x metres
     * downwind: since C(x,y,0) = C(x,0,0) exp(-y^2 / 2sy^2), it is sy sqrt(2 ln(C(x,0,0) / threshold))
     * where the centre line exceeds the threshold, else 0.
     */
    public double halfWidth(double x, double threshold) {
        if (x <= 0) return 0;
        double sy = sigmaY(x);
        double ratio = centreLine(x, sy) / threshold;
        return ratio > 1 ? sy * Math.sqrt(2 * Math.log(ratio)) : 0;
    }
}

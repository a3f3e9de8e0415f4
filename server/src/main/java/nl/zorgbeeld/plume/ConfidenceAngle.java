package nl.zorgbeeld.plume;

/**
 * The default half angle of the wind-direction confidence lines, from the wind speed at 10 m.
 *
 * <p>Like ALOHA's confidence lines (NOAA and EPA, ALOHA User's Manual and Technical Documentation:
 * the cloud is expected to stay between the lines about 19 times in 20, and the lines lie farther
 * apart in light wind, where the direction wanders most), the zone is swept over the wind direction
 * plus and minus this angle. ALOHA's own formula is not reproduced here. The angle is twice the
 * standard deviation of the wind direction, sigma-theta = atan(sigma-v / u), with the crosswind
 * turbulence sigma-v taken as 0.5 m/s: in light winds sigma-v hardly falls with the wind speed,
 * because the wind meanders (Hanna 1983, "Lateral turbulence intensity and plume meandering during
 * stable conditions", Journal of Climate and Applied Meteorology 22, 1424-1430), so sigma-theta
 * grows as the wind drops. The result is kept between 10 degrees (the resolution of a reported wind
 * direction) and 45 degrees: 45 at 1 m/s, 28 at 2, 19 at 3, 11 at 5, and 10 from about 5.7 m/s.
 */
public final class ConfidenceAngle {
    public static final double MIN = 10;
    public static final double MAX = 45;
    /** The half angle a user may give, in degrees. */
    public static final double MAX_GIVEN = 60;
    private static final double SIGMA_V = 0.5;

    private ConfidenceAngle() {}

    /** The default half angle in degrees for a wind speed in m/s at 10 m. */
    public static double forWindSpeed(double speed) {
        double twoSigmaTheta = 2 * Math.toDegrees(Math.atan(SIGMA_V / speed));
        return Math.max(MIN, Math.min(MAX, twoSigmaTheta));
    }
}

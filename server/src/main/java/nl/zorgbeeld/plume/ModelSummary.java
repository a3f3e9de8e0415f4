package nl.zorgbeeld.plume;

import java.util.List;

/**
 * What the Gaussian model computed with, for the popup and the stored plume.
 *
 * @param stabilityFromTable   the class was read from Pasquill's table rather than given
 * @param releaseRate          Q in g/s
 * @param windSpeedAtRelease   the transport wind speed u at the release height, in m/s
 * @param windProfile          u was raised from the 10 m speed by the power law ({@link WindProfile})
 * @param halfAngle            the confidence lines' half angle in degrees
 * @param halfAngleDefault     the half angle is the default for the wind speed ({@link ConfidenceAngle})
 * @param maxDistance          the farthest distance computed, in metres
 */
public record ModelSummary(String name, String dispersion, StabilityClass stabilityClass, boolean stabilityFromTable,
                           double releaseRate, double windSpeedAtRelease, boolean windProfile, double halfAngle,
                           boolean halfAngleDefault, String averagingTime, double maxDistance, List<String> references) {
    public static final String NAME = "Gaussian plume, steady state, with ground reflection";
    public static final String DISPERSION = "Pasquill-Gifford, ISC3 rural form (EPA 1995)";
    public static final List<String> REFERENCES = List.of(
            "U.S. EPA (1995), User's Guide for the Industrial Source Complex (ISC3) Dispersion Models, Vol. II, EPA-454/B-95-003b",
            "Turner, D.B. (1970), Workbook of Atmospheric Dispersion Estimates, AP-26, U.S. EPA",
            "Pasquill, F. (1961), The estimation of the dispersion of windborne material, Meteorological Magazine 90, 33-49",
            "Irwin, J.S. (1979), A theoretical variation of the wind profile power-law exponent, Atmospheric Environment 13, 191-194");

    public ModelSummary {
        references = List.copyOf(references);
    }
}

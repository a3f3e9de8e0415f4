package nl.zorgbeeld.plume;

/**
 * The inputs of a Gaussian plume.
 *
 * @param halfAngle   the confidence lines' half angle in degrees (0 to 60); null for the default
 *                    from the wind speed ({@link ConfidenceAngle})
 * @param windProfile raise the 10 m wind speed to the release height by the power law ({@link WindProfile})
 */
public record GaussianInput(SourceTerm release, Weather weather, Thresholds thresholds, Double halfAngle, boolean windProfile)
        implements PlumeInput {
    public GaussianInput {
        Checks.required(release, "source");
        Checks.required(weather, "windSpeed");
        Checks.required(thresholds, "thresholds");
        if (halfAngle != null) Checks.positive(halfAngle, ConfidenceAngle.MAX_GIVEN, "halfAngle", " degrees");
    }

    @Override
    public Method method() {
        return Method.GAUSSIAN;
    }

    @Override
    public Source source() {
        return release.source();
    }
}

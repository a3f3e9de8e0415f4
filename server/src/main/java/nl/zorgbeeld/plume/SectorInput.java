package nl.zorgbeeld.plume;

/**
 * The inputs of a wind sector: a circular sector from the source, centred on the downwind direction.
 *
 * @param windDirection where the wind comes from, degrees clockwise from north (0 to 360)
 * @param windSpeed     m/s at 10 m, optional: only used for arrival times
 * @param halfAngle     half the sector's opening in degrees (above 0, at most 180: a full circle)
 */
public record SectorInput(Source source, double windDirection, Double windSpeed, double halfAngle, SectorLengths lengths)
        implements PlumeInput {
    public static final double MAX_HALF_ANGLE = 180;

    public SectorInput {
        Checks.required(source, "source");
        Wind.direction(windDirection, "windDirection");
        if (windSpeed != null) Wind.speed(windSpeed, "windSpeed");
        Checks.positive(halfAngle, MAX_HALF_ANGLE, "halfAngle", " degrees");
        Checks.required(lengths, "lengths");
    }

    @Override
    public Method method() {
        return Method.SECTOR;
    }
}

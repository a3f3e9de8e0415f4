package nl.zorgbeeld.plume;

/**
 * The weather a plume is computed for: the wind and the stability class, either given or read from
 * Pasquill's table for a sky ({@link PasquillTable}).
 *
 * @param sky the sky the class was read from; null when the class was given
 */
public record Weather(Wind wind, StabilityClass stabilityClass, Sky sky) {
    public Weather {
        Checks.required(wind, "windSpeed");
        Checks.required(stabilityClass, "stabilityClass");
    }

    public static Weather given(Wind wind, StabilityClass stabilityClass) {
        return new Weather(wind, Checks.required(stabilityClass, "stabilityClass"), null);
    }

    public static Weather fromSky(Wind wind, Sky sky) {
        Checks.required(wind, "windSpeed");
        Checks.required(sky, "cloudCover");
        return new Weather(wind, PasquillTable.classify(sky, wind.speed()), sky);
    }

    public boolean fromTable() {
        return sky != null;
    }
}

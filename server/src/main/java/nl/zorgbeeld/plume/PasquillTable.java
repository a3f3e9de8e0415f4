package nl.zorgbeeld.plume;

/**
 * Pasquill's key to the stability classes from surface wind speed (at 10 m), daytime insolation
 * and night-time cloud cover: Pasquill (1961), "The estimation of the dispersion of windborne
 * material", Meteorological Magazine 90, 33-49, as printed in Turner (1970), Workbook of Atmospheric
 * Dispersion Estimates, Table 3-1, and in Boubel, Fox, Turner and Stern (1994), Fundamentals of Air
 * Pollution, 3rd ed., Table 19-3:
 *
 * <pre>
 * wind (m/s)   day: strong  moderate  slight   night: thinly overcast or &gt;= 4/8 low cloud   &lt;= 3/8 cloud
 *   &lt; 2              A        A-B       B                     (E)                              (F)
 *   2 - 3            A-B      B         C                      E                                F
 *   3 - 5            B        B-C       C                      D                                E
 *   5 - 6            C        C-D       D                      D                                D
 *   &gt; 6              C        D         D                      D                                D
 * </pre>
 *
 * Overcast (8/8), by day or night, is class D (the table's note 3). Choices made here, because the
 * model takes one class: an in-between class (A-B, B-C, C-D; Turner averages the two classes' sigmas)
 * becomes the more stable one, which gives lower dispersion and longer zones for releases near the
 * ground; the night cells below 2 m/s, blank in Pasquill's table, are taken from the 2-3 m/s row
 * (E and F, as NOAA's READY key does). Without the sun's height the insolation by day is assumed
 * moderate up to 4/8 cloud and slight above, unless given ({@link Sky#dayInsolation()}): strong
 * sunshine would give a less stable class and shorter zones, so the assumption errs on the safe side.
 */
public final class PasquillTable {
    private static final StabilityClass[][] DAY = {
        // strong, moderate, slight
        {StabilityClass.A, StabilityClass.B, StabilityClass.B},
        {StabilityClass.B, StabilityClass.B, StabilityClass.C},
        {StabilityClass.B, StabilityClass.C, StabilityClass.C},
        {StabilityClass.C, StabilityClass.D, StabilityClass.D},
        {StabilityClass.C, StabilityClass.D, StabilityClass.D},
    };
    private static final StabilityClass[][] NIGHT = {
        // >= 4/8 cloud, <= 3/8 cloud
        {StabilityClass.E, StabilityClass.F},
        {StabilityClass.E, StabilityClass.F},
        {StabilityClass.D, StabilityClass.E},
        {StabilityClass.D, StabilityClass.D},
        {StabilityClass.D, StabilityClass.D},
    };

    private PasquillTable() {}

    /** The class for this sky and a wind speed (m/s at 10 m). */
    public static StabilityClass classify(Sky sky, double windSpeed) {
        if (sky.cloudCover() == 8) return StabilityClass.D;
        int row = row(windSpeed);
        if (sky.daytime()) return DAY[row][sky.dayInsolation().ordinal()];
        return NIGHT[row][sky.cloudCover() >= 4 ? 0 : 1];
    }

    private static int row(double windSpeed) {
        if (windSpeed < 2) return 0;
        if (windSpeed < 3) return 1;
        if (windSpeed < 5) return 2;
        if (windSpeed <= 6) return 3;
        return 4;
    }
}

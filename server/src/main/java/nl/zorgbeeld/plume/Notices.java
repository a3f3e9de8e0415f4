package nl.zorgbeeld.plume;

import java.util.List;

/** The limits of each method, shown with every plume, and the warnings that particular inputs raise. */
public final class Notices {
    /** The honest limits of the Gaussian model. */
    public static final List<Notice> GAUSSIAN_LIMITS = List.of(
            new Notice("HEAVY_GAS",
                    "Niet voor zware gassen (zwaarder dan lucht, zoals chloor of lpg): die blijven laag bij de grond en verspreiden zich anders dan dit model rekent.",
                    "Not for heavy gases (denser than air, such as chlorine or LPG): they stay low and spread differently from what this model computes."),
            new Notice("PLUME_RISE",
                    "Niet voor branden: het opstijgen van warme rook (pluimstijging) zit niet in het model.",
                    "Not for fires: the rise of a hot smoke plume is not in the model."),
            new Notice("LOW_WIND",
                    "Niet betrouwbaar bij wind onder 1 m/s: de pluim zwalkt en de richting is onzeker.",
                    "Not reliable in wind below 1 m/s: the plume meanders and its direction is uncertain."),
            new Notice("NEAR_SOURCE",
                    "Niet betrouwbaar binnen 100 m van de bron.",
                    "Not reliable within 100 m of the source."),
            new Notice("FAR_FIELD",
                    "Niet betrouwbaar verder dan ongeveer 10 km van de bron: het weer verandert onderweg.",
                    "Not reliable beyond about 10 km from the source: the weather changes along the way."),
            new Notice("TERRAIN",
                    "Houdt geen rekening met gebouwen, bebouwing, bos of hoogteverschillen: het model gaat uit van open, vlak terrein.",
                    "Ignores buildings, built-up areas, woods and terrain: the model assumes open, level ground."),
            new Notice("STEADY_STATE",
                    "Geeft gemiddelde concentraties over ongeveer 10 minuten bij een constante uitstoot en constant weer; pieken kunnen hoger zijn.",
                    "Gives concentrations averaged over about 10 minutes for a constant release and weather; peaks can be higher."));

    public static final List<Notice> SECTOR_LIMITS = List.of(
            new Notice("SECTOR_ESTIMATE",
                    "Windsector: een gebied benedenwinds met een gekozen hoek en gekozen afstanden, geen berekening van concentraties.",
                    "Wind sector: an area downwind with a chosen angle and chosen distances, not a computation of concentrations."),
            new Notice("WIND_TURNS",
                    "Draait de wind, maak dan een nieuwe sector.",
                    "When the wind turns, make a new sector."));

    public static final List<Notice> DRAWN_LIMITS = List.of(
            new Notice("DRAWN_ESTIMATE",
                    "Getekend door de adviseur gevaarlijke stoffen; geen modelberekening.",
                    "Drawn by the hazardous-substances advisor; not a model computation."));

    private Notices() {}

    static Notice windBelowValidity(double speed) {
        return new Notice("WIND_BELOW_VALIDITY",
                "De windsnelheid (" + Checks.dutch(speed, 1) + " m/s) is lager dan 1 m/s: buiten het geldigheidsgebied van het model.",
                "The wind speed (" + Checks.plain(round(speed, 1)) + " m/s) is below 1 m/s: outside the model's validity.");
    }

    static Notice notReached(ZoneLevel level, double threshold) {
        return new Notice("NOT_REACHED",
                "De " + level.code() + " (" + Checks.dutch(threshold, 3) + " mg/m3) wordt bij deze invoer op grondniveau nergens bereikt.",
                "The " + level.code() + " (" + Checks.plain(threshold) + " mg/m3) is not reached at ground level anywhere for these inputs.");
    }

    static Notice beyondTenKilometres(ZoneLevel level, double reach) {
        return new Notice("REACH_BEYOND_10_KM",
                "Zone " + level.code() + " reikt tot " + Checks.distance(reach, true) + ", verder dan de ongeveer 10 km waarbinnen het model betrouwbaar is.",
                "Zone " + level.code() + " reaches " + Checks.distance(reach, false) + ", beyond the about 10 km within which the model is reliable.");
    }

    static Notice clipped(ZoneLevel level, double maximum) {
        return new Notice("CLIPPED",
                "Zone " + level.code() + " reikt verder dan " + Checks.distance(maximum, true) + " en is daar afgekapt.",
                "Zone " + level.code() + " reaches beyond " + Checks.distance(maximum, false) + " and is cut off there.");
    }

    static Notice nearSourceOnly(ZoneLevel level, double reach) {
        return new Notice("WITHIN_100_M",
                "Zone " + level.code() + " reikt maar " + Checks.distance(reach, true) + ", binnen de 100 m waar het model niet betrouwbaar is.",
                "Zone " + level.code() + " reaches only " + Checks.distance(reach, false) + ", within the 100 m where the model is not reliable.");
    }

    static Notice shortRelease(double duration, double travelled) {
        return new Notice("SHORT_RELEASE",
                "De uitstoot duurt " + duration(duration, true) + "; in die tijd komt de wolk " + Checks.distance(travelled, true)
                        + " ver. Verder weg zijn de zones een bovengrens: de wolk trekt er voorbij.",
                "The release lasts " + duration(duration, false) + ", in which the cloud travels " + Checks.distance(travelled, false)
                        + ". Farther away the zones are an upper bound: the cloud passes by.");
    }

    static Notice highRelease(double height) {
        return new Notice("HIGH_RELEASE",
                "De uitstoothoogte (" + Checks.dutch(height, 0) + " m) is meer dan 50 m: de spreidingsparameters gelden vooral voor uitstoot dicht bij de grond.",
                "The release height (" + Checks.plain(Math.round(height)) + " m) is over 50 m: the dispersion parameters hold mainly for releases near the ground.");
    }

    static Notice forecastOutlastsRelease(double duration, int hours) {
        return new Notice("FORECAST_OUTLASTS_RELEASE",
                "De uitstoot duurt " + duration(duration, true) + ", korter dan de prognose van " + hours + " uur: latere uren gaan uit van een uitstoot die doorgaat.",
                "The release lasts " + duration(duration, false) + ", shorter than the " + hours + "-hour forecast: later hours assume the release goes on.");
    }

    /** 90 seconden, 25 minuten, 3,5 uur. */
    static String duration(double seconds, boolean dutch) {
        if (seconds < 120) return Math.round(seconds) + (dutch ? " seconden" : " seconds");
        if (seconds < 2 * 3600) return Math.round(seconds / 60) + (dutch ? " minuten" : " minutes");
        double hours = seconds / 3600;
        return (dutch ? Checks.dutch(hours, 1) + " uur" : Checks.plain(round(hours, 1)) + " hours");
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}

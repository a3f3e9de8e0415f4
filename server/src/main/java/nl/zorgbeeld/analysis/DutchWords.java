package nl.zorgbeeld.analysis;

import java.util.Locale;

/** Distances, directions and hazards in the Dutch words the UI shows ("1,8 km ten zuidwesten van ..."). */
public final class DutchWords {
    private static final String[] DIRECTIONS = {
        "noorden", "noordoosten", "oosten", "zuidoosten", "zuiden", "zuidwesten", "westen", "noordwesten"
    };

    private DutchWords() {}

    /** 350 m, 1,8 km, 12 km: metres below a kilometre, then kilometres with one decimal below ten. */
    public static String distance(double metres) {
        if (metres < 999.5) return Math.round(metres) + " m";
        double km = metres / 1000;
        if (km < 9.95) {
            String text = String.format(Locale.ROOT, "%.1f", km);
            return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text.replace('.', ',')) + " km";
        }
        return Math.round(km) + " km";
    }

    /**
     * The compass direction (one of eight) of a bearing in degrees clockwise from north: noorden,
     * noordoosten, ... The grid north of RD New differs from true north by under two degrees.
     */
    public static String direction(double bearing) {
        double normalised = ((bearing % 360) + 360) % 360;
        return DIRECTIONS[(int) Math.floor((normalised + 22.5) / 45) % 8];
    }

    /** The bearing in degrees clockwise from north of the step from (x0, y0) to (x1, y1) in a metric grid. */
    public static double bearing(double x0, double y0, double x1, double y1) {
        double degrees = Math.toDegrees(Math.atan2(x1 - x0, y1 - y0));
        return degrees < 0 ? degrees + 360 : degrees;
    }
}

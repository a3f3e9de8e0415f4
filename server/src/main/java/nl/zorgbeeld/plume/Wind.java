package nl.zorgbeeld.plume;

/**
 * The wind at 10 m height: the direction it comes FROM, in degrees clockwise from true north
 * (0 to 360; a northerly wind, 0, blows the plume south), and its speed in m/s.
 */
public record Wind(double direction, double speed) {
    public static final double MAX_SPEED = 50;
    /** Below this speed the Gaussian model is outside its validity (the wind meanders, the cloud pools). */
    public static final double MIN_VALID_SPEED = 1;

    public Wind {
        direction(direction, "windDirection");
        speed(speed, "windSpeed");
    }

    /** A direction the wind comes from, 0 to 360 degrees. */
    public static double direction(double degrees, String field) {
        return Checks.between(degrees, 0, 360, field, " degrees (where the wind comes from, clockwise from north)");
    }

    /** A wind speed above 0 and at most 50 m/s. */
    public static double speed(double metresPerSecond, String field) {
        return Checks.positive(metresPerSecond, MAX_SPEED, field, " m/s");
    }

    public boolean belowValidity() {
        return speed < MIN_VALID_SPEED;
    }
}

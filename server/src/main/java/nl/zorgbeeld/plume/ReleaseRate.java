package nl.zorgbeeld.plume;

import nl.zorgbeeld.common.ApiException;

/** How fast the substance is released, as given (value and unit). */
public record ReleaseRate(double value, RateUnit unit) {
    /** 10 tonnes a second: far beyond any real release, so only typing errors are refused. */
    public static final double MAX_GRAMS_PER_SECOND = 1e7;

    public ReleaseRate {
        Checks.required(unit, "releaseRateUnit");
        if (!Double.isFinite(value) || value <= 0) {
            throw ApiException.badBody("releaseRate", "releaseRate must be a number above 0 (in " + unit.code() + "); got " + Checks.plain(value));
        }
        if (value * unit.gramsPerSecond() > MAX_GRAMS_PER_SECOND) {
            throw ApiException.badBody("releaseRate", "releaseRate " + Checks.plain(value) + " " + unit.code()
                    + " is above 10 tonnes a second; check the unit (g/s or kg/min)");
        }
    }

    public double gramsPerSecond() {
        return value * unit.gramsPerSecond();
    }
}

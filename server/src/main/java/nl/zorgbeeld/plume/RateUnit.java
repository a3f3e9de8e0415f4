package nl.zorgbeeld.plume;

import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;

/** The unit of a release rate. */
public enum RateUnit implements Coded {
    GRAMS_PER_SECOND("g/s", 1.0),
    KILOGRAMS_PER_MINUTE("kg/min", 1000.0 / 60.0);

    private final String code;
    private final double gramsPerSecond;

    RateUnit(String code, double gramsPerSecond) {
        this.code = code;
        this.gramsPerSecond = gramsPerSecond;
    }

    @Override public String code() { return code; }
    @Override public String label() { return code; }

    /** One of this unit in grams per second. */
    public double gramsPerSecond() { return gramsPerSecond; }

    public static RateUnit parse(String text, String field) {
        return Coded.find(RateUnit.class, text == null ? "" : text.trim()).orElseThrow(() -> ApiException.badBody(field,
                field + " must be one of " + Coded.codes(RateUnit.class) + "; got '" + text + "'"));
    }
}

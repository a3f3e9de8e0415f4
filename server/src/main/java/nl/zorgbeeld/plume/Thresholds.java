package nl.zorgbeeld.plume;

import nl.zorgbeeld.common.ApiException;

/**
 * The intervention values of the substance in mg/m3: LBW above AGW above VRW above 0 (a higher value
 * is reached closer to the source, so its zone lies inside the others).
 */
public record Thresholds(double lbw, double agw, double vrw) {
    /** 1 kg/m3: no intervention value comes near it, so only typing errors are refused. */
    public static final double MAX = 1e6;

    public Thresholds {
        Checks.positive(lbw, MAX, "thresholds.LBW", " mg/m3");
        Checks.positive(agw, MAX, "thresholds.AGW", " mg/m3");
        Checks.positive(vrw, MAX, "thresholds.VRW", " mg/m3");
        if (lbw <= agw) {
            throw ApiException.badBody("thresholds.LBW", "thresholds out of order: LBW (" + Checks.plain(lbw)
                    + " mg/m3) must exceed AGW (" + Checks.plain(agw) + " mg/m3)");
        }
        if (agw <= vrw) {
            throw ApiException.badBody("thresholds.AGW", "thresholds out of order: AGW (" + Checks.plain(agw)
                    + " mg/m3) must exceed VRW (" + Checks.plain(vrw) + " mg/m3)");
        }
    }

    /** The value of a level in mg/m3. */
    public double of(ZoneLevel level) {
        return switch (level) {
            case LBW -> lbw;
            case AGW -> agw;
            case VRW -> vrw;
        };
    }
}

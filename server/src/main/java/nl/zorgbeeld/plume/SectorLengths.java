package nl.zorgbeeld.plume;

import nl.zorgbeeld.common.ApiException;

/** How far each zone of a wind sector reaches from the source, in metres: LBW shorter than AGW shorter than VRW. */
public record SectorLengths(double lbw, double agw, double vrw) {
    public static final double MAX = 50_000;

    public SectorLengths {
        Checks.positive(lbw, MAX, "lengths.LBW", " m");
        Checks.positive(agw, MAX, "lengths.AGW", " m");
        Checks.positive(vrw, MAX, "lengths.VRW", " m");
        if (lbw >= agw) {
            throw ApiException.badBody("lengths.LBW", "lengths out of order: the LBW zone (" + Checks.plain(lbw)
                    + " m) must be shorter than the AGW zone (" + Checks.plain(agw) + " m)");
        }
        if (agw >= vrw) {
            throw ApiException.badBody("lengths.AGW", "lengths out of order: the AGW zone (" + Checks.plain(agw)
                    + " m) must be shorter than the VRW zone (" + Checks.plain(vrw) + " m)");
        }
    }

    public double of(ZoneLevel level) {
        return switch (level) {
            case LBW -> lbw;
            case AGW -> agw;
            case VRW -> vrw;
        };
    }
}

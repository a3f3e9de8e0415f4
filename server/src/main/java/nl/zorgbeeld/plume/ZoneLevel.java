package nl.zorgbeeld.plume;

import java.util.List;
import nl.zorgbeeld.common.Coded;

/**
 * The Dutch intervention values for toxic substances, most severe first: a zone per value holds
 * the places where the concentration at ground level exceeds it. So LBW lies inside AGW inside VRW.
 */
public enum ZoneLevel implements Coded {
    LBW("Levensbedreigende waarde"),
    AGW("Alarmeringsgrenswaarde"),
    VRW("Voorlichtingsrichtwaarde");

    /** The levels from the smallest zone to the largest. */
    public static final List<ZoneLevel> INSIDE_OUT = List.of(LBW, AGW, VRW);

    private final String label;

    ZoneLevel(String label) {
        this.label = label;
    }

    @Override public String code() { return name(); }
    @Override public String label() { return label; }
}

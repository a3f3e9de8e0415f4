package nl.zorgbeeld.status;

import nl.zorgbeeld.common.Coded;

/** How bad a continuity problem is, for each of power, water, ICT, staff and supplies (continuity.*). */
public enum ContinuityLevel implements Coded {
    GEEN("geen", "Geen probleem"),
    VERSTOORD("verstoord", "Verstoord"),
    KRITIEK("kritiek", "Kritiek");

    private final String code;
    private final String label;

    ContinuityLevel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() { return code; }

    @Override
    public String label() { return label; }
}

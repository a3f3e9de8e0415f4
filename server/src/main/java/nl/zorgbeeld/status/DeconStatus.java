package nl.zorgbeeld.status;

import nl.zorgbeeld.common.Coded;

/** The state of the decontamination facility (decontamination.status); EDXL-HAVE DeconCapacity. */
public enum DeconStatus implements Coded, HaveCoded {
    INACTIEF("inactief", "Niet actief", "Inactive"),
    OPEN("open", "Open", "Open"),
    VOL("vol", "Vol", "Full"),
    OVERSCHREDEN("overschreden", "Capaciteit overschreden", "Exceeded");

    private final String code;
    private final String label;
    private final String have;

    DeconStatus(String code, String label, String have) {
        this.code = code;
        this.label = label;
        this.have = have;
    }

    @Override
    public String code() { return code; }

    @Override
    public String label() { return label; }

    @Override
    public String have() { return have; }
}

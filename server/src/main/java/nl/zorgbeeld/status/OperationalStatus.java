package nl.zorgbeeld.status;

import nl.zorgbeeld.common.Coded;

/** Whether the institution works as usual (JSON operationalStatus); EDXL-HAVE FacilityStatus. */
public enum OperationalStatus implements Coded, HaveCoded {
    NORMAAL("normaal", "Normaal", "Normal"),
    BEPERKT("beperkt", "Beperkt", "Compromised"),
    EVACUEREND("evacuerend", "Evacuerend", "Evacuating"),
    GESLOTEN("gesloten", "Gesloten", "Closed");

    private final String code;
    private final String label;
    private final String have;

    OperationalStatus(String code, String label, String have) {
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

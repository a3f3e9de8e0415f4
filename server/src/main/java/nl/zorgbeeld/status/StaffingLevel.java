package nl.zorgbeeld.status;

import nl.zorgbeeld.common.Coded;

/** Whether there are enough staff (staffing); EDXL-HAVE Staffing. */
public enum StaffingLevel implements Coded, HaveCoded {
    TOEREIKEND("toereikend", "Toereikend", "Adequate"),
    KRAP("krap", "Krap", "Insufficient"),
    ONTOEREIKEND("ontoereikend", "Ontoereikend", "NotAvailable");

    private final String code;
    private final String label;
    private final String have;

    StaffingLevel(String code, String label, String have) {
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

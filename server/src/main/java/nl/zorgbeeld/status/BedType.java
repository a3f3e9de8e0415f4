package nl.zorgbeeld.status;

import nl.zorgbeeld.common.Coded;

/** The bed types of a status report (the keys of beds); null HAVE code: no EDXL-HAVE BedType (see docs/api/status.md). */
public enum BedType implements Coded, HaveCoded {
    IC_VOLWASSENEN("ic-volwassenen", "IC volwassenen", "AdultICU"),
    IC_KINDEREN("ic-kinderen", "IC kinderen", "PediatricICU"),
    NICU("nicu", "NICU", "NeonatalICU"),
    SEH("seh", "SEH", "EmergencyDepartment"),
    MC("mc", "Medium care", null),
    BRANDWONDEN("brandwonden", "Brandwonden", "Burn"),
    PSYCHIATRIE("psychiatrie", "Psychiatrie", "AdultPsychiatric"),
    ISOLATIE("isolatie", "Isolatie", "NegativeFlowIsolation"),
    ALGEMEEN("algemeen", "Algemeen (verpleegafdeling)", "MedicalSurgical");

    private final String code;
    private final String label;
    private final String have;

    BedType(String code, String label, String have) {
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

package nl.zorgbeeld.status;

import nl.zorgbeeld.common.Coded;

/** Whether the emergency department takes ambulance patients (emergencyDepartment.status); EDXL-HAVE EMSTrafficStatus. */
public enum EmergencyDepartmentStatus implements Coded, HaveCoded {
    OPEN("open", "Open", "Normal"),
    OMLEIDING("omleiding", "Omleiding (ambulances naar elders)", "Advisory"),
    GESLOTEN("gesloten", "Gesloten", "Closed");

    private final String code;
    private final String label;
    private final String have;

    EmergencyDepartmentStatus(String code, String label, String have) {
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

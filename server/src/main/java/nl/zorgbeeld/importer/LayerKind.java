package nl.zorgbeeld.importer;

/** What a source holds, in the order a folder is loaded (areas before the points placed in them). */
public enum LayerKind {
    LAND_OUTLINE("land outline"),
    PROVINCE("provinces"),
    SAFETY_REGION("safety regions"),
    MUNICIPALITY("municipalities"),
    INSTITUTION("institutions"),
    HOSPITAL_FLAGS("hospital emergency-department flags");

    private final String label;

    LayerKind(String label) { this.label = label; }

    public String label() { return label; }
}

package nl.zorgbeeld.incident;

import nl.zorgbeeld.common.Coded;

/** The care phase of the Crisis Standards of Care. */
public enum CarePhase implements Coded {
    REGULIER("regulier", "Reguliere zorg"),
    AANGEPAST("aangepast", "Aangepaste zorg"),
    CRISIS("crisis", "Crisiszorg");

    private final String code;
    private final String label;

    CarePhase(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

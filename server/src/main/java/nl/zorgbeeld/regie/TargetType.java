package nl.zorgbeeld.regie;

import nl.zorgbeeld.common.Coded;

/** What a regie check can mark: a bullet, a structured entry (question, decision, casualty count) or a map element. */
public enum TargetType implements Coded {
    BULLET("bullet", "Bericht"),
    ENTRY("entry", "Invoer"),
    ELEMENT("element", "Kaartelement");

    private final String code;
    private final String label;

    TargetType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

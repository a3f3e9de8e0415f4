package nl.zorgbeeld.picture;

import nl.zorgbeeld.common.Coded;

/** A decision taken, or an action someone has to carry out. */
public enum DecisionKind implements Coded {
    BESLUIT("besluit", "Besluit"),
    ACTIE("actie", "Actie");

    private final String code;
    private final String label;

    DecisionKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

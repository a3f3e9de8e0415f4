package nl.zorgbeeld.picture;

import nl.zorgbeeld.common.Coded;

/** Where a decision or action stands. */
public enum DecisionStatus implements Coded {
    OPEN("open", "Open"),
    IN_UITVOERING("in_uitvoering", "In uitvoering"),
    AFGEROND("afgerond", "Afgerond"),
    VERVALLEN("vervallen", "Vervallen");

    private final String code;
    private final String label;

    DecisionStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

package nl.zorgbeeld.regie;

import nl.zorgbeeld.common.Coded;

/** How the author resolved a regie check: edited the item, retracted it, or answered the mark. */
public enum Resolution implements Coded {
    AANGEPAST("aangepast", "Aangepast"),
    INGETROKKEN("ingetrokken", "Ingetrokken"),
    BEANTWOORD("beantwoord", "Beantwoord");

    private final String code;
    private final String label;

    Resolution(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

package nl.zorgbeeld.regie;

import nl.zorgbeeld.common.Coded;

/** A regie check's finding about an item. */
public enum CheckKind implements Coded {
    TEGENSTRIJDIG("tegenstrijdig", "Tegenstrijdig"),
    ONJUIST("onjuist", "Onjuist"),
    ONVOLLEDIG("onvolledig", "Onvolledig"),
    ONDUIDELIJK("onduidelijk", "Onduidelijk");

    private final String code;
    private final String label;

    CheckKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

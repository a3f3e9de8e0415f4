package nl.zorgbeeld.plume;

import java.util.Locale;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;

/**
 * Incoming solar radiation by day, a column of Pasquill's table. Strong is a sunny midday in
 * midsummer in England, slight the same in midwinter (Pasquill 1961).
 */
public enum Insolation implements Coded {
    STRONG("strong", "sterke instraling"),
    MODERATE("moderate", "matige instraling"),
    SLIGHT("slight", "zwakke instraling");

    private final String code;
    private final String label;

    Insolation(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }

    public static Insolation parse(String text, String field) {
        return Coded.find(Insolation.class, text == null ? "" : text.trim().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                ApiException.badBody(field, field + " must be one of " + Coded.codes(Insolation.class) + "; got '" + text + "'"));
    }
}

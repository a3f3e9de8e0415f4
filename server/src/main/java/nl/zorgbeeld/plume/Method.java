package nl.zorgbeeld.plume;

import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;

/** How a plume is made: drawn by the GAGS, a wind sector, or the Gaussian model. */
public enum Method implements Coded {
    DRAWN("drawn", "Getekend"),
    SECTOR("sector", "Windsector"),
    GAUSSIAN("gaussian", "Gaussisch pluimmodel");

    private final String code;
    private final String label;

    Method(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }

    public static Method parse(String text, String field) {
        return Coded.find(Method.class, text == null ? "" : text.trim()).orElseThrow(() -> ApiException.badBody(field,
                field + " must be one of " + Coded.codes(Method.class) + "; got '" + text + "'"));
    }
}

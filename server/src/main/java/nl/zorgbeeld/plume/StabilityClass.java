package nl.zorgbeeld.plume;

import java.util.Locale;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;

/** Pasquill's atmospheric stability classes, from very unstable (A) to moderately stable (F). */
public enum StabilityClass implements Coded {
    A("zeer onstabiel"),
    B("matig onstabiel"),
    C("licht onstabiel"),
    D("neutraal"),
    E("licht stabiel"),
    F("matig stabiel");

    private final String label;

    StabilityClass(String label) {
        this.label = label;
    }

    @Override public String code() { return name(); }
    @Override public String label() { return label; }

    public static StabilityClass parse(String text, String field) {
        String code = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Coded.find(StabilityClass.class, code).orElseThrow(() -> ApiException.badBody(field,
                field + " must be one of A, B, C, D, E, F (Pasquill); got '" + text + "'"));
    }
}

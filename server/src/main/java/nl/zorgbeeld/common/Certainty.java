package nl.zorgbeeld.common;

/**
 * How certain a piece of information is: validated, or explicitly an assumption, suspicion, rumour
 * or opinion (the quality norm: information is validated unless marked otherwise). Shared by
 * bullets and map elements.
 */
public enum Certainty implements Coded {
    GEVALIDEERD("gevalideerd", "Gevalideerd"),
    AANNAME("aanname", "Aanname"),
    VERMOEDEN("vermoeden", "Vermoeden"),
    GERUCHT("gerucht", "Gerucht"),
    MENING("mening", "Mening");

    private final String code;
    private final String label;

    Certainty(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() { return code; }

    @Override
    public String label() { return label; }

    /** The certainty named by {@code value}; {@code where} names the field in the error. */
    public static Certainty require(String value, String where) {
        if (value == null || value.isBlank()) {
            throw ApiException.badBody(where, where + " is required: one of " + Coded.codes(Certainty.class));
        }
        return Coded.find(Certainty.class, value).orElseThrow(() -> ApiException.badBody(where,
                "unknown certainty '" + value + "'; use one of " + Coded.codes(Certainty.class)));
    }
}

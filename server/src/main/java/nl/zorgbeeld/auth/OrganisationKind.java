package nl.zorgbeeld.auth;

import nl.zorgbeeld.common.Coded;

/** What kind of organisation a user works for. */
public enum OrganisationKind implements Coded {
    GHOR("ghor", "GHOR"),
    VEILIGHEIDSREGIO("veiligheidsregio", "Veiligheidsregio"),
    ZORGINSTELLING("zorginstelling", "Zorginstelling"),
    OVERIG("overig", "Overig");

    private final String code;
    private final String label;

    OrganisationKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() { return code; }

    @Override
    public String label() { return label; }
}

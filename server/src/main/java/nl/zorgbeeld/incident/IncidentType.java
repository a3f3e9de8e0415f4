package nl.zorgbeeld.incident;

import nl.zorgbeeld.common.Coded;

/** What kind of incident it is. */
public enum IncidentType implements Coded {
    ONGEVAL("ongeval", "Ongeval"),
    BRAND("brand", "Brand"),
    GEVAARLIJKE_STOFFEN("gevaarlijke_stoffen", "Gevaarlijke stoffen (CBRN)"),
    UITVAL_NUTSVOORZIENING("uitval_nutsvoorziening", "Uitval nutsvoorziening"),
    INFECTIEZIEKTE("infectieziekte", "Infectieziekte"),
    HOOG_WATER("hoog_water", "Hoog water"),
    ICT_UITVAL("ict_uitval", "ICT-uitval/cyber"),
    EVENEMENT("evenement", "Evenement"),
    OVERIG("overig", "Overig");

    private final String code;
    private final String label;

    IncidentType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

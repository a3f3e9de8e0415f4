package nl.zorgbeeld.risk;

import nl.zorgbeeld.common.Coded;

/** The standard themes of the Veiligheidsbeeld; a region adds its own themes by name. */
public enum RiskTheme implements Coded {
    INFECTIEZIEKTEN("infectieziekten", "Infectieziekten"),
    UITVAL_NUTSVOORZIENINGEN("uitval-nutsvoorzieningen", "Uitval nutsvoorzieningen"),
    EXTREEM_WEER("extreem-weer", "Extreem weer"),
    EVENEMENTEN("evenementen", "Evenementen"),
    DIGITALE_VEILIGHEID("digitale-veiligheid", "Digitale veiligheid"),
    ZORGCONTINUITEIT("zorgcontinuiteit", "Zorgcontinuïteit");

    private final String code;
    private final String label;

    RiskTheme(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

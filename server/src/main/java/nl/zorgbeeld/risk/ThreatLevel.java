package nl.zorgbeeld.risk;

import nl.zorgbeeld.common.Coded;

/** The threat levels of the Veiligheidsbeeld, lowest first (the order is the ranking for "highest level"). */
public enum ThreatLevel implements Coded {
    GEEN("geen", "Geen dreiging"),
    LICHT("licht", "Lichte dreiging (voorbereiding)"),
    VERHOOGD("verhoogd", "Verhoogde dreiging (regionale coördinatie)"),
    CRISIS("crisis", "Crisis (GRIP of monodisciplinair)"),
    GROOTSCHALIG("grootschalig", "Grootschalige crisis (bovenregionale coördinatie)");

    private final String code;
    private final String label;

    ThreatLevel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

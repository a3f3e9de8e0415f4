package nl.zorgbeeld.incident;

import nl.zorgbeeld.common.Coded;

/** Where an incident is in its life. A closed incident stays readable but takes no more writes. */
public enum IncidentStatus implements Coded {
    ACTIEF("actief", "Actief"),
    AFGESCHAALD("afgeschaald", "Afgeschaald"),
    NAFASE("nafase", "Nafase"),
    GESLOTEN("gesloten", "Gesloten");

    private final String code;
    private final String label;

    IncidentStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

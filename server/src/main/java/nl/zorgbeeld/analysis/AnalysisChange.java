package nl.zorgbeeld.analysis;

import nl.zorgbeeld.common.Coded;

/** How an institution's place in the analysis changed when the picture changed. */
public enum AnalysisChange implements Coded {
    NIEUW("nieuw", "nieuw geraakt"),
    NIET_MEER_GERAAKT("niet_meer_geraakt", "niet meer geraakt"),
    ZONE_GEWIJZIGD("zone_gewijzigd", "andere zone");

    private final String code;
    private final String label;

    AnalysisChange(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() { return code; }

    @Override
    public String label() { return label; }
}

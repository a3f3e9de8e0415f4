package nl.zorgbeeld.analysis;

import nl.zorgbeeld.common.Coded;

/** Whether and how an institution is involved in an incident, as the Hoofd Informatie records it. */
public enum StakeholderStatus implements Coded {
    TE_BEOORDELEN("te_beoordelen", "te beoordelen"),
    TE_INFORMEREN("te_informeren", "te informeren"),
    GEINFORMEERD("geinformeerd", "geïnformeerd"),
    BETROKKEN("betrokken", "betrokken"),
    NIET_RELEVANT("niet_relevant", "niet relevant");

    private final String code;
    private final String label;

    StakeholderStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() { return code; }

    @Override
    public String label() { return label; }

    /** Still to be phoned: nobody has informed it, involved it or judged it not relevant yet. */
    public boolean awaitsCall() {
        return this == TE_BEOORDELEN || this == TE_INFORMEREN;
    }
}

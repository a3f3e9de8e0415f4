package nl.zorgbeeld.picture;

import nl.zorgbeeld.common.Coded;

/** The classes casualties are counted in (the JSON fields of a casualty count, in this order). */
public enum TriageClass implements Coded {
    T1("t1", "T1"),
    T2("t2", "T2"),
    T3("t3", "T3"),
    DEAD("dead", "Dood"),
    UNKNOWN("unknown", "Onbekend");

    private final String code;
    private final String label;

    TriageClass(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

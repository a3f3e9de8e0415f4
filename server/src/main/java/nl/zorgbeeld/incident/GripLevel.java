package nl.zorgbeeld.incident;

import nl.zorgbeeld.common.Coded;

/** The safety region's scaling level; an incident may start without one. */
public enum GripLevel implements Coded {
    GEEN("geen", "Geen GRIP"),
    GRIP_1("1", "GRIP 1"),
    GRIP_2("2", "GRIP 2"),
    GRIP_3("3", "GRIP 3"),
    GRIP_4("4", "GRIP 4"),
    GRIP_5("5", "GRIP 5"),
    RIJK("rijk", "GRIP Rijk");

    private final String code;
    private final String label;

    GripLevel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

package nl.zorgbeeld.picture;

import nl.zorgbeeld.common.Coded;

/** Whether an information question still waits for its answer. */
public enum QuestionStatus implements Coded {
    OPEN("open", "Open"),
    BEANTWOORD("beantwoord", "Beantwoord");

    private final String code;
    private final String label;

    QuestionStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}

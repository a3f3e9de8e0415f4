package nl.zorgbeeld.picture;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Casualties per triage class (T1, T2, T3, dood, onbekend) and their total. */
public record TriageCounts(int t1, int t2, int t3, int dead, int unknown) {

    @JsonProperty("total")
    public int total() {
        return t1 + t2 + t3 + dead + unknown;
    }

    /** "T1 3, T2 5, T3 12, dood 0, onbekend 1": for the timeline. */
    public String summary() {
        return "T1 " + t1 + ", T2 " + t2 + ", T3 " + t3 + ", dood " + dead + ", onbekend " + unknown;
    }
}

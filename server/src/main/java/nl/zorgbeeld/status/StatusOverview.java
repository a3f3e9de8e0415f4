package nl.zorgbeeld.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The status of many institutions at one moment ({@code at}, null: now; {@code evaluatedAt} the
 * moment ages are measured from), with the stale norm in minutes and, per bed type, the sum of free
 * and of all beds over the institutions that reported that type.
 */
public record StatusOverview(OffsetDateTime at, OffsetDateTime evaluatedAt, String region, int staleMinutes, List<StatusItem> institutions,
                             Map<String, BedTotal> totals) {

    /**
     * Beds of one type summed over the listed institutions: {@code available} and {@code total}
     * over those that reported them (null when none did), {@code institutions} how many reported
     * free beds of this type, so that a sum over few reports is not taken for the whole region.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BedTotal(Integer available, Integer total, int institutions) {}
}

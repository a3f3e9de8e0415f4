package nl.zorgbeeld.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an institution reports about itself. Every value may be null: not reported, so unknown
 * (never read as zero). Nulls are written out, so that a reader sees "unknown" rather than a missing
 * field. {@code beds} holds only the bed types that were reported, in vocabulary order.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatusContent(OperationalStatus operationalStatus, EmergencyDepartment emergencyDepartment, Map<String, BedCount> beds,
                            Received received, Decontamination decontamination, StaffingLevel staffing, Continuity continuity,
                            String needs, String remarks) {

    public StatusContent {
        emergencyDepartment = emergencyDepartment == null ? EmergencyDepartment.UNKNOWN : emergencyDepartment;
        beds = ordered(beds == null ? Map.of() : beds);
        received = received == null ? Received.UNKNOWN : received;
        decontamination = decontamination == null ? Decontamination.UNKNOWN : decontamination;
        continuity = continuity == null ? Continuity.UNKNOWN : continuity;
    }

    private static Map<String, BedCount> ordered(Map<String, BedCount> beds) {
        Map<String, BedCount> result = new LinkedHashMap<>();
        for (BedType type : BedType.values()) {
            BedCount count = beds.get(type.code());
            if (count != null && count.known()) result.put(type.code(), count);
        }
        return java.util.Collections.unmodifiableMap(result);
    }

    /** The emergency department's status and why (emergencyDepartment). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EmergencyDepartment(EmergencyDepartmentStatus status, String reason) {
        static final EmergencyDepartment UNKNOWN = new EmergencyDepartment(null, null);
    }

    /** Beds of one type: free now, and in all. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BedCount(Integer available, Integer total) {
        boolean known() {
            return available != null || total != null;
        }
    }

    /** Casualties received since the incident began, per triage class. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Received(Integer t1, Integer t2, Integer t3, Integer dead, Integer unknown) {
        static final Received UNKNOWN = new Received(null, null, null, null, null);
    }

    /** The decontamination facility: its state and how many people an hour it can take. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Decontamination(DeconStatus status, Integer capacityPerHour) {
        static final Decontamination UNKNOWN = new Decontamination(null, null);
    }

    /** Continuity problems (knelpunten zorgcontinuïteit) per area. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Continuity(ContinuityLevel power, ContinuityLevel water, ContinuityLevel ict, ContinuityLevel staff,
                             ContinuityLevel supplies) {
        static final Continuity UNKNOWN = new Continuity(null, null, null, null, null);
    }
}

package nl.zorgbeeld.status;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.status.StatusContent.BedCount;
import nl.zorgbeeld.status.StatusContent.Continuity;
import nl.zorgbeeld.status.StatusContent.Decontamination;
import nl.zorgbeeld.status.StatusContent.EmergencyDepartment;
import nl.zorgbeeld.status.StatusContent.Received;

/**
 * Reads a status report from its JSON body, field by field, with errors that name the field
 * ({@code beds.ic-volwassenen.available}). A field left out or null is unknown; it never becomes 0.
 */
final class StatusInput {
    /** More beds of one type, or casualties, than any Dutch institution has: a typing error. */
    static final int MAX_COUNT = 100_000;
    static final int REASON_LENGTH = 500;
    static final int NEEDS_LENGTH = 1000;
    static final int REMARKS_LENGTH = 2000;

    static final Set<String> FIELDS = Set.of("reportedAt", "incidentId", "operationalStatus", "emergencyDepartment", "beds", "received",
            "decontamination", "staffing", "continuity", "needs", "remarks");
    static final Set<String> CONFIRM_FIELDS = Set.of("reportedAt", "incidentId");
    private static final Set<String> ED_FIELDS = Set.of("status", "reason");
    private static final Set<String> BED_FIELDS = Set.of("available", "total");
    private static final Set<String> RECEIVED_FIELDS = Set.of("t1", "t2", "t3", "dead", "unknown");
    private static final Set<String> DECON_FIELDS = Set.of("status", "capacityPerHour");
    private static final Set<String> CONTINUITY_FIELDS = Set.of("power", "water", "ict", "staff", "supplies");
    private static final Set<String> BED_TYPES = new LinkedHashSet<>(Arrays.stream(BedType.values()).map(BedType::code).toList());

    private StatusInput() {}

    static NewReport report(JsonBody body) {
        return new NewReport(body.instant("reportedAt"), body.longValue("incidentId"), content(body), NewReport.API);
    }

    static StatusContent content(JsonBody body) {
        return new StatusContent(body.code("operationalStatus", OperationalStatus.class), emergencyDepartment(body), beds(body),
                received(body), decontamination(body), body.code("staffing", StaffingLevel.class), continuity(body),
                body.text("needs", NEEDS_LENGTH), body.text("remarks", REMARKS_LENGTH));
    }

    private static EmergencyDepartment emergencyDepartment(JsonBody body) {
        JsonBody ed = body.object("emergencyDepartment", ED_FIELDS);
        if (ed == null) return null;
        return new EmergencyDepartment(ed.code("status", EmergencyDepartmentStatus.class), ed.text("reason", REASON_LENGTH));
    }

    private static Map<String, BedCount> beds(JsonBody body) {
        JsonBody beds = body.object("beds", BED_TYPES);
        Map<String, BedCount> result = new LinkedHashMap<>();
        if (beds == null) return result;
        for (String type : BED_TYPES) {
            JsonBody bed = beds.object(type, BED_FIELDS);
            if (bed == null) continue;
            result.put(type, bed(bed.path("available"), bed.integer("available", 0, MAX_COUNT), bed.integer("total", 0, MAX_COUNT)));
        }
        return result;
    }

    /** Beds of one type; free beds are part of all beds, so {@code available} above {@code total} is refused at {@code where}. */
    static BedCount bed(String where, Integer available, Integer total) {
        if (available != null && total != null && available > total) {
            throw ApiException.badBody(where, where + " (" + available + ") is more than the total (" + total
                    + "): free beds are part of all beds");
        }
        return new BedCount(available, total);
    }

    private static Received received(JsonBody body) {
        JsonBody r = body.object("received", RECEIVED_FIELDS);
        if (r == null) return null;
        return new Received(count(r, "t1"), count(r, "t2"), count(r, "t3"), count(r, "dead"), count(r, "unknown"));
    }

    private static Decontamination decontamination(JsonBody body) {
        JsonBody d = body.object("decontamination", DECON_FIELDS);
        if (d == null) return null;
        return new Decontamination(d.code("status", DeconStatus.class), count(d, "capacityPerHour"));
    }

    private static Continuity continuity(JsonBody body) {
        JsonBody c = body.object("continuity", CONTINUITY_FIELDS);
        if (c == null) return null;
        return new Continuity(c.code("power", ContinuityLevel.class), c.code("water", ContinuityLevel.class),
                c.code("ict", ContinuityLevel.class), c.code("staff", ContinuityLevel.class), c.code("supplies", ContinuityLevel.class));
    }

    private static Integer count(JsonBody body, String name) {
        return body.integer(name, 0, MAX_COUNT);
    }
}

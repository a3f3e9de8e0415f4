package nl.zorgbeeld.incident;

import java.util.List;
import nl.zorgbeeld.common.Visibility;

/** A validated filter on the incident list; empty lists and nulls do not filter. Only visible incidents are listed. */
public record IncidentFilter(List<IncidentStatus> statuses, List<IncidentType> types, Boolean exercise, String regionCode,
                             int limit, Visibility visibility) {

    /** A filter over every incident, whoever may see it (for callers that are not a user's request). */
    public IncidentFilter(List<IncidentStatus> statuses, List<IncidentType> types, Boolean exercise, String regionCode, int limit) {
        this(statuses, types, exercise, regionCode, limit, Visibility.EVERYTHING);
    }
}

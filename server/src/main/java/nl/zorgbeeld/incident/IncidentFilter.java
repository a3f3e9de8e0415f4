package nl.zorgbeeld.incident;

import java.util.List;

/** A validated filter on the incident list; empty lists and nulls do not filter. */
public record IncidentFilter(List<IncidentStatus> statuses, List<IncidentType> types, Boolean exercise, String regionCode,
                             int limit) {}

package nl.zorgbeeld.status;

import java.util.List;

/**
 * Which institutions the overview lists: a safety region (null: all), types, operational statuses
 * and emergency-department statuses (codes; {@code onbekend} for not reported; empty: any), and
 * whether institutions without any report are listed too.
 */
public record OverviewFilter(String region, List<String> types, List<String> statuses, List<String> emergencyDepartment,
                             boolean includeUnreported) {}

package nl.zorgbeeld.plume;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The current plume as the analysis names it.
 *
 * @param windSpeed the wind speed in m/s that carries the cloud (arrival times); null when unknown (drawn)
 * @param limits    the method's limits, shown with every result that uses the plume
 * @param warnings  what these inputs raised (beyond 10 km, wind under 1 m/s, ...)
 */
public record PlumeInfo(long id, String method, String substance, OffsetDateTime createdAt, Double windSpeed, List<Notice> limits,
                        List<Notice> warnings) {}

package nl.zorgbeeld.plume;

import java.time.OffsetDateTime;

/**
 * The current plume as the analysis names it.
 *
 * @param windSpeed the wind speed in m/s that carries the cloud (arrival times); null when unknown (drawn)
 */
public record PlumeInfo(long id, String method, String substance, OffsetDateTime createdAt, Double windSpeed) {}

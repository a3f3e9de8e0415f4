package nl.zorgbeeld.plume;

import java.time.Instant;
import java.util.List;

/**
 * How a forecast reaches one place.
 *
 * @param firstAffected the start of the first hour the place lies in a zone; null when never
 * @param firstZone     the zone it lies in that hour
 * @param worstZone     the most severe zone over the whole forecast
 * @param worstFrom     the start of the first hour with that zone
 * @param zones         per hour, in order, the zone the place lies in; an entry is null when not affected that hour
 */
public record ForecastExposure(Instant firstAffected, ZoneLevel firstZone, ZoneLevel worstZone, Instant worstFrom, List<ZoneLevel> zones) {}

package nl.zorgbeeld.plume;

import java.time.Instant;

/**
 * How a forecast reaches one institution: from which hour (its start) and in which zone, and its most
 * severe zone over the forecast with the first hour it has it.
 */
public record ForecastReach(Instant firstAffected, ZoneLevel firstZone, ZoneLevel worstZone, Instant worstFrom) {}

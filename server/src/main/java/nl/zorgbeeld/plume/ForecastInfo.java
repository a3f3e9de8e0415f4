package nl.zorgbeeld.plume;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The latest forecast as the analysis names it: its hours (each hour's start) and how many
 * institutions it reaches in all (also those the analysis of now does not list).
 */
public record ForecastInfo(long id, OffsetDateTime createdAt, List<Instant> hours, int institutions) {}

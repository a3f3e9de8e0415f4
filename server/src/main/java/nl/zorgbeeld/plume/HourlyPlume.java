package nl.zorgbeeld.plume;

import java.time.Instant;

/** The plume of one forecast hour. */
public record HourlyPlume(Instant start, Plume plume) {}

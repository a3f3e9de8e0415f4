package nl.zorgbeeld.plume;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.zorgbeeld.common.ApiException;

/**
 * A forecast: one release under hourly forecast weather, 1 to {@value #MAX_HOURS} consecutive hours
 * without gaps (each starts exactly an hour after the one before).
 */
public record ForecastInput(SourceTerm release, Thresholds thresholds, Double halfAngle, boolean windProfile, List<ForecastHour> hours) {
    public static final int MAX_HOURS = 24;

    public ForecastInput {
        Checks.required(release, "source");
        Checks.required(thresholds, "thresholds");
        if (halfAngle != null) Checks.positive(halfAngle, ConfidenceAngle.MAX_GIVEN, "halfAngle", " degrees");
        if (hours == null || hours.isEmpty()) throw ApiException.badBody("hours", "hours needs at least one hour of forecast weather");
        if (hours.size() > MAX_HOURS) {
            throw ApiException.badBody("hours", "a forecast covers at most " + MAX_HOURS + " hours; got " + hours.size());
        }
        for (int i = 1; i < hours.size(); i++) {
            Instant expected = hours.get(i - 1).start().plus(Duration.ofHours(1));
            Instant start = hours.get(i).start();
            if (start.equals(expected)) continue;
            String field = "hours[" + i + "].time";
            String problem = start.isAfter(expected) ? "the forecast has a gap" : "the hours must follow each other, an hour apart";
            throw ApiException.badBody(field, problem + ": " + field + " must be " + expected + " (an hour after hours[" + (i - 1)
                    + "]), not " + start);
        }
        hours = List.copyOf(hours);
    }

    /** The inputs of the Gaussian plume of hour {@code i}. */
    GaussianInput hour(int i) {
        return new GaussianInput(release, hours.get(i).weather(), thresholds, halfAngle, windProfile);
    }
}

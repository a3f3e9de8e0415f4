package nl.zorgbeeld.plume;

import java.util.List;

/**
 * The plume for every hour of a forecast (each the steady state for that hour's weather), with the
 * forecast's own warnings (the hours' warnings are in their plumes).
 */
public record Forecast(ForecastInput input, List<HourlyPlume> hours, List<Notice> warnings) {
    public Forecast {
        hours = List.copyOf(hours);
        warnings = List.copyOf(warnings);
    }

    /** An index of every hour's zones for asking the exposure at many points (build once per forecast). */
    public ForecastLocator locator() {
        return new ForecastLocator(this);
    }
}

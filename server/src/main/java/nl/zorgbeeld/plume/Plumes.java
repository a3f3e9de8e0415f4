package nl.zorgbeeld.plume;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry point: makes a plume from checked inputs, by its method, and the plumes of a forecast.
 * Pure computation in RD New, no I/O; safe to call from many threads at once.
 */
public final class Plumes {
    private Plumes() {}

    public static Plume compute(PlumeInput input) {
        if (input instanceof GaussianInput gaussian) return GaussianMethod.plume(gaussian);
        if (input instanceof SectorInput sector) return SectorMethod.plume(sector);
        return DrawnMethod.plume((DrawnInput) input);
    }

    public static Forecast forecast(ForecastInput input) {
        List<HourlyPlume> hours = new ArrayList<>();
        for (int i = 0; i < input.hours().size(); i++) {
            hours.add(new HourlyPlume(input.hours().get(i).start(), GaussianMethod.plume(input.hour(i))));
        }
        List<Notice> warnings = new ArrayList<>();
        double duration = input.release().duration();
        if (duration < input.hours().size() * 3600.0) warnings.add(Notices.forecastOutlastsRelease(duration, input.hours().size()));
        return new Forecast(input, hours, warnings);
    }
}

package nl.zorgbeeld.plume;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The forecast weather of one hour, starting at {@code start}.
 */
public record ForecastHour(Instant start, Weather weather) {
    public ForecastHour {
        Checks.required(start, "time");
        Checks.required(weather, "windSpeed");
    }

    /** Reads hour {@code index} of a forecast: errors in it name their field as hours[index].field. */
    public static ForecastHour read(int index, Supplier<ForecastHour> read) {
        return Checks.within("hours[" + index + "]", read);
    }
}

package nl.zorgbeeld.plume;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/** Answers, for many places, from which hour of a forecast each is affected and in which zone. Not thread-safe. */
public final class ForecastLocator {
    private final List<Instant> starts = new ArrayList<>();
    private final List<ThreatLocator> hours = new ArrayList<>();

    ForecastLocator(Forecast forecast) {
        for (HourlyPlume hour : forecast.hours()) {
            starts.add(hour.start());
            hours.add(hour.plume().threats());
        }
    }

    /** The exposure of a place given in RD New. */
    public ForecastExposure exposureAt(Coordinate rd) {
        List<ZoneLevel> zones = new ArrayList<>();
        Instant first = null;
        ZoneLevel firstZone = null;
        ZoneLevel worst = null;
        Instant worstFrom = null;
        for (int i = 0; i < hours.size(); i++) {
            ZoneLevel zone = hours.get(i).at(rd).zone();
            zones.add(zone);
            if (zone == null) continue;
            if (first == null) {
                first = starts.get(i);
                firstZone = zone;
            }
            if (worst == null || zone.compareTo(worst) < 0) {
                worst = zone;
                worstFrom = starts.get(i);
            }
        }
        return new ForecastExposure(first, firstZone, worst, worstFrom, Collections.unmodifiableList(zones));
    }
}

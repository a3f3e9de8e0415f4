package nl.zorgbeeld.plume;

import static nl.zorgbeeld.plume.PlumeCases.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.zorgbeeld.common.ApiException;
import org.locationtech.jts.geom.Coordinate;
import org.junit.jupiter.api.Test;

/** The forecast: the plume per hour, and per place the first hour it is affected and in which zone. */
class PlumeForecastTest {
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final SourceTerm RELEASE = PlumeCases.release(1000, 0);

    private static List<ForecastHour> hours(double... windFrom) {
        List<ForecastHour> hours = new ArrayList<>();
        for (int i = 0; i < windFrom.length; i++) {
            hours.add(new ForecastHour(START.plus(Duration.ofHours(i)), Weather.given(new Wind(windFrom[i], 3), StabilityClass.D)));
        }
        return hours;
    }

    private static ForecastInput forecast(List<ForecastHour> hours) {
        return new ForecastInput(RELEASE, PlumeCases.AMMONIA, null, true, hours);
    }

    /**
     * The wind turns from west to south to east: a place east of the source is reached in the first
     * hour, one north in the second, one west in the third. (1000 g/s, class D, 3 m/s: LBW reaches
     * 177 m, AGW 440 m, VRW 2.2 km.)
     */
    @Test
    void placesAreReachedWhenTheWindTurnsTowardsThem() {
        Forecast forecast = Plumes.forecast(forecast(hours(270, 180, 90)));
        assertEquals(3, forecast.hours().size());
        assertEquals(START.plus(Duration.ofHours(2)), forecast.hours().get(2).start());
        ForecastLocator locator = forecast.locator();
        Coordinate source = PlumeCases.UTRECHT.rd();

        ForecastExposure east = locator.exposureAt(new Coordinate(source.x + 300, source.y));
        assertEquals(START, east.firstAffected());
        assertEquals(ZoneLevel.AGW, east.firstZone());
        assertEquals(Arrays.asList(ZoneLevel.AGW, null, null), east.zones());

        ForecastExposure north = locator.exposureAt(new Coordinate(source.x, source.y + 1500));
        assertEquals(START.plus(Duration.ofHours(1)), north.firstAffected());
        assertEquals(ZoneLevel.VRW, north.firstZone());
        assertEquals(ZoneLevel.VRW, north.worstZone());

        ForecastExposure west = locator.exposureAt(new Coordinate(source.x - 100, source.y));
        assertEquals(START.plus(Duration.ofHours(2)), west.firstAffected());
        assertEquals(ZoneLevel.LBW, west.worstZone());

        ForecastExposure south = locator.exposureAt(new Coordinate(source.x, source.y - 2000));
        assertNull(south.firstAffected());
        assertNull(south.worstZone());
    }

    /** 500 m downwind: VRW at 3 m/s in class D, LBW when the wind drops to 1.5 m/s at night (F: LBW reaches 611 m). */
    @Test
    void theWorstZoneAndItsFirstHour() {
        List<ForecastHour> calming = new ArrayList<>(hours(270, 270, 270));
        calming.set(1, new ForecastHour(START.plus(Duration.ofHours(1)), Weather.given(new Wind(270, 1.5), StabilityClass.F)));
        ForecastExposure place = Plumes.forecast(forecast(calming)).locator().exposureAt(new Coordinate(PlumeCases.UTRECHT.x() + 500, PlumeCases.UTRECHT.y()));
        assertEquals(START, place.firstAffected());
        assertEquals(ZoneLevel.VRW, place.firstZone());
        assertEquals(ZoneLevel.LBW, place.worstZone(), "the night's calm, stable air makes it worse");
        assertEquals(START.plus(Duration.ofHours(1)), place.worstFrom());
        assertEquals(Arrays.asList(ZoneLevel.VRW, ZoneLevel.LBW, ZoneLevel.VRW), place.zones());
    }

    @Test
    void aReleaseShorterThanTheForecastIsFlagged() {
        Forecast forecast = Plumes.forecast(forecast(hours(270, 270)));
        assertEquals(List.of("FORECAST_OUTLASTS_RELEASE"), forecast.warnings().stream().map(Notice::code).toList());
        assertTrue(forecast.warnings().get(0).nl().contains("1 uur") || forecast.warnings().get(0).nl().contains("60 minuten"), forecast.warnings().get(0).nl());
    }

    @Test
    void aForecastHasNoGapsAndAtMost24Hours() {
        List<ForecastHour> gap = new ArrayList<>(hours(270, 270, 270));
        gap.set(2, new ForecastHour(START.plus(Duration.ofHours(3)), gap.get(2).weather()));
        ApiException e = refused("hours[2].time", () -> forecast(gap));
        assertTrue(e.detail().contains("gap") && e.detail().contains("2026-11-23T11:00:00Z"), e.detail());
        List<ForecastHour> twice = new ArrayList<>(hours(270, 270));
        twice.set(1, new ForecastHour(START, twice.get(1).weather()));
        refused("hours[1].time", () -> forecast(twice));
        double[] day = new double[25];
        Arrays.fill(day, 180);
        ApiException tooLong = refused("hours", () -> forecast(hours(day)));
        assertTrue(tooLong.detail().contains("24"), tooLong.detail());
        refused("hours", () -> forecast(List.of()));
        assertEquals(24, forecast(hours(Arrays.copyOf(day, 24))).hours().size());
        refused("halfAngle", () -> new ForecastInput(RELEASE, PlumeCases.AMMONIA, 90.0, true, hours(270)));
    }
}

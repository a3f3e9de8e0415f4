package nl.zorgbeeld.plume;

import static nl.zorgbeeld.plume.PlumeCases.UTRECHT;
import static nl.zorgbeeld.plume.PlumeCases.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.zorgbeeld.common.ApiException;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a precise reason that names the field, as the HTTP layer will answer it (400). */
class PlumeInputTest {

    @Test
    void releaseRateMustBePositiveAndInAKnownUnit() {
        refused("releaseRate", () -> new ReleaseRate(0, RateUnit.GRAMS_PER_SECOND));
        refused("releaseRate", () -> new ReleaseRate(-5, RateUnit.KILOGRAMS_PER_MINUTE));
        refused("releaseRate", () -> new ReleaseRate(Double.NaN, RateUnit.GRAMS_PER_SECOND));
        refused("releaseRate", () -> new ReleaseRate(1e9, RateUnit.KILOGRAMS_PER_MINUTE));
        refused("releaseRateUnit", () -> RateUnit.parse("kg/h", "releaseRateUnit"));
        assertEquals(50, new ReleaseRate(3, RateUnit.KILOGRAMS_PER_MINUTE).gramsPerSecond(), 1e-12);
        assertEquals(RateUnit.GRAMS_PER_SECOND, RateUnit.parse("g/s", "releaseRateUnit"));
    }

    @Test
    void stabilityClassIsAToF() {
        ApiException e = refused("stabilityClass", () -> StabilityClass.parse("G", "stabilityClass"));
        assertTrue(e.detail().contains("A, B, C, D, E, F"));
        refused("stabilityClass", () -> StabilityClass.parse(null, "stabilityClass"));
        assertEquals(StabilityClass.D, StabilityClass.parse(" d ", "stabilityClass"));
    }

    @Test
    void windSpeedIsAbove0AndAtMost50() {
        refused("windSpeed", () -> new Wind(90, 0));
        refused("windSpeed", () -> new Wind(90, -1));
        refused("windSpeed", () -> new Wind(90, 50.1));
        assertEquals(50, new Wind(90, 50).speed());
        assertTrue(new Wind(90, 0.8).belowValidity(), "below 1 m/s is allowed but flagged");
    }

    @Test
    void windDirectionIs0To360() {
        refused("windDirection", () -> new Wind(-1, 3));
        refused("windDirection", () -> new Wind(360.5, 3));
        refused("windDirection", () -> new Wind(Double.POSITIVE_INFINITY, 3));
        assertEquals(360, new Wind(360, 3).direction());
        assertEquals(0, new Wind(0, 3).direction());
    }

    @Test
    void thresholdsMustBeInOrder() {
        ApiException e = refused("thresholds.LBW", () -> new Thresholds(100, 200, 10));
        assertTrue(e.detail().contains("LBW (100 mg/m3) must exceed AGW (200 mg/m3)"), e.detail());
        refused("thresholds.AGW", () -> new Thresholds(300, 10, 10));
        refused("thresholds.VRW", () -> new Thresholds(300, 10, 0));
        refused("thresholds.VRW", () -> new Thresholds(300, 10, -1));
        refused("thresholds.LBW", () -> new Thresholds(Double.NaN, 10, 1));
    }

    @Test
    void sourceMustLieInTheNetherlandsOrItsNeighbours() {
        refused("source", () -> Source.wgs84(20.0, 52.0, "source"));
        refused("source", () -> Source.wgs84(5.0, 45.0, "source"));
        refused("source", () -> Source.rd(5_000_000, 456_000, "source"));
        refused("source", () -> Source.wgs84(Double.NaN, 52, "source"));
        Source munich = Source.wgs84(11.58, 48.14, "source");
        assertTrue(munich.gridConvergence() < -4, "far east true north leans west of grid north: " + munich.gridConvergence());
        Source brussels = Source.wgs84(4.35, 50.85, "source");
        assertEquals(4.35, Source.rd(brussels.x(), brussels.y(), "source").lon(), 1e-7);
    }

    @Test
    void sourceTermChecksHeightDurationAndSubstance() {
        ReleaseRate rate = new ReleaseRate(10, RateUnit.GRAMS_PER_SECOND);
        refused("releaseHeight", () -> new SourceTerm(UTRECHT, rate, -1, 60, "chloor"));
        refused("releaseHeight", () -> new SourceTerm(UTRECHT, rate, 600, 60, "chloor"));
        refused("duration", () -> new SourceTerm(UTRECHT, rate, 0, 0, "chloor"));
        refused("substance", () -> new SourceTerm(UTRECHT, rate, 0, 60, "  "));
        refused("source", () -> new SourceTerm(null, rate, 0, 60, "chloor"));
        assertEquals("chloor", new SourceTerm(UTRECHT, rate, 0, 60, " chloor ").substance());
    }

    @Test
    void skyAndHalfAngleAreChecked() {
        refused("cloudCover", () -> new Sky(true, 9, null));
        refused("cloudCover", () -> new Sky(false, -1, null));
        refused("insolation", () -> new Sky(false, 2, Insolation.STRONG));
        refused("insolation", () -> Insolation.parse("bright", "insolation"));
        Weather weather = Weather.given(new Wind(90, 3), StabilityClass.D);
        SourceTerm release = PlumeCases.release(10, 0);
        refused("halfAngle", () -> new GaussianInput(release, weather, PlumeCases.AMMONIA, 0.0, true));
        refused("halfAngle", () -> new GaussianInput(release, weather, PlumeCases.AMMONIA, 61.0, true));
        refused("thresholds", () -> new GaussianInput(release, weather, null, null, true));
    }

    @Test
    void methodIsDrawnSectorOrGaussian() {
        refused("method", () -> Method.parse("model", "method"));
        assertEquals(Method.GAUSSIAN, Method.parse("gaussian", "method"));
    }

    @Test
    void errorsInsideAListNameTheItem() {
        ApiException e = refused("hours[3].windSpeed", () -> ForecastHour.read(3,
                () -> new ForecastHour(java.time.Instant.parse("2026-11-23T10:00:00Z"), Weather.given(new Wind(90, 60), StabilityClass.D))));
        assertTrue(e.detail().startsWith("hours[3].windSpeed must be"), e.detail());
    }
}

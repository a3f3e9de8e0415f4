package nl.zorgbeeld.plume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.zorgbeeld.common.ApiException;
import org.junit.jupiter.api.function.Executable;

/** Inputs the plume tests share. */
final class PlumeCases {
    /** Utrecht, in RD New. */
    static final Source UTRECHT = Source.rd(136_000, 456_000, "source");
    /** Ammonia's intervention values in mg/m3, roughly. */
    static final Thresholds AMMONIA = new Thresholds(1000, 200, 14);

    private PlumeCases() {}

    static GaussianInput gaussian(double gramsPerSecond, double height, double windFrom, double speed, StabilityClass c) {
        return new GaussianInput(release(gramsPerSecond, height), Weather.given(new Wind(windFrom, speed), c), AMMONIA, null, true);
    }

    static SourceTerm release(double gramsPerSecond, double height) {
        return new SourceTerm(UTRECHT, new ReleaseRate(gramsPerSecond, RateUnit.GRAMS_PER_SECOND), height, 3600, "ammoniak");
    }

    /** Asserts that {@code read} is refused with a 400 naming {@code field}, and that the message names it too. */
    static ApiException refused(String field, Executable read) {
        ApiException e = assertThrows(ApiException.class, read);
        assertEquals(400, e.status());
        assertEquals(field, e.where(), e.detail());
        assertTrue(e.detail().contains(field.substring(field.lastIndexOf('.') + 1)), () -> "the message names the field: " + e.detail());
        return e;
    }
}

package nl.zorgbeeld.plume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pasquill's table (1961, as in Turner 1970 Table 3-1), with the choices documented in {@link PasquillTable}. */
class PlumeStabilityTest {
    private static StabilityClass day(Insolation insolation, int cloud, double wind) {
        return PasquillTable.classify(new Sky(true, cloud, insolation), wind);
    }

    private static StabilityClass night(int cloud, double wind) {
        return PasquillTable.classify(new Sky(false, cloud, null), wind);
    }

    @Test
    void daytimeCellsOfTheTable() {
        assertEquals(StabilityClass.A, day(Insolation.STRONG, 0, 1.5));
        assertEquals(StabilityClass.B, day(Insolation.STRONG, 0, 2.5), "A-B: the more stable");
        assertEquals(StabilityClass.B, day(Insolation.STRONG, 0, 4));
        assertEquals(StabilityClass.C, day(Insolation.STRONG, 0, 5.5));
        assertEquals(StabilityClass.C, day(Insolation.STRONG, 0, 8));
        assertEquals(StabilityClass.B, day(Insolation.MODERATE, 2, 1.5), "A-B: the more stable");
        assertEquals(StabilityClass.B, day(Insolation.MODERATE, 2, 2.5));
        assertEquals(StabilityClass.C, day(Insolation.MODERATE, 2, 4), "B-C: the more stable");
        assertEquals(StabilityClass.D, day(Insolation.MODERATE, 2, 5.5), "C-D: the more stable");
        assertEquals(StabilityClass.D, day(Insolation.MODERATE, 2, 7));
        assertEquals(StabilityClass.B, day(Insolation.SLIGHT, 6, 1));
        assertEquals(StabilityClass.C, day(Insolation.SLIGHT, 6, 2));
        assertEquals(StabilityClass.C, day(Insolation.SLIGHT, 6, 3));
        assertEquals(StabilityClass.D, day(Insolation.SLIGHT, 6, 5));
        assertEquals(StabilityClass.D, day(Insolation.SLIGHT, 6, 6), "6 m/s is still the 5-6 row");
    }

    @Test
    void nightCellsOfTheTable() {
        assertEquals(StabilityClass.E, night(5, 2.5), "4/8 or more low cloud");
        assertEquals(StabilityClass.F, night(3, 2.5), "3/8 or less");
        assertEquals(StabilityClass.D, night(4, 4));
        assertEquals(StabilityClass.E, night(2, 4));
        assertEquals(StabilityClass.D, night(0, 5.5));
        assertEquals(StabilityClass.D, night(0, 10));
        assertEquals(StabilityClass.F, night(0, 1), "the blank cell below 2 m/s takes the 2-3 m/s row");
        assertEquals(StabilityClass.E, night(6, 1));
    }

    @Test
    void overcastIsNeutralByDayAndNight() {
        assertEquals(StabilityClass.D, night(8, 1));
        assertEquals(StabilityClass.D, day(null, 8, 1));
        assertEquals(StabilityClass.D, day(Insolation.STRONG, 8, 1));
    }

    @Test
    void withoutInsolationTheCloudCoverDecidesModerateOrSlight() {
        assertEquals(Insolation.MODERATE, new Sky(true, 4, null).dayInsolation());
        assertEquals(Insolation.SLIGHT, new Sky(true, 5, null).dayInsolation());
        assertEquals(StabilityClass.B, day(null, 0, 1.5));
        assertEquals(StabilityClass.C, day(null, 7, 2.5));
    }

    @Test
    void weatherRemembersWhereItsClassCameFrom() {
        Weather table = Weather.fromSky(new Wind(200, 2.5), new Sky(false, 1, null));
        assertEquals(StabilityClass.F, table.stabilityClass());
        assertTrue(table.fromTable());
        assertFalse(Weather.given(new Wind(200, 2.5), StabilityClass.A).fromTable());
        Plume plume = Plumes.compute(new GaussianInput(PlumeCases.release(100, 0), table, PlumeCases.AMMONIA, null, true));
        assertEquals(StabilityClass.F, plume.model().stabilityClass());
        assertTrue(plume.model().stabilityFromTable());
    }
}

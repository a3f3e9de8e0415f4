package nl.zorgbeeld.plume;

import static nl.zorgbeeld.plume.PlumeCases.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.junit.jupiter.api.Test;

/** The wind-direction confidence lines: the area a zone sweeps when the wind turns within the half angle. */
class PlumeConfidenceTest {

    @Test
    void defaultHalfAngleNarrowsAsTheWindRises() {
        assertEquals(45, ConfidenceAngle.forWindSpeed(0.5), 0);
        assertEquals(45, ConfidenceAngle.forWindSpeed(1), 0);
        assertEquals(2 * Math.toDegrees(Math.atan(0.25)), ConfidenceAngle.forWindSpeed(2), 1e-12);
        assertEquals(2 * Math.toDegrees(Math.atan(0.1)), ConfidenceAngle.forWindSpeed(5), 1e-12);
        assertEquals(10, ConfidenceAngle.forWindSpeed(8), 0);
        for (double u = 0.5; u < 50; u += 0.25) {
            assertTrue(ConfidenceAngle.forWindSpeed(u + 0.25) <= ConfidenceAngle.forWindSpeed(u), "at " + u);
        }
    }

    @Test
    void givenHalfAngleIsUsed() {
        GaussianInput base = gaussian(1000, 0, 90, 3, StabilityClass.D);
        Plume plume = Plumes.compute(new GaussianInput(base.release(), base.weather(), base.thresholds(), 30.0, true));
        assertEquals(30, plume.model().halfAngle(), 0);
        assertTrue(!plume.model().halfAngleDefault());
        for (ConfidenceLine line : plume.confidence()) assertEquals(30, line.halfAngle(), 0);
        assertTrue(Plumes.compute(base).model().halfAngleDefault());
    }

    /**
     * The swept area holds the zone for every wind direction within the half angle, and little else:
     * it is within 1% of the area of the union of the zone turned in steps of half a degree.
     */
    @Test
    void sweptAreaIsTheUnionOfTheTurnedZones() {
        for (GaussianInput base : List.of(gaussian(1000, 0, 90, 3, StabilityClass.D), gaussian(5000, 30, 200, 2, StabilityClass.B))) {
            Plume plume = Plumes.compute(base);
            double half = plume.model().halfAngle();
            for (ZoneLevel level : ZoneLevel.INSIDE_OUT) {
                ConfidenceLine line = plume.confidence(level);
                if (line == null) continue;
                List<Geometry> turned = new ArrayList<>();
                for (double turn = -half; turn <= half + 1e-9; turn += 0.5) {
                    Wind wind = new Wind((base.weather().wind().direction() + turn + 360) % 360, base.weather().wind().speed());
                    Plume turnedPlume = Plumes.compute(new GaussianInput(base.release(), Weather.given(wind, base.weather().stabilityClass()),
                            base.thresholds(), half, true));
                    Geometry zone = turnedPlume.zone(level).area();
                    assertTrue(line.area().buffer(0.01).covers(zone), level + " turned by " + turn + " lies inside the swept area");
                    turned.add(zone);
                }
                double union = UnaryUnionOp.union(turned).getArea();
                assertEquals(union, line.area().getArea(), union * 0.01, level + ": the swept area is tight");
            }
        }
    }

    @Test
    void linesAreClosedValidCounterClockwiseAndNest() {
        for (GaussianInput input : List.of(gaussian(1000, 0, 90, 1, StabilityClass.F), gaussian(5000, 30, 200, 2, StabilityClass.B),
                gaussian(200, 0, 10, 12, StabilityClass.D))) {
            Plume plume = Plumes.compute(input);
            ConfidenceLine outer = null;
            for (ZoneLevel level : List.of(ZoneLevel.VRW, ZoneLevel.AGW, ZoneLevel.LBW)) {
                ConfidenceLine line = plume.confidence(level);
                if (line == null) continue;
                assertTrue(line.area().isValid(), level + " swept area is valid");
                assertTrue(line.line().isClosed(), level + " line is closed");
                assertEquals(line.area().getExteriorRing(), line.line());
                assertTrue(Orientation.isCCW(line.area().getExteriorRing().getCoordinateSequence()), level + " is counter-clockwise");
                assertTrue(line.area().covers(plume.zone(level).area()), level + " holds its zone");
                assertTrue(Geometries.toWgs84(line.area()).isValid(), level + " in WGS84");
                if (outer != null) assertTrue(outer.area().buffer(0.5).covers(line.area()), level + " inside " + outer.level() + " (0.5 m)");
                outer = line;
            }
        }
    }

    /** A zone that starts away from the source (elevated release) sweeps an area that does too. */
    @Test
    void anElevatedReleaseSweepsAnAreaAwayFromTheSource() {
        Plume plume = Plumes.compute(gaussian(5000, 30, 200, 2, StabilityClass.B));
        ConfidenceLine line = plume.confidence(ZoneLevel.VRW);
        double nearest = plume.frame().downwind(plume.zone(ZoneLevel.VRW).area().getCoordinates()[0]);
        assertTrue(nearest > 20, "the zone starts downwind: " + nearest);
        org.locationtech.jts.geom.Point source = Geometries.RD.createPoint(plume.input().source().rd());
        assertEquals(nearest, line.area().distance(source), nearest * 0.01, "the swept area is as far from the source as the zone");
    }
}

package nl.zorgbeeld.plume;

import static nl.zorgbeeld.plume.PlumeCases.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.junit.jupiter.api.Test;

/** The threat of a Gaussian plume at a place: concentration on and off the axis, zone, arrival. */
class PlumeThreatTest {
    private final Plume plume = Plumes.compute(gaussian(1000, 0, 225, 3, StabilityClass.D));
    private final ThreatLocator threats = plume.threats();
    private final PlumeFrame frame = plume.frame();
    private final GaussianPlume model = plume.gaussian();

    @Test
    void onTheAxisTheConcentrationIsTheCentreLine() {
        Threat threat = threats.at(frame.toRd(300, 0));
        assertEquals(model.centreLine(300), threat.concentration(), model.centreLine(300) * 1e-9);
        assertEquals(threat.concentration(), threat.centreLine(), threat.concentration() * 1e-9);
        assertEquals(300, threat.downwind(), 1e-6);
        assertEquals(300, threat.distance(), 1e-6);
        assertEquals(100, threat.arrivalSeconds(), 1e-6, "distance along the wind over the wind speed");
        assertEquals(ZoneLevel.AGW, threat.zone(), "between AGW and LBW at 300 m: " + threat.concentration());
        assertTrue(threat.concentration() > PlumeCases.AMMONIA.agw() && threat.concentration() < PlumeCases.AMMONIA.lbw());
    }

    @Test
    void offTheAxisTheConcentrationFallsAsAGaussian() {
        double sy = model.sigmaY(1500);
        Threat threat = threats.at(frame.toRd(1500, -60));
        double expected = model.centreLine(1500) * Math.exp(-60 * 60 / (2 * sy * sy));
        assertEquals(expected, threat.concentration(), expected * 1e-9);
        assertEquals(model.centreLine(1500), threat.centreLine(), expected * 1e-9);
        assertEquals(-60, threat.crosswind(), 1e-6);
        assertEquals(1500 / 3.0, threat.arrivalSeconds(), 1e-6, "arrival by the distance along the wind, not the straight distance");
    }

    @Test
    void upwindNothingArrives() {
        Threat threat = threats.at(frame.toRd(-800, 30));
        assertNull(threat.zone());
        assertEquals(0, threat.concentration());
        assertNull(threat.arrivalSeconds());
        assertTrue(threat.downwind() < 0);
    }

    /** A place beside the zone but within the half angle: not in a zone, in the confidence area, at risk if the wind turns. */
    @Test
    void besideTheZoneButWithinTheConfidenceLines() {
        double half = plume.model().halfAngle();
        double angle = Math.toRadians(half * 0.7);
        Coordinate place = frame.toRd(2000 * Math.cos(angle), 2000 * Math.sin(angle));
        Threat threat = threats.at(place);
        assertNull(threat.zone());
        assertEquals(ZoneLevel.VRW, threat.confidenceZone());
        assertTrue(threat.concentration() < PlumeCases.AMMONIA.vrw());
        double onAxis = model.centreLine(2000);
        assertEquals(onAxis, threat.worstInConfidence(), onAxis * 0.01, "turned onto the axis it gets the centre line at its distance");
    }

    /** The zone from the polygons agrees with the zone from the concentration, except within a metre of a boundary. */
    @Test
    void zoneAgreesWithTheConcentration() {
        Random random = new Random(11);
        int inside = 0;
        for (int i = 0; i < 5000; i++) {
            double x = random.nextDouble() * 4000;
            double y = (random.nextDouble() - 0.5) * 600;
            Coordinate place = frame.toRd(x, y);
            Threat threat = threats.at(place);
            ZoneLevel byConcentration = null;
            for (ZoneLevel level : ZoneLevel.INSIDE_OUT) {
                if (threat.concentration() >= PlumeCases.AMMONIA.of(level)) {
                    byConcentration = level;
                    break;
                }
            }
            if (byConcentration != threat.zone()) {
                boolean nearBoundary = false;
                for (PlumeZone zone : plume.zones()) {
                    nearBoundary |= zone.area().getBoundary().distance(Geometries.RD.createPoint(place)) < 1;
                }
                assertTrue(nearBoundary, "at (" + x + ", " + y + "): " + threat.zone() + " by the polygons, " + byConcentration + " by the concentration");
            }
            if (threat.zone() != null) inside++;
        }
        assertTrue(inside > 500, "enough places inside a zone: " + inside);
    }
}

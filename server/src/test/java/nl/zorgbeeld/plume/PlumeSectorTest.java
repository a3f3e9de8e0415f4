package nl.zorgbeeld.plume;

import static nl.zorgbeeld.plume.PlumeCases.UTRECHT;
import static nl.zorgbeeld.plume.PlumeCases.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.junit.jupiter.api.Test;

/** The wind sector: the asked angle and lengths, measured on the geometry. */
class PlumeSectorTest {
    private static final SectorLengths LENGTHS = new SectorLengths(400, 1200, 3500);

    private static double gridBearing(Coordinate from, Coordinate to) {
        return (Math.toDegrees(Math.atan2(to.x - from.x, to.y - from.y)) + 360) % 360;
    }

    @Test
    void sectorsHaveTheAskedAngleAndLengths() {
        for (double half : new double[] {5, 22.5, 45, 90.5}) {
            for (double from : new double[] {0, 135, 290}) {
                Plume plume = Plumes.compute(new SectorInput(UTRECHT, from, 4.0, half, LENGTHS));
                Coordinate source = UTRECHT.rd();
                for (PlumeZone zone : plume.zones()) {
                    Polygon area = (Polygon) zone.area();
                    String label = zone.level() + " half " + half + " from " + from;
                    assertTrue(area.isValid(), label);
                    assertTrue(Orientation.isCCW(area.getExteriorRing().getCoordinateSequence()), label + " counter-clockwise");
                    Coordinate[] ring = area.getExteriorRing().getCoordinates();
                    assertEquals(0, ring[0].distance(source), 1e-9, label + " starts at the source");
                    for (int i = 1; i < ring.length - 1; i++) assertEquals(LENGTHS.of(zone.level()), ring[i].distance(source), 1e-6, label + " arc");
                    // counter-clockwise from the source: first the edge to the right of the downwind direction (clockwise of it)
                    double right = gridBearing(source, ring[1]);
                    double left = gridBearing(source, ring[ring.length - 2]);
                    double opening = ((right - left) % 360 + 360) % 360;
                    assertEquals(2 * half, opening, 1e-9, label + ": the angle between the edges");
                    double expectedAxis = (from + 180 + UTRECHT.gridConvergence()) % 360;
                    double axis = (left + half) % 360;
                    assertEquals(0, ((axis - expectedAxis) % 360 + 540) % 360 - 180, 1e-9, label + ": centred downwind");
                    double expectedArea = Math.toRadians(half) * Math.pow(LENGTHS.of(zone.level()), 2);
                    assertEquals(expectedArea, area.getArea(), expectedArea * 1e-4, label + ": area of the circular sector");
                    assertEquals(LENGTHS.of(zone.level()), zone.reach(), 0);
                }
                assertTrue(plume.zone(ZoneLevel.VRW).area().buffer(1e-3).covers(plume.zone(ZoneLevel.AGW).area()));
                assertTrue(plume.zone(ZoneLevel.AGW).area().buffer(1e-3).covers(plume.zone(ZoneLevel.LBW).area()));
            }
        }
    }

    @Test
    void aHalfAngleOf180IsACircle() {
        Plume plume = Plumes.compute(new SectorInput(UTRECHT, 200, null, 180, LENGTHS));
        Polygon vrw = (Polygon) plume.zone(ZoneLevel.VRW).area();
        assertTrue(vrw.isValid());
        assertEquals(Math.PI * 3500 * 3500, vrw.getArea(), Math.PI * 3500 * 3500 * 1e-4);
        assertTrue(vrw.contains(Geometries.RD.createPoint(UTRECHT.rd())), "the source lies inside the circle");
    }

    @Test
    void threatInASectorIsTheZoneAndTheArrival() {
        Plume plume = Plumes.compute(new SectorInput(UTRECHT, 270, 2.0, 30, LENGTHS));
        ThreatLocator threats = plume.threats();
        PlumeFrame frame = plume.frame();
        Threat near = threats.at(frame.toRd(300, 50));
        assertEquals(ZoneLevel.LBW, near.zone());
        assertEquals(150, near.arrivalSeconds(), 1e-9, "300 m along the wind at 2 m/s");
        assertNull(near.concentration(), "a sector computes no concentrations");
        assertEquals(ZoneLevel.VRW, threats.at(frame.toRd(3000, 0)).zone());
        Threat upwind = threats.at(frame.toRd(-500, 0));
        assertNull(upwind.zone());
        assertNull(upwind.arrivalSeconds());
        assertNull(Plumes.compute(new SectorInput(UTRECHT, 270, null, 30, LENGTHS)).threats().at(frame.toRd(300, 0)).arrivalSeconds(),
                "no arrival without a wind speed");
        assertEquals(List.of("SECTOR_ESTIMATE", "WIND_TURNS"), plume.limits().stream().map(Notice::code).toList());
        assertTrue(plume.confidence().isEmpty());
    }

    @Test
    void badSectorInputNamesTheField() {
        refused("lengths.LBW", () -> new SectorLengths(500, 500, 1000));
        refused("lengths.AGW", () -> new SectorLengths(100, 1000, 900));
        refused("lengths.VRW", () -> new SectorLengths(100, 1000, 60_000));
        refused("halfAngle", () -> new SectorInput(UTRECHT, 90, null, 0, LENGTHS));
        refused("halfAngle", () -> new SectorInput(UTRECHT, 90, null, 181, LENGTHS));
        refused("windDirection", () -> new SectorInput(UTRECHT, 361, null, 30, LENGTHS));
        refused("windSpeed", () -> new SectorInput(UTRECHT, 90, 0.0, 30, LENGTHS));
        refused("source", () -> new SectorInput(null, 90, null, 30, LENGTHS));
    }
}

package nl.zorgbeeld.plume;

import static nl.zorgbeeld.plume.PlumeCases.UTRECHT;
import static nl.zorgbeeld.plume.PlumeCases.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nl.zorgbeeld.common.ApiException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.junit.jupiter.api.Test;

/** Drawn zones: valid and nested (LBW within AGW within VRW, 1 m to spare), or a precise error. */
class PlumeDrawnTest {
    private static final double X = UTRECHT.x();
    private static final double Y = UTRECHT.y();

    /** A rectangle east of the source, clockwise as drawn (the output must be counter-clockwise). */
    private static Polygon clockwiseBox(double fromX, double toX, double halfHeight) {
        return Geometries.RD.createPolygon(new Coordinate[] {
            new Coordinate(X + fromX, Y - halfHeight), new Coordinate(X + fromX, Y + halfHeight),
            new Coordinate(X + toX, Y + halfHeight), new Coordinate(X + toX, Y - halfHeight), new Coordinate(X + fromX, Y - halfHeight)});
    }

    private static Map<ZoneLevel, Geometry> nested() {
        return Map.of(ZoneLevel.LBW, clockwiseBox(0, 500, 100), ZoneLevel.AGW, clockwiseBox(0, 1500, 300), ZoneLevel.VRW, clockwiseBox(0, 4000, 800));
    }

    @Test
    void nestedZonesAreAcceptedAndTurnedCounterClockwise() {
        Plume plume = Plumes.compute(new DrawnInput(nested(), UTRECHT, new Wind(270, 2)));
        for (PlumeZone zone : plume.zones()) {
            Polygon area = (Polygon) zone.area();
            assertTrue(area.isValid());
            assertTrue(Orientation.isCCW(area.getExteriorRing().getCoordinateSequence()), zone.level() + " counter-clockwise");
        }
        assertEquals(Math.hypot(4000, 800), plume.zone(ZoneLevel.VRW).reach(), 1e-6, "the farthest point from the source");
        Threat threat = plume.threats().at(new Coordinate(X + 1000, Y + 10));
        assertEquals(ZoneLevel.AGW, threat.zone());
        double convergence = Math.toRadians(UTRECHT.gridConvergence());
        double alongTheWind = 1000 * Math.cos(convergence) - 10 * Math.sin(convergence);
        assertEquals(alongTheWind / 2, threat.arrivalSeconds(), 1e-6, "about 1000 m east with a west wind of 2 m/s");
        assertEquals(java.util.List.of("DRAWN_ESTIMATE"), plume.limits().stream().map(Notice::code).toList());
    }

    @Test
    void withoutSourceThereIsOnlyTheZone() {
        Plume plume = Plumes.compute(new DrawnInput(nested(), null, null));
        assertNull(plume.zone(ZoneLevel.VRW).reach());
        Threat threat = plume.threats().at(new Coordinate(X + 3000, Y));
        assertEquals(ZoneLevel.VRW, threat.zone());
        assertNull(threat.distance());
        assertNull(threat.arrivalSeconds());
        Threat withSource = Plumes.compute(new DrawnInput(nested(), UTRECHT, null)).threats().at(new Coordinate(X + 3000, Y));
        assertEquals(3000, withSource.distance(), 1e-6);
        assertNull(withSource.downwind(), "no wind, no direction");
    }

    @Test
    void zonesMayBeLeftOut() {
        Plume plume = Plumes.compute(new DrawnInput(Map.of(ZoneLevel.VRW, clockwiseBox(0, 4000, 800)), UTRECHT, null));
        assertTrue(plume.zone(ZoneLevel.LBW).isEmpty());
        assertEquals(ZoneLevel.VRW, plume.threats().at(new Coordinate(X + 100, Y)).zone());
        refused("zones", () -> new DrawnInput(Map.of(), null, null));
    }

    @Test
    void anInvalidZoneIsRefused() {
        Polygon bowTie = Geometries.RD.createPolygon(new Coordinate[] {
            new Coordinate(X, Y), new Coordinate(X + 1000, Y + 1000), new Coordinate(X + 1000, Y), new Coordinate(X, Y + 1000), new Coordinate(X, Y)});
        ApiException e = refused("zones.AGW", () -> new DrawnInput(Map.of(ZoneLevel.AGW, bowTie), null, null));
        assertTrue(e.detail().contains("not a valid polygon") && e.detail().contains("Self-intersection"), e.detail());
        refused("zones.VRW", () -> new DrawnInput(Map.of(ZoneLevel.VRW, Geometries.RD.createLineString(new Coordinate[] {
            new Coordinate(X, Y), new Coordinate(X + 10, Y)})), null, null));
        refused("zones.LBW", () -> new DrawnInput(Map.of(ZoneLevel.LBW, Geometries.RD.createPolygon()), null, null));
    }

    @Test
    void zonesThatDoNotNestAreRefusedWithWhereAndHowFar() {
        ApiException e = refused("zones.LBW", () -> new DrawnInput(Map.of(ZoneLevel.LBW, clockwiseBox(0, 1550, 100),
                ZoneLevel.AGW, clockwiseBox(0, 1500, 300), ZoneLevel.VRW, clockwiseBox(0, 4000, 800)), null, null));
        assertTrue(e.detail().contains("within the AGW zone") && e.detail().contains("50 m") && e.detail().contains("near (5."), e.detail());
        refused("zones.AGW", () -> new DrawnInput(Map.of(ZoneLevel.AGW, clockwiseBox(0, 5000, 300), ZoneLevel.VRW, clockwiseBox(0, 4000, 800)), null, null));
        refused("zones.LBW", () -> new DrawnInput(Map.of(ZoneLevel.LBW, clockwiseBox(0, 5000, 100), ZoneLevel.VRW, clockwiseBox(0, 4000, 800)), null, null));
        Plume handDrawn = Plumes.compute(new DrawnInput(Map.of(ZoneLevel.LBW, clockwiseBox(0, 1500.6, 100), ZoneLevel.AGW, clockwiseBox(0, 1500, 300)), null, null));
        assertEquals(ZoneLevel.LBW, handDrawn.threats().at(new Coordinate(X + 1500.3, Y)).zone(), "0.6 m too far is within the tolerance");
        refused("source", () -> new DrawnInput(nested(), null, new Wind(90, 3)));
    }
}

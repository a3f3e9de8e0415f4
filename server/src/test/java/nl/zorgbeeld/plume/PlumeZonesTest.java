package nl.zorgbeeld.plume;

import static nl.zorgbeeld.plume.PlumeCases.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.junit.jupiter.api.Test;

/** The Gaussian zones: valid, closed, counter-clockwise, nested, on the threshold, smooth, turned to the wind. */
class PlumeZonesTest {

    private static void assertGoodPolygon(Geometry area, String what) {
        assertTrue(area instanceof Polygon, what + " is a polygon");
        Polygon polygon = (Polygon) area;
        assertTrue(polygon.isValid(), what + " is valid");
        assertTrue(polygon.getExteriorRing().isClosed(), what + " is closed");
        assertTrue(Orientation.isCCW(polygon.getExteriorRing().getCoordinateSequence()), what + " runs counter-clockwise");
        assertEquals(0, polygon.getNumInteriorRing(), what + " has no holes");
    }

    /** Over classes, release rates, heights, wind speeds and directions: every zone good, and LBW inside AGW inside VRW. */
    @Test
    void zonesAreValidCounterClockwiseAndNestForManyInputs() {
        int zones = 0;
        for (StabilityClass c : StabilityClass.values()) {
            for (double q : new double[] {1, 100, 10_000}) {
                for (double h : new double[] {0, 20, 80}) {
                    for (double u : new double[] {1, 3, 12}) {
                        for (double direction : new double[] {0, 237.5}) {
                            Plume plume = Plumes.compute(gaussian(q, h, direction, u, c));
                            String label = c + " Q=" + q + " H=" + h + " u=" + u + " from " + direction;
                            PlumeZone outer = null;
                            for (ZoneLevel level : List.of(ZoneLevel.VRW, ZoneLevel.AGW, ZoneLevel.LBW)) {
                                PlumeZone zone = plume.zone(level);
                                if (zone.isEmpty()) {
                                    assertTrue(outer == null || level != ZoneLevel.VRW, label);
                                    outer = zone;
                                    continue;
                                }
                                zones++;
                                assertGoodPolygon(zone.area(), label + " " + level);
                                assertFalse(outer != null && outer.isEmpty(), label + ": " + level + " exists though the zone around it does not");
                                if (outer != null) {
                                    assertTrue(outer.area().covers(zone.area()), label + ": " + level + " lies inside " + outer.level());
                                    assertTrue(outer.reach() > zone.reach(), label + ": " + level + " reaches less far than " + outer.level());
                                }
                                assertGoodPolygon(Geometries.toWgs84(zone.area()), label + " " + level + " in WGS84");
                                outer = zone;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(zones > 400, "enough non-empty zones were checked: " + zones);
    }

    /** Every vertex of a zone lies where the ground-level concentration equals its threshold (or at the source). */
    @Test
    void outlinesLieOnTheThreshold() {
        Plume plume = Plumes.compute(gaussian(5000, 2, 200, 4, StabilityClass.D));
        PlumeFrame frame = plume.frame();
        for (PlumeZone zone : plume.zones()) {
            int checked = 0;
            for (Coordinate c : zone.area().getCoordinates()) {
                double x = frame.downwind(c);
                if (x < 1e-6) continue;
                double concentration = plume.gaussian().groundLevel(x, frame.crosswind(c));
                assertEquals(zone.threshold(), concentration, zone.threshold() * 1e-6, zone.level() + " at x = " + x);
                checked++;
            }
            assertTrue(checked > 50, zone.level() + " has a detailed outline: " + checked);
        }
    }

    /** Between vertices the true outline departs from the straight edge by at most the tracer's tolerance (a thousandth of the widest half width, at least 5 cm). */
    @Test
    void outlinesAreSmooth() {
        GaussianPlume model = new GaussianPlume(2000, 0, 2, StabilityClass.F);
        List<ZoneProfile> profiles = ContourTracer.trace(model, PlumeCases.AMMONIA);
        double widest = 0;
        for (int i = 0; i < profiles.get(2).size(); i++) widest = Math.max(widest, profiles.get(2).w(i));
        double tolerance = Math.max(0.05, widest / 1000);
        for (ZoneProfile zone : profiles) {
            for (int i = 1; i + 2 < zone.size(); i++) {
                double a = zone.x(i);
                double b = zone.x(i + 1);
                double middle = (a + b) / 2;
                double chord = (zone.w(i) + zone.w(i + 1)) / 2;
                assertEquals(model.halfWidth(middle, zone.threshold()), chord, tolerance * 1.0001, zone.level() + " between " + a + " and " + b);
            }
        }
    }

    /** The reach is where the centre line falls to the threshold, and the zone's farthest point downwind. */
    @Test
    void reachIsTheFarthestDownwindDistanceOfTheZone() {
        Plume plume = Plumes.compute(gaussian(500, 0, 90, 3, StabilityClass.E));
        for (PlumeZone zone : plume.zones()) {
            double farthest = 0;
            for (Coordinate c : zone.area().getCoordinates()) farthest = Math.max(farthest, plume.frame().downwind(c));
            assertEquals(zone.reach(), farthest, 1e-6, zone.level().code());
            assertEquals(zone.threshold(), plume.gaussian().centreLine(zone.reach()), zone.threshold() * 1e-6);
        }
        assertTrue(plume.zone(ZoneLevel.VRW).reach() > 1000, "a real zone, not a trivial one");
    }

    /** A wind from the west (270) carries the plume east; measured as a true bearing in WGS84, also far from RD's centre. */
    @Test
    void zonesPointDownwindFromTrueNorth() {
        for (Source source : new Source[] {PlumeCases.UTRECHT, Source.wgs84(7.0, 53.3, "source"), Source.wgs84(3.6, 51.3, "source")}) {
            for (double from : new double[] {0, 45, 270, 333}) {
                GaussianInput input = new GaussianInput(new SourceTerm(source, new ReleaseRate(300, RateUnit.GRAMS_PER_SECOND), 0, 3600, "x"),
                        Weather.given(new Wind(from, 5), StabilityClass.D), PlumeCases.AMMONIA, null, true);
                Plume plume = Plumes.compute(input);
                PlumeZone zone = plume.zone(ZoneLevel.AGW);
                Coordinate tip = plume.frame().toRd(zone.reach(), 0);
                Coordinate tipLonLat = Geometries.toWgs84(Geometries.RD.createPoint(tip)).getCoordinate();
                double bearing = trueBearing(source.lon(), source.lat(), tipLonLat.x, tipLonLat.y);
                double expected = (from + 180) % 360;
                double difference = Math.abs(((bearing - expected) % 360 + 540) % 360 - 180);
                assertTrue(difference < 0.05, "from " + from + " at " + source.lon() + ": bearing " + bearing + ", expected " + expected);
            }
        }
    }

    /** The bearing over a few kilometres on the WGS84 ellipsoid, from the local radii of curvature (a sphere would be off by up to 0.1 degree). */
    private static double trueBearing(double lon1, double lat1, double lon2, double lat2) {
        double e2 = 0.00669437999014;
        double sin = Math.sin(Math.toRadians((lat1 + lat2) / 2));
        double w = 1 - e2 * sin * sin;
        double meridian = (1 - e2) / Math.pow(w, 1.5);
        double normal = 1 / Math.sqrt(w);
        double east = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2)) * normal;
        double north = Math.toRadians(lat2 - lat1) * meridian;
        return (Math.toDegrees(Math.atan2(east, north)) + 360) % 360;
    }

    @Test
    void aZoneBeyondThirtyKilometresIsCutOffAndSaysSo() {
        Plume plume = Plumes.compute(gaussian(300_000, 0, 180, 1.5, StabilityClass.F));
        PlumeZone vrw = plume.zone(ZoneLevel.VRW);
        PlumeZone agw = plume.zone(ZoneLevel.AGW);
        PlumeZone lbw = plume.zone(ZoneLevel.LBW);
        assertTrue(vrw.clipped() && agw.clipped() && lbw.clipped(), "all three cut off");
        assertEquals(ContourTracer.MAX_X, vrw.reach(), 0);
        assertEquals(ContourTracer.MAX_X - ContourTracer.CUT_STEP, agw.reach(), 0);
        assertEquals(ContourTracer.MAX_X - 2 * ContourTracer.CUT_STEP, lbw.reach(), 0);
        for (PlumeZone zone : plume.zones()) assertGoodPolygon(zone.area(), "the clipped " + zone.level() + " zone");
        assertTrue(vrw.area().covers(agw.area()) && agw.area().covers(lbw.area()), "clipped zones still nest");
        assertEquals(3, codes(plume).stream().filter("CLIPPED"::equals).count(), codes(plume).toString());
        assertTrue(plume.confidence(ZoneLevel.VRW).area().isValid());
        assertTrue(plume.confidence(ZoneLevel.VRW).area().covers(vrw.area()));
    }

    @Test
    void warningsFollowTheInputs() {
        List<String> far = codes(Plumes.compute(gaussian(20_000, 0, 180, 2, StabilityClass.F)));
        assertTrue(far.contains("REACH_BEYOND_10_KM"), far.toString());
        List<String> light = codes(Plumes.compute(gaussian(100, 0, 180, 0.8, StabilityClass.F)));
        assertTrue(light.contains("WIND_BELOW_VALIDITY"), light.toString());
        List<String> tiny = codes(Plumes.compute(gaussian(0.5, 0, 180, 5, StabilityClass.D)));
        assertTrue(tiny.contains("WITHIN_100_M"), tiny.toString());
        List<String> high = codes(Plumes.compute(gaussian(100, 80, 180, 5, StabilityClass.D)));
        assertTrue(high.contains("HIGH_RELEASE") && high.contains("NOT_REACHED"), high.toString());
        GaussianInput brief = new GaussianInput(new SourceTerm(PlumeCases.UTRECHT, new ReleaseRate(2000, RateUnit.GRAMS_PER_SECOND), 0, 60, "x"),
                Weather.given(new Wind(180, 3), StabilityClass.D), PlumeCases.AMMONIA, null, true);
        Plume shortRelease = Plumes.compute(brief);
        assertTrue(codes(shortRelease).contains("SHORT_RELEASE"), codes(shortRelease).toString());
        Notice notice = shortRelease.warnings().stream().filter(n -> n.code().equals("SHORT_RELEASE")).findFirst().orElseThrow();
        assertTrue(notice.nl().contains("60 seconden") && notice.nl().contains("180 m"), notice.nl());
        assertEquals(List.of(), codes(Plumes.compute(gaussian(1000, 0, 180, 3, StabilityClass.D))), "an ordinary case raises nothing");
    }

    @Test
    void everyGaussianPlumeCarriesTheHonestLimits() {
        Plume plume = Plumes.compute(gaussian(1000, 0, 180, 3, StabilityClass.D));
        List<String> limits = plume.limits().stream().map(Notice::code).toList();
        assertEquals(List.of("HEAVY_GAS", "PLUME_RISE", "LOW_WIND", "NEAR_SOURCE", "FAR_FIELD", "TERRAIN", "STEADY_STATE"), limits);
        for (Notice n : plume.limits()) assertTrue(!n.nl().isBlank() && !n.en().isBlank(), n.code());
    }

    @Test
    void windAtTheReleaseHeightByThePowerLawWhenAsked() {
        SourceTerm release = PlumeCases.release(100, 40);
        Weather weather = Weather.given(new Wind(180, 3), StabilityClass.D);
        Plume profiled = Plumes.compute(new GaussianInput(release, weather, PlumeCases.AMMONIA, null, true));
        Plume uniform = Plumes.compute(new GaussianInput(release, weather, PlumeCases.AMMONIA, null, false));
        assertEquals(3 * Math.pow(4, 0.15), profiled.model().windSpeedAtRelease(), 1e-12);
        assertEquals(3, uniform.model().windSpeedAtRelease(), 0);
        assertEquals(3 * Math.pow(4, 0.15), profiled.arrivalSpeed(), 1e-12);
        assertNotNull(profiled.gaussian());
    }

    /** RD New to WGS84 and back loses less than a millimetre, so stored zones keep their shape. */
    @Test
    void zonesConvertToWgs84AndBack() {
        Polygon zone = (Polygon) Plumes.compute(gaussian(1000, 0, 180, 3, StabilityClass.D)).zone(ZoneLevel.VRW).area();
        Geometry wgs84 = Geometries.toWgs84(zone);
        assertEquals(Geometries.WGS84_SRID, wgs84.getSRID());
        assertTrue(wgs84.getEnvelopeInternal().getMinX() > 4 && wgs84.getEnvelopeInternal().getMaxY() < 53);
        Geometry back = Geometries.toRd(wgs84);
        Coordinate[] original = zone.getCoordinates();
        Coordinate[] returned = back.getCoordinates();
        for (int i = 0; i < original.length; i++) assertEquals(0, original[i].distance(returned[i]), 1e-3);
    }

    private static List<String> codes(Plume plume) {
        return plume.warnings().stream().map(Notice::code).toList();
    }
}

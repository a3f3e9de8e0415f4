package nl.zorgbeeld.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The segment index against JTS's brute-force distance, on hand-made and random linework. */
class AnalysisSegmentIndexTest {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @Test
    void aPointHazardIsOneSegmentOfLengthZero() throws ParseException {
        SegmentIndex index = new SegmentIndex(new WKTReader().read("POINT (10 20)"));
        assertEquals(5, index.distance(13, 24), 1e-12);
        assertEquals(new Coordinate(10, 20), index.nearestPoint(13, 24));
    }

    @Test
    void holesAndPartsCount() throws ParseException {
        SegmentIndex index = new SegmentIndex(new WKTReader().read(
                "MULTIPOLYGON (((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 60 40, 60 60, 40 60, 40 40)), ((200 0, 210 0, 210 10, 200 0)))"));
        assertEquals(10, index.distance(50, 50), 1e-12, "from the middle of the hole to its edge");
        assertEquals(90, index.distance(300, 10), 1e-12, "to the second part");
        assertEquals(new Coordinate(60, 50), index.nearestPoint(65, 50));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void agreesWithBruteForceOnRandomLinework(int seed) {
        Random random = new Random(seed);
        int vertices = 1 + random.nextInt(3000);
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) ring[i] = new Coordinate(random.nextGaussian() * 1000, random.nextGaussian() * 1000);
        ring[vertices] = ring[0].copy();
        Geometry lines = GEOMETRY.createLineString(ring);
        SegmentIndex index = new SegmentIndex(lines);
        for (int i = 0; i < 2000; i++) {
            Point p = GEOMETRY.createPoint(new Coordinate(random.nextGaussian() * 3000, random.nextGaussian() * 3000));
            double expected = lines.distance(p);
            assertEquals(expected, index.distance(p.getX(), p.getY()), 1e-9);
            assertEquals(expected, index.nearestPoint(p.getX(), p.getY()).distance(p.getCoordinate()), 1e-9);
        }
    }
}

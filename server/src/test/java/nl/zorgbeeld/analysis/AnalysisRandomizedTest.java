package nl.zorgbeeld.analysis;

import static nl.zorgbeeld.analysis.AnalysisFixtures.draw;
import static nl.zorgbeeld.analysis.AnalysisFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.zorgbeeld.analysis.AnalysisFixtures.Place;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The analysis through the API on random hazards (star-shaped polygons, with holes, multipolygons,
 * an incident area and location) and thousands of random institutions, against two independent
 * computations in RD New: plain JTS (brute-force distance and covers, no index) and PostGIS
 * (ST_Distance, ST_Covers). Same institutions in the same zones, except within 1 m of a boundary,
 * and distances within 1 m + 0.03 %.
 */
class AnalysisRandomizedTest {
    private static final String PREFIX = "anarand:";
    private static final int POINTS = 1500;
    private static final double TOLERANCE_M = 1;
    private static final double TOLERANCE_SCALE = 0.0003;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A hazard as the reference computation knows it; {@code edge} is the boundary of an area, else the geometry. */
    private record Drawn(String kind, String zone, Geometry geometry, Geometry edge) {
        Drawn(String kind, String zone, Geometry geometry) {
            this(kind, zone, geometry, geometry.getDimension() == 2 ? geometry.getBoundary() : geometry);
        }

        Zone inside() {
            return switch (kind) {
                case "effectgebied" -> Zone.effect(zone);
                case "incidentgebied" -> Zone.INCIDENT_AREA;
                default -> null;
            };
        }
    }

    /** What the reference computation expects for one institution; {@code borderline} when within 1 m of a boundary. */
    private record Expected(Zone zone, double distance, boolean borderline) {}

    @ParameterizedTest
    @ValueSource(longs = {11, 22, 33, 44, 55})
    void matchesPlainJtsAndPostgis(long seed) {
        Random random = new Random(seed);
        // Each round far from the others (and from land), so their institutions do not mix.
        Coordinate centre = new Coordinate(-40_000 + 30_000 * (seed / 11 - 1), 640_000);
        long incident = TestIncidents.create("Analyse: willekeurige test " + seed, "actief");
        List<Drawn> drawn = hazards(random, centre);
        for (Drawn d : drawn) draw(server, incident, d.kind(), d.zone(), null, d.geometry());
        List<Place> places = places(random, centre, seed);
        AnalysisFixtures.institutions(PREFIX + seed + ":", places);
        List<Double> rings = randomRings(random);
        String ringsParameter = String.join(",", rings.stream().map(Rings::plain).toList());
        Rings parsed = Rings.parse(ringsParameter);

        JsonNode analysis = json(server.get("/api/incidents/" + incident + "/affected?rings=" + ringsParameter));
        Map<String, JsonNode> actual = new HashMap<>();
        for (JsonNode item : analysis.get("institutions")) actual.put(item.path("institution").path("id").asText(), item);
        Map<String, Double> postgis = postgisDistances(incident, PREFIX + seed + ":");

        int affected = 0;
        int compared = 0;
        for (Place place : places) {
            Expected expected = reference(drawn, parsed, place);
            JsonNode item = actual.get(place.id());
            double pg = postgis.get(place.id());
            assertEquals(expected.distance(), pg, tolerance(pg), "PostGIS and JTS agree on the distance of " + place.id());
            if (expected.borderline()) continue;
            compared++;
            if (expected.zone() == null) {
                if (item != null) fail(place.id() + " is not affected by the reference, but in zone " + item.path("zone").path("key"));
                continue;
            }
            affected++;
            if (item == null) fail(place.id() + " is in zone " + expected.zone().key() + " by the reference, missing from the analysis");
            assertEquals(expected.zone().key(), item.path("zone").path("key").asText(), place.id());
            assertEquals(expected.distance(), item.path("distance").asDouble(), tolerance(expected.distance()), place.id());
        }
        assertTrue(compared > POINTS * 9 / 10, "few points near a boundary: " + compared);
        assertTrue(affected >= 100 && compared - affected >= 100, "a mix of affected and unaffected points: " + affected + " of " + compared);
    }

    private static double tolerance(double distance) {
        return TOLERANCE_M + TOLERANCE_SCALE * distance;
    }

    /** The independent computation: every hazard, brute force. */
    private static Expected reference(List<Drawn> drawn, Rings rings, Place place) {
        Point p = GEOMETRY.createPoint(new Coordinate(place.x(), place.y()));
        Zone inside = null;
        double nearest = Double.POSITIVE_INFINITY;
        boolean borderline = false;
        for (Drawn d : drawn) {
            double toEdge = d.edge().distance(p);
            boolean covered = d.inside() != null && d.geometry().covers(p);
            borderline |= d.inside() != null && toEdge < TOLERANCE_M;
            nearest = Math.min(nearest, covered ? 0 : d.geometry().distance(p));
            if (covered && (inside == null || d.inside().compareTo(inside) < 0)) inside = d.inside();
        }
        for (double ring : rings.metres()) borderline |= Math.abs(nearest - ring) < tolerance(ring);
        if (inside != null) return new Expected(inside, 0, borderline);
        Zone ring = null;
        for (double r : rings.metres()) {
            if (nearest <= r) {
                ring = Zone.ring(r);
                break;
            }
        }
        return new Expected(ring, nearest, borderline);
    }

    private static Map<String, Double> postgisDistances(long incident, String prefix) {
        Map<String, Double> distances = new HashMap<>();
        for (Map<String, Object> row : Sql.rows("SELECT i.id, min(CASE WHEN e.kind <> 'incidentlocatie' AND ST_Covers(e.geom, i.geom)"
                + " THEN 0 ELSE ST_Distance(e.geom, i.geom) END) AS d FROM institution i, picture_element e"
                + " WHERE i.id LIKE ? AND e.incident_id = ? AND e.valid_to IS NULL GROUP BY i.id", prefix + "%", incident)) {
            distances.put((String) row.get("id"), ((Number) row.get("d")).doubleValue());
        }
        return distances;
    }

    /** One to four effect zones (some with holes, some multipolygons), maybe an incident area and a location. */
    private static List<Drawn> hazards(Random random, Coordinate centre) {
        List<Drawn> drawn = new ArrayList<>();
        String[] zones = {"LBW", "AGW", "VRW", "Explosiegevaar"};
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            Coordinate c = new Coordinate(centre.x + random.nextGaussian() * 1500, centre.y + random.nextGaussian() * 1500);
            Geometry g = random.nextInt(3) == 0 ? multi(random, c) : star(random, c, 300 + random.nextDouble() * 2500, random.nextBoolean());
            drawn.add(new Drawn("effectgebied", zones[random.nextInt(zones.length)], g));
        }
        if (random.nextBoolean()) {
            drawn.add(new Drawn("incidentgebied", null, star(random, centre, 200 + random.nextDouble() * 800, false)));
        }
        if (random.nextBoolean()) drawn.add(new Drawn("incidentlocatie", null, GEOMETRY.createPoint(centre)));
        return drawn;
    }

    private static Geometry multi(Random random, Coordinate c) {
        double r = 200 + random.nextDouble() * 800;
        Polygon a = star(random, new Coordinate(c.x - 1.2 * r, c.y), r * 0.9, random.nextBoolean());
        Polygon b = star(random, new Coordinate(c.x + 1.2 * r, c.y + random.nextDouble() * r), r * 0.9, false);
        return GEOMETRY.createMultiPolygon(new Polygon[] {a, b});
    }

    /**
     * A polygon star-shaped around {@code c}: at least 8 vertices at jittered, evenly spread angles
     * (gaps under 90 degrees) with radii between half and all of {@code radius}, so the outer ring
     * holds the disc of 0.35 {@code radius}; a hole, when asked, is a star within 0.3 {@code radius}.
     */
    private static Polygon star(Random random, Coordinate c, double radius, boolean hole) {
        LinearRing shell = ring(random, c, radius * 0.5, radius, 8 + random.nextInt(300));
        Polygon polygon = hole
                ? GEOMETRY.createPolygon(shell, new LinearRing[] {ring(random, c, radius * 0.1, radius * 0.3, 8 + random.nextInt(40))})
                : GEOMETRY.createPolygon(shell);
        assertTrue(polygon.isValid(), "the generator makes valid polygons");
        return polygon;
    }

    private static LinearRing ring(Random random, Coordinate c, double minRadius, double maxRadius, int vertices) {
        Coordinate[] coords = new Coordinate[vertices + 1];
        double step = 2 * Math.PI / vertices;
        for (int i = 0; i < vertices; i++) {
            double angle = (i + random.nextDouble() * 0.9) * step;
            double r = minRadius + random.nextDouble() * (maxRadius - minRadius);
            coords[i] = new Coordinate(c.x + r * Math.cos(angle), c.y + r * Math.sin(angle));
        }
        coords[vertices] = coords[0].copy();
        return GEOMETRY.createLinearRing(coords);
    }

    private static List<Place> places(Random random, Coordinate centre, long seed) {
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            double x = centre.x + (random.nextDouble() - 0.5) * 16_000;
            double y = centre.y + (random.nextDouble() - 0.5) * 16_000;
            places.add(new Place(PREFIX + seed + ":" + i, x, y));
        }
        return places;
    }

    /** One to five rings, ascending, between 100 m and 6 km. */
    private static List<Double> randomRings(Random random) {
        List<Double> rings = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        double ring = 0;
        for (int i = 0; i < count; i++) {
            ring += 100 + Math.round(random.nextDouble() * 1500);
            rings.add(ring);
        }
        return rings;
    }
}

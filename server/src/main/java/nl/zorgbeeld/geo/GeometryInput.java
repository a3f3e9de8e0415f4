package nl.zorgbeeld.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.zorgbeeld.common.ApiException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads a GeoJSON geometry sent by a client into JTS, checking what GIS clients and tired people get
 * wrong, with errors that say where: non-finite or out-of-range numbers, open rings, swapped
 * latitude/longitude, RD metres sent as degrees, places far outside the Netherlands, too many
 * vertices, and self-intersecting polygons (repaired only on request).
 */
public final class GeometryInput {
    public static final int MAX_VERTICES = 20_000;
    /** The Netherlands with a margin of some tens of kilometres, in each CRS. */
    private static final Envelope AREA_WGS84 = new Envelope(2.0, 8.5, 50.0, 54.5);
    private static final Envelope AREA_RD = new Envelope(-60_000, 340_000, 270_000, 680_000);

    private final GeometryFactory factory;
    private final Crs crs;
    private final String where;
    private int vertices;

    private GeometryInput(Crs crs, String where) {
        this.crs = crs;
        this.where = where;
        this.factory = new GeometryFactory();
    }

    /**
     * @param node   the GeoJSON geometry object
     * @param crs    the CRS its coordinates are in
     * @param repair repair an invalid polygon instead of rejecting it
     * @param where  the JSON path used in error messages, e.g. "geometry"
     */
    public static Geometry read(JsonNode node, Crs crs, boolean repair, String where) {
        GeometryInput input = new GeometryInput(crs, where);
        Geometry g = input.geometry(node, where);
        input.checkArea(g);
        if (!g.isValid()) {
            TopologyValidationError error = new IsValidOp(g).getValidationError();
            if (!repair) {
                Coordinate c = error.getCoordinate();
                throw ApiException.badBody(where, "invalid " + g.getGeometryType() + ": " + error.getMessage()
                        + (c == null ? "" : " at (" + c.x + ", " + c.y + ")")
                        + "; correct it, or send repair=true to have it repaired");
            }
            g = GeometryFixer.fix(g);
            if (g.isEmpty()) throw ApiException.badBody(where, "the geometry is empty after repair");
        }
        return g;
    }

    private Geometry geometry(JsonNode node, String path) {
        if (node == null || node.isNull() || !node.isObject()) {
            throw ApiException.badBody(path, "a GeoJSON geometry object is required");
        }
        String type = node.path("type").asText("");
        JsonNode coords = node.get("coordinates");
        if (!type.equals("GeometryCollection") && (coords == null || !coords.isArray())) {
            throw ApiException.badBody(path + ".coordinates", "coordinates must be an array");
        }
        String at = path + ".coordinates";
        return switch (type) {
            case "Point" -> factory.createPoint(position(coords, at));
            case "MultiPoint" -> factory.createMultiPoint(positions(coords, at, 1).stream().map(factory::createPoint)
                    .toArray(org.locationtech.jts.geom.Point[]::new));
            case "LineString" -> line(coords, at);
            case "MultiLineString" -> {
                List<LineString> lines = new ArrayList<>();
                for (int i = 0; i < coords.size(); i++) lines.add(line(coords.get(i), at + "[" + i + "]"));
                yield factory.createMultiLineString(lines.toArray(LineString[]::new));
            }
            case "Polygon" -> polygon(coords, at);
            case "MultiPolygon" -> {
                if (coords.isEmpty()) throw ApiException.badBody(at, "a MultiPolygon needs at least one polygon");
                List<Polygon> polygons = new ArrayList<>();
                for (int i = 0; i < coords.size(); i++) polygons.add(polygon(coords.get(i), at + "[" + i + "]"));
                yield factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw ApiException.badBody(path + ".type", "unsupported geometry type '" + type
                    + "'; use Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon");
        };
    }

    private LineString line(JsonNode coords, String at) {
        List<Coordinate> points = positions(coords, at, 2);
        return factory.createLineString(points.toArray(Coordinate[]::new));
    }

    private Polygon polygon(JsonNode rings, String at) {
        if (!rings.isArray() || rings.isEmpty()) throw ApiException.badBody(at, "a Polygon needs at least one ring");
        List<LinearRing> list = new ArrayList<>();
        for (int i = 0; i < rings.size(); i++) {
            String ringAt = at + "[" + i + "]";
            List<Coordinate> ring = positions(rings.get(i), ringAt, 4);
            if (!ring.get(0).equals2D(ring.get(ring.size() - 1))) {
                throw ApiException.badBody(ringAt, "ring " + i + " is not closed: its last position must equal its first");
            }
            list.add(factory.createLinearRing(ring.toArray(Coordinate[]::new)));
        }
        return factory.createPolygon(list.get(0), list.subList(1, list.size()).toArray(LinearRing[]::new));
    }

    private List<Coordinate> positions(JsonNode array, String at, int minimum) {
        if (array == null || !array.isArray()) throw ApiException.badBody(at, "must be an array of positions");
        if (array.size() < minimum) throw ApiException.badBody(at, "needs at least " + minimum + " positions, has " + array.size());
        List<Coordinate> list = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) list.add(position(array.get(i), at + "[" + i + "]"));
        return list;
    }

    private Coordinate position(JsonNode p, String at) {
        if (p == null || !p.isArray() || p.size() < 2 || p.size() > 3) {
            throw ApiException.badBody(at, "a position is an array of two numbers [x, y]");
        }
        if (!p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw ApiException.badBody(at, "a position must hold numbers, not " + p);
        }
        if (++vertices > MAX_VERTICES) {
            throw ApiException.badBody(where, "too many vertices: at most " + MAX_VERTICES + "; simplify the geometry");
        }
        double x = p.get(0).asDouble();
        double y = p.get(1).asDouble();
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw ApiException.badBody(at, "coordinates must be finite numbers");
        if (crs == Crs.CRS84) {
            if (Math.abs(x) > 180 || Math.abs(y) > 90) {
                if (AREA_RD.contains(x, y)) {
                    throw ApiException.badBody(at, "(" + x + ", " + y + ") looks like RD New metres sent as degrees:"
                            + " send Content-Crs: " + Crs.RD_NEW.header() + " or convert to WGS84 longitude/latitude");
                }
                throw ApiException.badBody(at, "(" + x + ", " + y + ") is out of range for longitude/latitude");
            }
        }
        return new Coordinate(x, y);
    }

    /** Rejects geometry far outside the Netherlands, naming the likely mistake. */
    private void checkArea(Geometry g) {
        Envelope box = g.getEnvelopeInternal();
        Envelope area = crs == Crs.CRS84 ? AREA_WGS84 : AREA_RD;
        if (area.contains(box)) return;
        if (crs == Crs.CRS84 && AREA_WGS84.contains(new Envelope(box.getMinY(), box.getMaxY(), box.getMinX(), box.getMaxX()))) {
            throw ApiException.badBody(where, "latitude and longitude look swapped: GeoJSON positions are [longitude, latitude]");
        }
        if (crs == Crs.RD_NEW && AREA_WGS84.contains(box)) {
            throw ApiException.badBody(where, "coordinates look like WGS84 degrees, but Content-Crs says RD New (EPSG:28992) metres");
        }
        throw ApiException.badBody(where, "the geometry lies outside the Netherlands (plus margin): envelope "
                + box.getMinX() + ", " + box.getMinY() + " to " + box.getMaxX() + ", " + box.getMaxY());
    }
}

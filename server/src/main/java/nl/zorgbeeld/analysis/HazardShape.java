package nl.zorgbeeld.analysis;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * A hazard geometry in RD New (metres), indexed once so that each point costs about log n instead
 * of n: a segment tree for the distance to the boundary and an interval tree for point-in-polygon.
 * Immutable and safe to share between threads once constructed (the lazy indexes are built here).
 */
public final class HazardShape {
    private final Geometry geometry;
    private final Envelope envelope;
    private final IndexedFacetDistance facets;
    private final IndexedPointInAreaLocator area;
    private final GeometryFactory factory;

    public HazardShape(Geometry geometry) {
        this.geometry = geometry;
        this.envelope = geometry.getEnvelopeInternal();
        this.factory = geometry.getFactory();
        this.facets = new IndexedFacetDistance(geometry);
        this.area = geometry instanceof Polygonal ? new IndexedPointInAreaLocator(geometry) : null;
        Coordinate probe = new Coordinate(envelope.getMinX(), envelope.getMinY());
        facets.distance(factory.createPoint(probe));
        if (area != null) area.locate(probe);
    }

    public Geometry geometry() { return geometry; }

    public Envelope envelope() { return envelope; }

    public boolean isArea() { return area != null; }

    /** Whether the point lies inside the area or on its boundary (never for a point or line hazard). */
    public boolean covers(Coordinate p) {
        return area != null && area.locate(p) != Location.EXTERIOR;
    }

    /** The shortest distance in metres from the point to the hazard: 0 inside an area. */
    public double distance(Coordinate p) {
        return covers(p) ? 0 : facets.distance(point(p));
    }

    /** The distance in metres from the point to the hazard's boundary (or to the point or line itself). */
    public double distanceToEdge(Coordinate p) {
        return facets.distance(point(p));
    }

    /** The point of the hazard's boundary (or of the point or line) nearest to {@code p}. */
    public Coordinate nearestPoint(Coordinate p) {
        return facets.nearestPoints(point(p))[0];
    }

    /** A lower bound of the distance from {@code p}: its distance to the hazard's envelope. */
    public double envelopeDistance(Coordinate p) {
        double dx = Math.max(0, Math.max(envelope.getMinX() - p.x, p.x - envelope.getMaxX()));
        double dy = Math.max(0, Math.max(envelope.getMinY() - p.y, p.y - envelope.getMaxY()));
        return Math.hypot(dx, dy);
    }

    private Point point(Coordinate p) {
        return factory.createPoint(p);
    }
}

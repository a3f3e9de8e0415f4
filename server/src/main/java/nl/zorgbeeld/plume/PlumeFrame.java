package nl.zorgbeeld.plume;

import org.locationtech.jts.geom.Coordinate;

/**
 * Plume coordinates around a source: x metres downwind, y metres to the left of the downwind
 * direction; and the way between them and RD New. The downwind direction is the wind direction
 * plus 180 degrees (a wind from 270, west, carries the plume east), turned by the grid convergence
 * at the source so that it is drawn correctly in RD New. A rotation keeps orientation, so a ring
 * that is counter-clockwise in plume coordinates is counter-clockwise in RD New. Immutable.
 */
public final class PlumeFrame {
    private final double sourceX;
    private final double sourceY;
    private final double downwindX;
    private final double downwindY;

    private PlumeFrame(double sourceX, double sourceY, double gridBearing) {
        this.sourceX = sourceX;
        this.sourceY = sourceY;
        double radians = Math.toRadians(gridBearing);
        this.downwindX = Math.sin(radians);
        this.downwindY = Math.cos(radians);
    }

    /** The frame of a plume from {@code source} carried by a wind from {@code windFrom} degrees (true north). */
    public static PlumeFrame of(Source source, double windFrom) {
        return new PlumeFrame(source.x(), source.y(), (windFrom + 180) + source.gridConvergence());
    }

    /** This frame turned by {@code degrees} clockwise: the plume of a wind veered by that much. */
    public PlumeFrame turned(double degrees) {
        return new PlumeFrame(sourceX, sourceY, gridBearing() + degrees);
    }

    /** The downwind direction in degrees clockwise from RD New's grid north. */
    public double gridBearing() {
        double degrees = Math.toDegrees(Math.atan2(downwindX, downwindY));
        return degrees < 0 ? degrees + 360 : degrees;
    }

    /** The RD New point at plume coordinates (x, y). */
    public Coordinate toRd(double x, double y) {
        // left of downwind is the downwind unit vector turned a quarter counter-clockwise: (-uy, ux)
        return new Coordinate(sourceX + x * downwindX - y * downwindY, sourceY + x * downwindY + y * downwindX);
    }

    /** The distance in metres of an RD New point along the wind from the source (negative upwind). */
    public double downwind(Coordinate rd) {
        return (rd.x - sourceX) * downwindX + (rd.y - sourceY) * downwindY;
    }

    /** The distance in metres of an RD New point to the left of the plume's axis (negative to the right). */
    public double crosswind(Coordinate rd) {
        return -(rd.x - sourceX) * downwindY + (rd.y - sourceY) * downwindX;
    }
}

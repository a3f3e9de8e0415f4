package nl.zorgbeeld.plume;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** Makes a drawn plume: the zones as drawn (already checked), with counter-clockwise outer rings. */
final class DrawnMethod {
    private DrawnMethod() {}

    static Plume plume(DrawnInput input) {
        Source source = input.source();
        List<PlumeZone> zones = new ArrayList<>();
        for (ZoneLevel level : ZoneLevel.INSIDE_OUT) {
            Geometry drawn = input.zone(level);
            if (drawn == null) {
                zones.add(new PlumeZone(level, Geometries.RD.createPolygon(), source == null ? null : 0.0, null, false));
                continue;
            }
            Geometry area = Geometries.counterClockwise(Geometries.RD.createGeometry(drawn));
            zones.add(new PlumeZone(level, area, source == null ? null : farthest(area, source), null, false));
        }
        Wind wind = input.wind();
        List<Notice> warnings = new ArrayList<>();
        if (wind != null && wind.belowValidity()) warnings.add(Notices.windBelowValidity(wind.speed()));
        PlumeFrame frame = wind == null ? null : PlumeFrame.of(source, wind.direction());
        return new Plume(input, zones, List.of(), null, Notices.DRAWN_LIMITS, warnings, frame, wind == null ? null : wind.speed(), null);
    }

    private static double farthest(Geometry area, Source source) {
        double farthest = 0;
        for (Coordinate c : area.getCoordinates()) farthest = Math.max(farthest, Math.hypot(c.x - source.x(), c.y - source.y()));
        return farthest;
    }
}

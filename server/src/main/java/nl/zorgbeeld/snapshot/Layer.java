package nl.zorgbeeld.snapshot;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One layer of the snapshot, as the GeoJSON files, the GeoPackage and the two maps all draw it:
 * features with their geometry in RD New (the PDF map, the GeoPackage) and WGS84 (GeoJSON, the
 * HTML map), and attribute values keyed by the layer's columns.
 *
 * @param name  the file and table name (lower case, no spaces)
 * @param title the Dutch name shown in legends
 */
record Layer(String name, String title, List<Column> columns, List<Feature> features) {

    enum Type { TEXT, INTEGER, REAL, BOOLEAN }

    record Column(String name, Type type) {}

    /** {@code values} hold only the columns that have a value. */
    record Feature(String id, Geometry rd, Geometry wgs84, Map<String, Object> values) {}
}

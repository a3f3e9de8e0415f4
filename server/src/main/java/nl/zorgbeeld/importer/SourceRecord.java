package nl.zorgbeeld.importer;

import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature or row read from a source, before it is mapped to a layer.
 *
 * @param where      where it stands in the source ("feature 12", "line 40"), for error reports
 * @param properties its attributes, keys as in the source
 * @param geometry   its geometry in {@code srid}, or null when it had none or it could not be read
 * @param srid       4326 (WGS84 lon/lat) or 28992 (RD New metres)
 * @param problem    why the geometry could not be read, or null
 */
public record SourceRecord(String where, Map<String, Object> properties, Geometry geometry, int srid, String problem) {

    /** The first non-blank value among the given property names, matched without regard to case. */
    public String text(String... names) {
        for (String name : names) {
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
                    String value = String.valueOf(e.getValue()).trim();
                    if (!value.isEmpty()) return value;
                }
            }
        }
        return null;
    }

    /** A yes/no value (true, ja, yes, 1, y) or null when absent or unrecognised. */
    public Boolean flag(String... names) {
        String value = text(names);
        if (value == null) return null;
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "ja", "yes", "1", "y", "j", "waar" -> Boolean.TRUE;
            case "false", "nee", "no", "0", "n", "onwaar" -> Boolean.FALSE;
            default -> null;
        };
    }
}

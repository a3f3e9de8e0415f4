package nl.zorgbeeld.ogc;

import java.time.Instant;
import nl.zorgbeeld.reference.Layer;

/**
 * A collection of the OGC API: a reference layer (read-only) or the picture elements of one
 * incident ({@code incident-<id>}, writable under Part 4), with its extent.
 *
 * @param bbox  the spatial extent in CRS84 {west, south, east, north}, or null when it holds no features
 * @param begin the start of the temporal extent (incidents only), or null
 * @param end   the end of the temporal extent, or null while it is open (an incident not yet closed)
 */
record OgcCollection(String id, String title, String description, Layer layer, Long incidentId, double[] bbox,
                     Instant begin, Instant end) {
    static final String INCIDENT_PREFIX = "incident-";

    boolean isIncident() { return incidentId != null; }

    static OgcCollection of(Layer layer, double[] bbox) {
        String title = switch (layer) {
            case INSTITUTIONS -> "Zorginstellingen";
            case SAFETY_REGIONS -> "Veiligheidsregio's";
            case MUNICIPALITIES -> "Gemeenten";
            case PROVINCES -> "Provincies";
        };
        return new OgcCollection(layer.path(), title, "Reference layer: " + layer.path().replace('-', ' '), layer, null, bbox, null, null);
    }

    static OgcCollection ofIncident(long id, String title, double[] bbox, Instant begin, Instant end) {
        return new OgcCollection(INCIDENT_PREFIX + id, "Incident " + id + ": " + title,
                "The picture elements (incident location and area, effect zones, reception locations, cordons,"
                        + " measurement points, notes) of incident " + id + "; datetime selects the map as it was then.",
                null, id, bbox, begin, end);
    }
}

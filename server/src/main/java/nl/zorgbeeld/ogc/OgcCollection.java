package nl.zorgbeeld.ogc;

import nl.zorgbeeld.reference.Layer;

/**
 * A collection of the OGC API: a reference layer (read-only) or the picture elements of one
 * incident ({@code incident-<id>}, writable under Part 4).
 */
record OgcCollection(String id, String title, String description, Layer layer, Long incidentId) {
    static final String INCIDENT_PREFIX = "incident-";

    boolean isIncident() { return incidentId != null; }

    static OgcCollection of(Layer layer) {
        String title = switch (layer) {
            case INSTITUTIONS -> "Zorginstellingen";
            case SAFETY_REGIONS -> "Veiligheidsregio's";
            case MUNICIPALITIES -> "Gemeenten";
            case PROVINCES -> "Provincies";
        };
        return new OgcCollection(layer.path(), title, "Reference layer: " + layer.path().replace('-', ' '), layer, null);
    }

    static OgcCollection ofIncident(long id, String title) {
        return new OgcCollection(INCIDENT_PREFIX + id, "Incident " + id + ": " + title,
                "The picture elements (incident location and area, effect zones, reception locations, cordons,"
                        + " measurement points, notes) of incident " + id + "; datetime selects the map as it was then.", null, id);
    }
}

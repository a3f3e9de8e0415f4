package nl.zorgbeeld.element;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A validated picture element as a client sent it.
 *
 * @param geometry   in the CRS given by {@code srid}
 * @param attributes the kind-specific properties, already checked
 */
public record ElementInput(ElementKind kind, String label, String description, String source, String certainty,
                           Map<String, Object> attributes, Geometry geometry, int srid) {}

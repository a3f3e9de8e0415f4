package nl.zorgbeeld.element;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Certainty;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.geo.GeometryInput;
import org.locationtech.jts.geom.Geometry;

/** Turns a GeoJSON Feature from a client into a checked {@link ElementInput}; every error names its field. */
public final class ElementParser {
    public static final int MAX_SOURCE = 300;
    public static final int MAX_LABEL = 200;
    public static final int MAX_DESCRIPTION = 2000;
    private static final Set<String> COMMON = Set.of("kind", "label", "description", "source", "certainty",
            "author", "organisation", "version", "validFrom", "validTo", "incidentId");
    private static final Set<String> ZONES = Set.of("LBW", "AGW", "VRW");

    private ElementParser() {}

    public static ElementInput parse(JsonNode feature, Crs crs, boolean repair) {
        if (feature == null || !feature.isObject()) throw ApiException.badBody("", "the body must be a GeoJSON Feature object");
        if (!"Feature".equals(feature.path("type").asText())) {
            throw ApiException.badBody("type", "type must be \"Feature\"");
        }
        JsonNode props = feature.get("properties");
        if (props == null || !props.isObject()) throw ApiException.badBody("properties", "properties must be an object");
        String kindText = text(props, "kind", 40, true);
        ElementKind kind = ElementKind.of(kindText).orElseThrow(() -> ApiException.badBody("properties.kind",
                "unknown kind '" + kindText + "'; use one of " + ElementKind.codes()));
        JsonNode geometryNode = feature.get("geometry");
        String geometryType = geometryNode == null ? "" : geometryNode.path("type").asText("");
        if (!kind.allows(geometryType)) {
            throw ApiException.badBody("geometry.type", "a " + kind.code() + " needs a geometry of type "
                    + String.join(" or ", kind.geometryTypes().stream().sorted().toList()) + ", not '" + geometryType + "'");
        }
        Geometry geometry = GeometryInput.read(geometryNode, crs, repair, "geometry");
        String source = text(props, "source", MAX_SOURCE, true);
        String certainty = Certainty.require(text(props, "certainty", 40, false), "properties.certainty").code();
        return new ElementInput(kind, text(props, "label", MAX_LABEL, false), text(props, "description", MAX_DESCRIPTION, false),
                source, certainty, attributes(kind, props), geometry, crs.srid());
    }

    private static Map<String, Object> attributes(ElementKind kind, JsonNode props) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        switch (kind) {
            case EFFECTGEBIED -> {
                String zone = text(props, "zone", 60, true);
                attributes.put("zone", ZONES.contains(zone.toUpperCase()) ? zone.toUpperCase() : zone);
                putText(attributes, props, "substance", 200);
            }
            case OPVANGLOCATIE, BEHANDELCENTRUM -> {
                Integer capacity = count(props, "capacity");
                Integer occupancy = count(props, "occupancy");
                if (capacity != null && occupancy != null && occupancy > capacity) {
                    throw ApiException.badBody("properties.occupancy", "occupancy (" + occupancy + ") exceeds capacity (" + capacity + ")");
                }
                if (capacity != null) attributes.put("capacity", capacity);
                if (occupancy != null) attributes.put("occupancy", occupancy);
                putText(attributes, props, "facilities", 500);
            }
            case MEETPUNT -> {
                attributes.put("substance", text(props, "substance", 200, true));
                JsonNode value = props.get("value");
                if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
                    throw ApiException.badBody("properties.value", "value must be a number (the measured concentration)");
                }
                attributes.put("value", value.asDouble());
                attributes.put("unit", text(props, "unit", 40, true));
                String measuredAt = text(props, "measuredAt", 60, true);
                try {
                    attributes.put("measuredAt", OffsetDateTime.parse(measuredAt).toString());
                } catch (DateTimeParseException e) {
                    throw ApiException.badBody("properties.measuredAt", "measuredAt must be an ISO 8601 time with offset, e.g. 2026-11-23T10:15:00+01:00");
                }
            }
            default -> { }
        }
        for (Iterator<String> names = props.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!COMMON.contains(name) && !attributes.containsKey(name)) {
                throw ApiException.badBody("properties." + name, "unknown property '" + name + "' for a " + kind.code());
            }
        }
        return attributes;
    }

    private static void putText(Map<String, Object> attributes, JsonNode props, String name, int max) {
        String value = text(props, name, max, false);
        if (value != null) attributes.put(name, value);
    }

    private static Integer count(JsonNode props, String name) {
        JsonNode n = props.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0) {
            throw ApiException.badBody("properties." + name, name + " must be a whole number of at least 0");
        }
        return n.asInt();
    }

    private static String text(JsonNode props, String name, int max, boolean required) {
        JsonNode n = props.get(name);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            if (required) throw ApiException.badBody("properties." + name, name + " is required");
            return null;
        }
        if (!n.isTextual()) throw ApiException.badBody("properties." + name, name + " must be text");
        String value = n.asText().trim();
        if (value.codePointCount(0, value.length()) > max) {
            throw ApiException.badBody("properties." + name, name + " is longer than " + max + " characters");
        }
        return value;
    }
}

package nl.zorgbeeld.plume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgbeeld.common.Json;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * A plume as a GeoJSON FeatureCollection in WGS84 (RFC 7946): one Feature per zone (LBW, AGW, VRW;
 * {@code kind} = {@code zone}, geometry null when the zone is not reached) with the inputs, the
 * model, the limits, the warnings and the zone's reach in metres; then one Feature per confidence
 * line ({@code kind} = {@code confidence}, a closed LineString that clients draw dashed).
 */
public final class PlumeGeoJson {
    /** Seven decimals of a degree: about a centimetre. */
    private static final int DECIMALS = 7;

    private PlumeGeoJson() {}

    /**
     * @param inputs   the inputs as the client sent them
     * @param elements the ids of the stored zone elements per level (empty for a preview or a forecast hour)
     */
    public static ObjectNode collection(Plume plume, JsonNode inputs, String substance, Map<ZoneLevel, UUID> elements) {
        ObjectNode collection = Json.MAPPER.createObjectNode();
        collection.put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        JsonNode model = plume.model() == null ? null : Json.MAPPER.valueToTree(plume.model());
        JsonNode limits = Json.MAPPER.valueToTree(plume.limits());
        JsonNode warnings = Json.MAPPER.valueToTree(plume.warnings());
        for (PlumeZone zone : plume.zones()) {
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            UUID element = elements.get(zone.level());
            if (element != null) feature.put("id", element.toString());
            feature.set("geometry", zone.isEmpty() ? null : geometry(zone.area()));
            ObjectNode p = feature.putObject("properties");
            p.put("kind", "zone");
            p.put("zone", zone.level().code());
            p.put("zoneLabel", zone.level().label());
            p.put("reached", !zone.isEmpty());
            if (zone.reach() != null) p.put("reach", Math.round(zone.reach() * 10) / 10.0);
            if (zone.threshold() != null) p.put("threshold", zone.threshold());
            p.put("clipped", zone.clipped());
            p.put("method", plume.input().method().code());
            if (substance != null) p.put("substance", substance);
            p.set("inputs", inputs);
            if (model != null) p.set("model", model);
            p.set("limits", limits);
            p.set("warnings", warnings);
        }
        for (ConfidenceLine line : plume.confidence()) {
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            // A LinearRing would be written as type "LinearRing", which GeoJSON does not know.
            feature.set("geometry", geometry(line.line().getFactory().createLineString(line.line().getCoordinateSequence())));
            ObjectNode p = feature.putObject("properties");
            p.put("kind", "confidence");
            p.put("zone", line.level().code());
            p.put("halfAngle", line.halfAngle());
        }
        Source source = plume.input().source();
        if (source != null) {
            ObjectNode point = collection.putObject("source");
            point.put("type", "Point");
            point.putArray("coordinates").add(round(source.lon())).add(round(source.lat()));
        }
        return collection;
    }

    /** The reach of each zone in metres (null when not reached), for summaries. */
    public static ObjectNode reaches(List<PlumeZone> zones) {
        ObjectNode reach = Json.MAPPER.createObjectNode();
        for (PlumeZone zone : zones) {
            if (zone.isEmpty() || zone.reach() == null) reach.putNull(zone.level().code());
            else reach.put(zone.level().code(), Math.round(zone.reach()));
        }
        return reach;
    }

    private static JsonNode geometry(Geometry rd) {
        GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
        writer.setEncodeCRS(false);
        return Json.tree(writer.write(Geometries.counterClockwise(Geometries.toWgs84(rd))));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}

package nl.zorgbeeld.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.analysis.Analysis;
import nl.zorgbeeld.analysis.Institution;
import nl.zorgbeeld.element.ElementKind;
import nl.zorgbeeld.snapshot.Layer.Column;
import nl.zorgbeeld.snapshot.Layer.Feature;
import nl.zorgbeeld.snapshot.Layer.Type;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The snapshot's layers: one per kind of picture element (always all eight, so a GIS user's styles
 * find the same layers in every snapshot), the affected institutions and the safety region.
 */
final class SnapshotLayers {
    static final String INSTITUTIONS = "geraakte_instellingen";
    static final String REGION = "veiligheidsregio";

    /** Layer name and Dutch title per element kind, in drawing order (areas below points). */
    private static final Map<ElementKind, String[]> ELEMENT_LAYERS = new LinkedHashMap<>();

    static {
        ELEMENT_LAYERS.put(ElementKind.INCIDENTGEBIED, new String[] {"incidentgebied", "Incidentgebied"});
        ELEMENT_LAYERS.put(ElementKind.EFFECTGEBIED, new String[] {"effectgebieden", "Effectgebieden"});
        ELEMENT_LAYERS.put(ElementKind.AFZETTING, new String[] {"afzettingen", "Afzettingen"});
        ELEMENT_LAYERS.put(ElementKind.AANTEKENING, new String[] {"aantekeningen", "Aantekeningen"});
        ELEMENT_LAYERS.put(ElementKind.INCIDENTLOCATIE, new String[] {"incidentlocatie", "Incidentlocatie"});
        ELEMENT_LAYERS.put(ElementKind.OPVANGLOCATIE, new String[] {"opvanglocaties", "Opvanglocaties"});
        ELEMENT_LAYERS.put(ElementKind.BEHANDELCENTRUM, new String[] {"behandelcentra", "Behandelcentra"});
        ELEMENT_LAYERS.put(ElementKind.MEETPUNT, new String[] {"meetpunten", "Meetpunten"});
    }

    private static final List<Column> ELEMENT_COLUMNS = List.of(
            new Column("id", Type.TEXT), new Column("kind", Type.TEXT), new Column("label", Type.TEXT),
            new Column("description", Type.TEXT), new Column("source", Type.TEXT), new Column("certainty", Type.TEXT),
            new Column("author", Type.TEXT), new Column("organisation", Type.TEXT), new Column("version", Type.INTEGER),
            new Column("validFrom", Type.TEXT), new Column("zone", Type.TEXT), new Column("substance", Type.TEXT),
            new Column("capacity", Type.INTEGER), new Column("occupancy", Type.INTEGER), new Column("facilities", Type.TEXT),
            new Column("value", Type.REAL), new Column("unit", Type.TEXT), new Column("measuredAt", Type.TEXT));

    private static final List<Column> INSTITUTION_COLUMNS = List.of(
            new Column("id", Type.TEXT), new Column("name", Type.TEXT), new Column("type", Type.TEXT),
            new Column("organisation", Type.TEXT), new Column("connected", Type.BOOLEAN), new Column("zone", Type.TEXT),
            new Column("zoneLabel", Type.TEXT), new Column("distance", Type.REAL), new Column("status", Type.TEXT),
            new Column("statusLabel", Type.TEXT), new Column("toCall", Type.BOOLEAN), new Column("phone", Type.TEXT),
            new Column("email", Type.TEXT), new Column("address", Type.TEXT));

    private static final List<Column> REGION_COLUMNS = List.of(new Column("code", Type.TEXT), new Column("name", Type.TEXT));

    private static final GeometryFactory RD = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 28992);
    private static final GeometryFactory WGS84 = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4326);

    private SnapshotLayers() {}

    /** The element kind's layer name. */
    static String layerName(ElementKind kind) {
        return ELEMENT_LAYERS.get(kind)[0];
    }

    static List<Layer> of(JsonNode elementsRd, JsonNode elementsWgs84, Analysis analysis, SnapshotStore.Region region) {
        Map<String, Geometry> wgs84ById = new HashMap<>();
        for (JsonNode f : elementsWgs84.path("features")) wgs84ById.put(f.path("id").asText(), geometry(f.get("geometry"), 4326));
        Map<ElementKind, List<Feature>> byKind = new LinkedHashMap<>();
        for (ElementKind kind : ELEMENT_LAYERS.keySet()) byKind.put(kind, new ArrayList<>());
        for (JsonNode f : elementsRd.path("features")) {
            String id = f.path("id").asText();
            JsonNode p = f.path("properties");
            ElementKind kind = ElementKind.of(p.path("kind").asText()).orElseThrow();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("id", id);
            for (Column column : ELEMENT_COLUMNS) {
                JsonNode v = p.get(column.name());
                if (v == null || v.isNull()) continue;
                values.put(column.name(), switch (column.type()) {
                    case INTEGER -> v.asLong();
                    case REAL -> v.asDouble();
                    case BOOLEAN -> v.asBoolean();
                    case TEXT -> v.asText();
                });
            }
            byKind.get(kind).add(new Feature(id, geometry(f.get("geometry"), 28992), wgs84ById.get(id), values));
        }
        List<Layer> layers = new ArrayList<>();
        if (region != null) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("code", region.code());
            values.put("name", region.name());
            layers.add(new Layer(REGION, "Veiligheidsregio " + region.name(), REGION_COLUMNS,
                    List.of(new Feature(region.code(), region.rd(), region.wgs84(), values))));
        }
        byKind.forEach((kind, features) -> layers.add(new Layer(ELEMENT_LAYERS.get(kind)[0], ELEMENT_LAYERS.get(kind)[1],
                ELEMENT_COLUMNS, features)));
        layers.add(new Layer(INSTITUTIONS, "Geraakte zorginstellingen", INSTITUTION_COLUMNS, institutions(analysis)));
        return layers;
    }

    private static List<Feature> institutions(Analysis analysis) {
        List<Feature> features = new ArrayList<>();
        for (Analysis.Item item : analysis.items()) {
            Institution i = item.institution();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("id", i.id());
            put(values, "name", i.name());
            put(values, "type", i.type());
            put(values, "organisation", i.organisation());
            values.put("connected", i.connected());
            values.put("zone", item.affected().zone().key());
            values.put("zoneLabel", item.affected().zone().label());
            values.put("distance", Math.round(item.affected().distance() * 10) / 10.0);
            values.put("status", item.status().status().code());
            values.put("statusLabel", item.status().status().label());
            values.put("toCall", item.toCall());
            put(values, "phone", i.phone());
            put(values, "email", i.email());
            put(values, "address", i.address().isEmpty() ? null : i.address());
            features.add(new Feature(i.id(), RD.createPoint(new Coordinate(i.x(), i.y())),
                    WGS84.createPoint(new Coordinate(i.lon(), i.lat())), values));
        }
        return features;
    }

    private static void put(Map<String, Object> values, String name, Object value) {
        if (value != null) values.put(name, value);
    }

    private static Geometry geometry(JsonNode geojson, int srid) {
        try {
            Geometry g = new GeoJsonReader(srid == 28992 ? RD : WGS84).read(geojson.toString());
            g.setSRID(srid);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("an element's stored geometry could not be read: " + e.getMessage(), e);
        }
    }
}

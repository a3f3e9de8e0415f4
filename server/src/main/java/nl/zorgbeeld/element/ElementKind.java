package nl.zorgbeeld.element;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The kinds of picture element and the geometry each may have. */
public enum ElementKind {
    INCIDENTLOCATIE("incidentlocatie", Set.of("Point")),
    INCIDENTGEBIED("incidentgebied", Set.of("Polygon", "MultiPolygon")),
    EFFECTGEBIED("effectgebied", Set.of("Polygon", "MultiPolygon")),
    OPVANGLOCATIE("opvanglocatie", Set.of("Point")),
    BEHANDELCENTRUM("behandelcentrum", Set.of("Point")),
    AFZETTING("afzetting", Set.of("LineString", "MultiLineString", "Polygon", "MultiPolygon")),
    MEETPUNT("meetpunt", Set.of("Point")),
    AANTEKENING("aantekening", Set.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"));

    private final String code;
    private final Set<String> geometryTypes;

    ElementKind(String code, Set<String> geometryTypes) {
        this.code = code;
        this.geometryTypes = geometryTypes;
    }

    public String code() { return code; }

    public boolean allows(String geometryType) { return geometryTypes.contains(geometryType); }

    public Set<String> geometryTypes() { return geometryTypes; }

    public static Optional<ElementKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ElementKind::code).toList());
    }
}

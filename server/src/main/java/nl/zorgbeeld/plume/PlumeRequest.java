package nl.zorgbeeld.plume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Certainty;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.geo.GeometryInput;
import nl.zorgbeeld.http.JsonBody;
import org.locationtech.jts.geom.Geometry;

/**
 * A plume as a client sends it ({@code POST /api/incidents/{id}/plumes}): the JSON body read into the
 * checked input of its method. Every error names its field; fields of another method are refused, so
 * a misspelt or misplaced field is never silently ignored.
 *
 * @param substance what is released (required for the Gaussian model, optional otherwise); null when not given
 * @param certainty how sure the picture is of these zones (default {@code aanname}: a model or an estimate)
 * @param inputs    the body as sent, stored with the plume (reading it again gives the same plume)
 */
public record PlumeRequest(PlumeInput input, String substance, String certainty, ObjectNode inputs) {
    public static final String DEFAULT_CERTAINTY = "aanname";
    private static final Set<String> COMMON = Set.of("method", "substance", "certainty");
    private static final Set<String> DRAWN = union(COMMON, "zones", "source", "windDirection", "windSpeed");
    private static final Set<String> SECTOR = union(COMMON, "source", "windDirection", "windSpeed", "halfAngle", "lengths");
    static final Set<String> RELEASE = Set.of("source", "releaseRate", "releaseRateUnit", "releaseHeight", "duration", "substance",
            "thresholds", "halfAngle", "windProfile");
    static final Set<String> WEATHER = Set.of("windSpeed", "windDirection", "stabilityClass", "daytime", "cloudCover", "insolation");
    private static final Set<String> GAUSSIAN = union(union(COMMON, RELEASE.toArray(String[]::new)), WEATHER.toArray(String[]::new));
    private static final Set<String> LEVELS = Set.of("LBW", "AGW", "VRW");

    /** Reads a request body (JSON text). */
    public static PlumeRequest parse(String body) {
        Method method = Method.parse(JsonBody.parse(body, GAUSSIAN_AND_OTHERS).text("method", 20), "method");
        JsonBody json = JsonBody.parse(body, switch (method) {
            case DRAWN -> DRAWN;
            case SECTOR -> SECTOR;
            case GAUSSIAN -> GAUSSIAN;
        });
        String substance = json.text("substance", SourceTerm.MAX_SUBSTANCE);
        String certaintyText = json.text("certainty", 40);
        String certainty = certaintyText == null ? DEFAULT_CERTAINTY : Certainty.require(certaintyText, "certainty").code();
        PlumeInput input = switch (method) {
            case DRAWN -> drawn(json);
            case SECTOR -> sector(json);
            case GAUSSIAN -> gaussian(json);
        };
        return new PlumeRequest(input, substance, certainty, (ObjectNode) Json.tree(body));
    }

    /** Every field any method knows: the first reading only looks for {@code method}. */
    private static final Set<String> GAUSSIAN_AND_OTHERS = union(union(GAUSSIAN, DRAWN.toArray(String[]::new)), SECTOR.toArray(String[]::new));

    private static DrawnInput drawn(JsonBody json) {
        JsonBody zones = json.object("zones", LEVELS);
        if (zones == null) throw json.missing("zones");
        Map<ZoneLevel, Geometry> drawn = new EnumMap<>(ZoneLevel.class);
        for (ZoneLevel level : ZoneLevel.values()) {
            JsonNode node = zones.node(level.code());
            if (node != null) drawn.put(level, Geometries.toRd(GeometryInput.read(node, Crs.CRS84, false, zones.path(level.code()))));
        }
        Source source = json.has("source") ? source(json) : null;
        Double direction = json.number("windDirection");
        Double speed = json.number("windSpeed");
        Wind wind = null;
        if (direction != null || speed != null) {
            wind = new Wind(json.required("windDirection", direction), json.required("windSpeed", speed));
        }
        return new DrawnInput(drawn, source, wind);
    }

    private static SectorInput sector(JsonBody json) {
        JsonBody lengths = json.object("lengths", LEVELS);
        if (lengths == null) throw json.missing("lengths");
        SectorLengths sector = new SectorLengths(lengths.required("LBW", lengths.number("LBW")),
                lengths.required("AGW", lengths.number("AGW")), lengths.required("VRW", lengths.number("VRW")));
        return new SectorInput(source(json), json.required("windDirection", json.number("windDirection")), json.number("windSpeed"),
                json.required("halfAngle", json.number("halfAngle")), sector);
    }

    private static GaussianInput gaussian(JsonBody json) {
        return new GaussianInput(release(json), weather(json), thresholds(json), json.number("halfAngle"), windProfile(json));
    }

    /** The source term of a Gaussian plume or forecast. */
    static SourceTerm release(JsonBody json) {
        Source source = source(json);
        RateUnit unit = RateUnit.parse(json.has("releaseRateUnit") ? json.text("releaseRateUnit", 20) : RateUnit.GRAMS_PER_SECOND.code(),
                "releaseRateUnit");
        ReleaseRate rate = new ReleaseRate(json.required("releaseRate", json.number("releaseRate")), unit);
        Double height = json.number("releaseHeight");
        return new SourceTerm(source, rate, height == null ? 0 : height, json.required("duration", json.number("duration")),
                json.text("substance", SourceTerm.MAX_SUBSTANCE));
    }

    static Thresholds thresholds(JsonBody json) {
        JsonBody values = json.object("thresholds", LEVELS);
        if (values == null) throw json.missing("thresholds");
        return new Thresholds(values.required("LBW", values.number("LBW")), values.required("AGW", values.number("AGW")),
                values.required("VRW", values.number("VRW")));
    }

    static boolean windProfile(JsonBody json) {
        Boolean profile = json.bool("windProfile");
        return profile == null || profile;
    }

    /** The wind and stability: a class given, or the sky from which Pasquill's table gives it; not both. */
    static Weather weather(JsonBody json) {
        Wind wind = new Wind(json.required("windDirection", json.number("windDirection")), json.required("windSpeed", json.number("windSpeed")));
        String given = json.text("stabilityClass", 10);
        boolean sky = json.has("daytime") || json.has("cloudCover") || json.has("insolation");
        if (given != null && sky) {
            throw ApiException.badBody(json.path("stabilityClass"), json.path("stabilityClass")
                    + ": give either the stability class or the sky (daytime, cloudCover), not both");
        }
        if (given != null) return Weather.given(wind, StabilityClass.parse(given, json.path("stabilityClass")));
        if (!sky) {
            throw ApiException.badBody(json.path("stabilityClass"), json.path("stabilityClass")
                    + " is required (A to F), or give daytime and cloudCover to read it from Pasquill's table");
        }
        boolean daytime = json.required("daytime", json.bool("daytime"));
        int cloud = json.required("cloudCover", json.integer("cloudCover", 0, 8));
        String insolation = json.text("insolation", 20);
        return Weather.fromSky(wind, new Sky(daytime, cloud, insolation == null ? null : Insolation.parse(insolation, json.path("insolation"))));
    }

    /**
     * The release point, a GeoJSON Point in WGS84. Read here rather than with GeometryInput, whose area
     * is the Netherlands only: a source may lie across the border ({@link Source#AREA}).
     */
    static Source source(JsonBody json) {
        JsonNode point = json.node("source");
        String field = json.path("source");
        if (point == null) throw json.missing("source");
        if (!point.isObject() || !"Point".equals(point.path("type").asText())) {
            throw ApiException.badBody(field, field + " must be a GeoJSON Point, such as {\"type\": \"Point\", \"coordinates\": [5.12, 52.09]}");
        }
        JsonNode c = point.get("coordinates");
        if (c == null || !c.isArray() || c.size() < 2 || c.size() > 3 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw ApiException.badBody(field + ".coordinates", field + ".coordinates must be [longitude, latitude] in WGS84 degrees");
        }
        return Source.wgs84(c.get(0).asDouble(), c.get(1).asDouble(), field);
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }
}

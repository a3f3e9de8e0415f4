package nl.zorgbeeld.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.geo.RdNew;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The bundled country outlines (Natural Earth, the same file the app's map starts from): as GeoJSON
 * text for the offline page, and in RD New for the PDF map. Read once.
 */
final class Basemap {
    private static final String FILE = "/data/basemap/ne_10m_countries_nl_be_de_lu.geojson";

    /** A country outline in RD New; {@code home} is the Netherlands (drawn lighter than its neighbours). */
    record Country(String iso, boolean home, Geometry rd) {}

    private static volatile String json;
    private static volatile List<Country> rd;

    private Basemap() {}

    static String wgs84Json() {
        String text = json;
        if (text == null) {
            try (InputStream in = Basemap.class.getResourceAsStream(FILE)) {
                if (in == null) throw new IllegalStateException(FILE + " is missing from the build");
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json = text;
        }
        return text;
    }

    static List<Country> rdCountries() {
        List<Country> countries = rd;
        if (countries == null) {
            countries = new ArrayList<>();
            RdNew transform = new RdNew();
            GeometryFactory factory = new GeometryFactory();
            for (JsonNode f : Json.tree(wgs84Json()).path("features")) {
                try {
                    Geometry g = new GeoJsonReader(factory).read(f.get("geometry").toString());
                    g.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
                        Coordinate xy = transform.toRd(c.x, c.y);
                        c.x = xy.x;
                        c.y = xy.y;
                    });
                    g.geometryChanged();
                    String iso = f.path("properties").path("iso_a2").asText();
                    countries.add(new Country(iso, "NL".equals(iso), g));
                } catch (ParseException e) {
                    throw new IllegalStateException("the bundled outline " + FILE + " is unreadable", e);
                }
            }
            rd = countries;
        }
        return countries;
    }
}

package nl.zorgbeeld.geo;

import java.util.List;
import nl.zorgbeeld.common.ApiException;

/**
 * The coordinate reference systems the API speaks (OGC API - Features Part 2): WGS84 longitude/
 * latitude (CRS84, the GeoJSON default) and RD New (EPSG:28992), the Dutch national grid.
 */
public enum Crs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, 6),
    RD_NEW("http://www.opengis.net/def/crs/EPSG/0/28992", 28992, 3);

    public static final List<String> URIS = List.of(CRS84.uri, RD_NEW.uri);
    private final String uri;
    private final int srid;
    private final int decimals;

    Crs(String uri, int srid, int decimals) {
        this.uri = uri;
        this.srid = srid;
        this.decimals = decimals;
    }

    public String uri() { return uri; }
    public int srid() { return srid; }
    /** Decimals written in GeoJSON: 6 for degrees (about 10 cm), 3 for metres. */
    public int decimals() { return decimals; }

    /** The value of a crs / bbox-crs parameter or Content-Crs header; null or blank means CRS84. */
    public static Crs parse(String value, String where) {
        if (value == null || value.isBlank()) return CRS84;
        String v = value.trim();
        if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1);
        switch (v) {
            case "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "CRS84":
                return CRS84;
            case "http://www.opengis.net/def/crs/EPSG/0/28992", "EPSG:28992":
                return RD_NEW;
            default:
                throw ApiException.badParameter(where, "unsupported coordinate reference system '" + value
                        + "'; supported: " + String.join(", ", URIS));
        }
    }

    /** The Content-Crs header value of a response in this CRS. */
    public String header() { return "<" + uri + ">"; }
}

package nl.zorgbeeld.cap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.geo.RdNew;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a CAP 1.2 alert from another system, refusing what could harm or mislead: more than
 * {@value #MAX_BYTES} bytes, a DTD (so no entity expansion and no external entities or DTDs), anything
 * not well-formed, anything the OASIS schema refuses, and areas that are no areas. The first info block
 * gives the message; every area of it together gives the geometry (polygons, and circles as 32-sided
 * polygons), in RD New.
 */
public final class CapReader {
    public static final int MAX_BYTES = 256 * 1024;
    /** Points over all polygons of one alert: far more than any real warning area has. */
    static final int MAX_POINTS = 20_000;
    private static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final GeometryFactory RD = new GeometryFactory(new PrecisionModel(), 28992);
    private static final DocumentBuilderFactory FACTORY = factory();

    private CapReader() {}

    /** What the app keeps of a received alert; {@code references} are the "sender,identifier,sent" triples. */
    public record Parsed(String identifier, String sender, OffsetDateTime sent, String status, String msgType, String scope,
                         List<String> references, String event, String headline, String description, String instruction,
                         String severity, String urgency, String certainty, OffsetDateTime expires, String areaDesc, Geometry area,
                         String document) {}

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be locked down", e);
        }
        return f;
    }

    public static Parsed read(byte[] body) {
        if (body.length == 0) throw ApiException.badBody("body", "The body is empty; expected a CAP 1.2 alert (XML)");
        if (body.length > MAX_BYTES) {
            throw new ApiException(413, "PayloadTooLarge", "Payload too large", "A CAP alert may be at most " + MAX_BYTES
                    + " bytes; this one is " + body.length, "body");
        }
        Document document = parse(body);
        Element root = document.getDocumentElement();
        if (!NS.equals(root.getNamespaceURI()) || !"alert".equals(root.getLocalName())) {
            throw ApiException.badBody("alert", "The document is not a CAP 1.2 alert: its root is {" + root.getNamespaceURI() + "}"
                    + root.getLocalName() + ", not {" + NS + "}alert");
        }
        try {
            CapSchema.validate(body);
        } catch (SAXParseException e) {
            throw ApiException.badBody("body", "The CAP alert does not match the CAP 1.2 schema (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + "): " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw ApiException.badBody("body", "The CAP alert does not match the CAP 1.2 schema: " + e.getMessage());
        }
        Element info = child(root, "info");
        List<String> descriptions = new ArrayList<>();
        List<Geometry> parts = new ArrayList<>();
        int points = 0;
        if (info != null) {
            RdNew rd = new RdNew();
            for (Element area : children(info, "area")) {
                descriptions.add(text(area, "areaDesc"));
                for (Element polygon : children(area, "polygon")) {
                    Polygon p = polygon(polygon.getTextContent(), rd);
                    points += p.getNumPoints();
                    parts.add(p);
                }
                for (Element circle : children(area, "circle")) parts.add(circle(circle.getTextContent(), rd));
            }
        }
        if (points > MAX_POINTS) {
            throw ApiException.badBody("area", "The areas have " + points + " points together; at most " + MAX_POINTS + " are accepted");
        }
        Geometry geometry = parts.isEmpty() ? null : RD.buildGeometry(parts).union();
        String references = text(root, "references");
        return new Parsed(text(root, "identifier"), text(root, "sender"), time(text(root, "sent"), "sent"), text(root, "status"),
                text(root, "msgType"), text(root, "scope"), references == null ? List.of() : List.of(references.trim().split("\\s+")),
                info == null ? null : text(info, "event"), info == null ? null : text(info, "headline"),
                info == null ? null : text(info, "description"), info == null ? null : text(info, "instruction"),
                info == null ? null : text(info, "severity"), info == null ? null : text(info, "urgency"),
                info == null ? null : text(info, "certainty"), info == null ? null : time(text(info, "expires"), "expires"),
                descriptions.isEmpty() ? null : String.join("; ", descriptions), geometry, new String(body, StandardCharsets.UTF_8));
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override public void warning(SAXParseException e) {}
                @Override public void error(SAXParseException e) throws SAXException { throw e; }
                @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
            });
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw ApiException.badBody("body", "A DTD (<!DOCTYPE ...>) is not accepted: CAP needs none, and DTDs bring entity"
                        + " expansion and external entities");
            }
            throw ApiException.badBody("body", "The body is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + "): " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw ApiException.badBody("body", "The body cannot be read as XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the locked-down XML parser is unavailable", e);
        }
    }

    /** A CAP polygon: "lat,lon" pairs separated by spaces, at least four, the first repeated last. */
    private static Polygon polygon(String text, RdNew rd) {
        String[] pairs = text.trim().split("\\s+");
        if (pairs.length < 4) throw ApiException.badBody("area/polygon", "A CAP polygon has at least 4 points; got " + pairs.length);
        Coordinate[] coordinates = new Coordinate[pairs.length];
        for (int i = 0; i < pairs.length; i++) coordinates[i] = rd(pairs[i], rd, "area/polygon");
        if (!coordinates[0].equals2D(coordinates[pairs.length - 1])) {
            throw ApiException.badBody("area/polygon", "A CAP polygon is closed: its first point (" + pairs[0] + ") must also be its last");
        }
        Polygon polygon = RD.createPolygon(coordinates);
        if (polygon.getArea() <= 0) throw ApiException.badBody("area/polygon", "A CAP polygon must enclose an area");
        return polygon.isValid() ? polygon : (Polygon) largest(polygon.buffer(0));
    }

    /** A CAP circle: "lat,lon radius" with the radius in kilometres. */
    private static Geometry circle(String text, RdNew rd) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) throw ApiException.badBody("area/circle", "A CAP circle is \"lat,lon radius\"; got '" + text.trim() + "'");
        double km;
        try {
            km = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw ApiException.badBody("area/circle", "The radius of a CAP circle is a number of kilometres; got '" + parts[1] + "'");
        }
        if (!(km > 0 && km <= 500)) throw ApiException.badBody("area/circle", "A circle's radius must be above 0 and at most 500 km");
        return RD.createPoint(rd(parts[0], rd, "area/circle")).buffer(km * 1000, 8);
    }

    private static Coordinate rd(String pair, RdNew rd, String where) {
        String[] latLon = pair.split(",");
        try {
            double lat = Double.parseDouble(latLon[0]);
            double lon = Double.parseDouble(latLon[1]);
            if (latLon.length != 2 || Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new NumberFormatException();
            return rd.toRd(lon, lat);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw ApiException.badBody(where, "Each point is \"lat,lon\" in WGS84 degrees; got '" + pair + "'");
        }
    }

    private static Geometry largest(Geometry g) {
        Geometry best = g.getGeometryN(0);
        for (int i = 1; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i).getArea() > best.getArea()) best = g.getGeometryN(i);
        }
        return best;
    }

    private static OffsetDateTime time(String text, String where) {
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badBody(where, where + " is not a CAP date-time: '" + text + "'");
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) found.add(e);
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}

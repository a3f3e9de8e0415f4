package nl.zorgbeeld.alert;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * An alert as a CAP 1.2 document (OASIS Common Alerting Protocol): status Exercise or Actual, msgType
 * with references to the alert it changes, scope Restricted, one info in Dutch (nl-NL) with category,
 * response type, urgency, severity, certainty, the message, the parameters substance, threshold and
 * wind, and an area: its description and the zone as polygons ("lat,lon" pairs, closed), or a circle
 * around the incident location. Date-times carry a numeric offset (CAP forbids "Z").
 */
public final class CapWriter {
    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String MEDIA_TYPE = "application/cap+xml";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT)
            .withZone(ZoneId.of("Europe/Amsterdam"));
    /** Points per polygon: enough for a detailed zone, small enough for every CAP receiver. */
    static final int MAX_POINTS = 500;
    private static final String RESTRICTION = "Alleen voor de zorginstellingen en hulpdiensten van de geneeskundige keten";

    private final String sender;

    /** @param sender the CAP sender of this installation (no spaces, commas or &lt; &amp;) */
    public CapWriter(String sender) {
        this.sender = sender;
    }

    public String sender() {
        return sender;
    }

    /** CAP's date-time: seconds and a numeric offset, in Dutch time. */
    public static String time(OffsetDateTime at) {
        return TIME.format(at);
    }

    /** The CAP references of an alert: "sender,identifier,sent" of the alert it changes. */
    String reference(Alert referenced) {
        return sender + "," + referenced.identifier() + "," + time(referenced.sentAt());
    }

    /** @param referenced the alert this one updates or cancels (null for a new alert) */
    public String write(Alert alert, Alert referenced, String incidentTitle) {
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(NAMESPACE);
            x.writeStartElement(NAMESPACE, "alert");
            x.writeDefaultNamespace(NAMESPACE);
            text(x, "identifier", alert.identifier());
            text(x, "sender", sender);
            text(x, "sent", time(alert.sentAt()));
            text(x, "status", alert.status());
            text(x, "msgType", alert.msgType().code());
            text(x, "source", "Zorgbeeld");
            text(x, "scope", "Restricted");
            text(x, "restriction", RESTRICTION);
            if (referenced != null) text(x, "references", reference(referenced));
            text(x, "incidents", "zorgbeeld-incident-" + alert.incidentId());
            x.writeStartElement(NAMESPACE, "info");
            text(x, "language", "nl-NL");
            text(x, "category", alert.category().code());
            text(x, "event", alert.event());
            text(x, "responseType", alert.responseType().code());
            text(x, "urgency", alert.urgency().code());
            text(x, "severity", alert.severity().code());
            text(x, "certainty", alert.certainty().code());
            text(x, "audience", "Informatiecoördinatoren van de ontvangende zorginstellingen");
            if (alert.expires() != null) text(x, "expires", time(alert.expires()));
            text(x, "senderName", alert.sentBy().organisation());
            text(x, "headline", alert.headline());
            text(x, "description", alert.description());
            if (alert.instruction() != null) text(x, "instruction", alert.instruction());
            text(x, "contact", alert.sentBy().author() + " (" + alert.sentBy().organisation() + ")");
            parameter(x, "incident", incidentTitle);
            parameter(x, "substance", alert.substance());
            parameter(x, "threshold", alert.threshold());
            parameter(x, "wind", alert.wind());
            parameter(x, "acknowledgeBy", time(alert.ackDeadline()));
            x.writeStartElement(NAMESPACE, "area");
            text(x, "areaDesc", alert.areaDesc());
            for (String polygon : polygons(alert.area())) text(x, "polygon", polygon);
            if (alert.circleCentre() != null) {
                text(x, "circle", String.format(Locale.ROOT, "%.6f,%.6f %.3f", alert.circleCentre().getY(), alert.circleCentre().getX(),
                        alert.circleRadius() / 1000));
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing CAP to a string does not fail", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(NAMESPACE, name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static void parameter(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        if (value == null || value.isBlank()) return;
        x.writeStartElement(NAMESPACE, "parameter");
        text(x, "valueName", name);
        text(x, "value", value);
        x.writeEndElement();
    }

    /**
     * The outer rings of the area's polygons as CAP polygons: "lat,lon" pairs separated by spaces, the
     * first repeated last; simplified to at most {@value #MAX_POINTS} points each (CAP has no holes).
     */
    static List<String> polygons(Geometry area) {
        List<String> polygons = new ArrayList<>();
        if (area == null) return polygons;
        for (int i = 0; i < area.getNumGeometries(); i++) {
            if (!(area.getGeometryN(i) instanceof Polygon polygon)) continue;
            Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
            double tolerance = 1e-6;
            // Doubling the tolerance reaches any size in a few dozen steps; a shape that collapses first is thinned instead.
            for (int step = 0; ring.length > MAX_POINTS && step < 40; step++, tolerance *= 2) {
                Geometry simpler = DouglasPeuckerSimplifier.simplify(polygon, tolerance);
                if (simpler instanceof Polygon p && p.getExteriorRing().getNumPoints() >= 4) ring = p.getExteriorRing().getCoordinates();
            }
            if (ring.length > MAX_POINTS) ring = thinned(ring);
            StringBuilder text = new StringBuilder();
            for (Coordinate c : ring) {
                if (!text.isEmpty()) text.append(' ');
                text.append(String.format(Locale.ROOT, "%.6f,%.6f", c.y, c.x));
            }
            polygons.add(text.toString());
        }
        return polygons;
    }

    /** Every k-th point of a closed ring, closed again: at most {@value #MAX_POINTS} points. */
    private static Coordinate[] thinned(Coordinate[] ring) {
        int step = (int) Math.ceil((ring.length - 1) / (double) (MAX_POINTS - 1));
        List<Coordinate> kept = new ArrayList<>();
        for (int i = 0; i < ring.length - 1; i += step) kept.add(ring[i]);
        kept.add(ring[0]);
        return kept.toArray(Coordinate[]::new);
    }
}

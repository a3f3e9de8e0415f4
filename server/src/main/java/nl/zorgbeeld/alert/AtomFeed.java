package nl.zorgbeeld.alert;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The alerts a user may see as an Atom feed (RFC 4287), newest first: each entry the alert's
 * headline, message and sender, linking to its CAP 1.2 document.
 */
final class AtomFeed {
    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {}

    static String write(List<AlertService.CapSource> alerts, String sender, String selfPath) {
        StringWriter out = new StringWriter(8192);
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(ATOM);
            x.writeStartElement(ATOM, "feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", "urn:zorgbeeld:" + sender + ":alerts");
            text(x, "title", "Zorgbeeld: alarmen");
            OffsetDateTime updated = alerts.isEmpty() ? OffsetDateTime.now() : alerts.get(0).alert().sentAt();
            text(x, "updated", rfc3339(updated));
            link(x, "self", selfPath, MEDIA_TYPE);
            for (AlertService.CapSource source : alerts) {
                Alert a = source.alert();
                x.writeStartElement(ATOM, "entry");
                text(x, "id", "urn:zorgbeeld:" + sender + ":" + a.identifier());
                text(x, "title", (a.exercise() ? "OEFENING: " : "") + a.headline());
                text(x, "updated", rfc3339(a.sentAt()));
                text(x, "published", rfc3339(a.sentAt()));
                x.writeStartElement(ATOM, "author");
                text(x, "name", a.sentBy().author() + " (" + a.sentBy().organisation() + ")");
                x.writeEndElement();
                x.writeEmptyElement(ATOM, "category");
                x.writeAttribute("term", a.category().code());
                x.writeAttribute("label", a.category().label());
                text(x, "summary", a.msgType().label() + ": " + a.description());
                link(x, "alternate", AlertService.path(a.incidentId(), a.id()) + "?format=cap", CapWriter.MEDIA_TYPE);
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing Atom to a string does not fail", e);
        }
        return out.toString();
    }

    /** RFC 3339 with seconds and a numeric offset (the CAP form is one). */
    private static String rfc3339(OffsetDateTime at) {
        return CapWriter.time(at);
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(ATOM, name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement(ATOM, "link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }
}

package nl.zorgbeeld.cap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The OASIS CAP 1.2 XML schema, shipped with the app (resources/cap/cap-1.2.xsd, © OASIS Open 2010,
 * redistributed with its notice: data/sources/manifest.json), compiled once. Validation reaches for
 * nothing outside the document: external DTDs and schemas are refused.
 */
public final class CapSchema {
    public static final String RESOURCE = "/cap/cap-1.2.xsd";
    private static final Schema SCHEMA = load();

    private CapSchema() {}

    private static Schema load() {
        URL url = CapSchema.class.getResource(RESOURCE);
        if (url == null) throw new IllegalStateException("the CAP 1.2 schema " + RESOURCE + " is missing from the build");
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("the CAP 1.2 schema does not compile", e);
        }
    }

    /** Validates a document (already known to carry no DTD); throws the first violation with its line. */
    public static void validate(byte[] document) throws SAXException, IOException {
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the XML validator cannot be locked down", e);
        }
        validator.validate(new StreamSource(new ByteArrayInputStream(document)));
    }
}

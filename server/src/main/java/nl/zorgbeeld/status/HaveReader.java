package nl.zorgbeeld.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.status.StatusContent.BedCount;
import nl.zorgbeeld.status.StatusContent.Continuity;
import nl.zorgbeeld.status.StatusContent.Decontamination;
import nl.zorgbeeld.status.StatusContent.EmergencyDepartment;
import nl.zorgbeeld.status.StatusContent.Received;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an EDXL-HAVE document from another system into status reports. The parser refuses any
 * DOCTYPE, so no DTD, external entity (XXE) or entity expansion ("billion laughs") can take effect;
 * external resources and XInclude are off as well. Errors are 400s naming the element, such as
 * {@code Hospital[2]/HospitalBedCapacityStatus/BedCapacity[1]/Capacity/AvailableCount}; what cannot
 * be mapped (a bed type Zorgbeeld does not have) is skipped and reported as a warning.
 */
final class HaveReader {
    /** A HAVE document of a few hundred institutions is tens of kilobytes. */
    static final int MAX_BYTES = 1_000_000;
    static final int MAX_HOSPITALS = 2_000;

    private final List<String> warnings = new ArrayList<>();

    /** The reports and the warnings about what was skipped. */
    record Result(List<ImportedReport> reports, List<String> warnings) {}

    static Result read(byte[] xml) {
        if (xml.length > MAX_BYTES) {
            throw new ApiException(413, "PayloadTooLarge", "Payload too large", "An EDXL-HAVE document may be at most " + MAX_BYTES
                    + " bytes; this one is " + xml.length + ". Send fewer hospitals at a time.", "body");
        }
        HaveReader reader = new HaveReader();
        List<ImportedReport> reports = reader.reports(parse(xml));
        return new Result(reports, List.copyOf(reader.warnings));
    }

    private static Document parse(byte[] xml) {
        if (xml.length == 0) throw ApiException.badBody("body", "The request body is empty; expected an EDXL-HAVE document");
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override public void warning(SAXParseException e) {}
                @Override public void error(SAXParseException e) throws SAXException { throw e; }
                @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not accepted (" + systemId + ")");
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw ApiException.badBody("body", "DOCTYPE declarations (DTDs and entities) are not accepted in an EDXL-HAVE"
                        + " document (line " + e.getLineNumber() + "); remove the <!DOCTYPE ...> and send it again");
            }
            throw ApiException.badBody("body", "The body is not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + message);
        } catch (SAXException e) {
            throw ApiException.badBody("body", "The body could not be read as XML: " + e.getMessage());
        } catch (IOException e) {
            throw ApiException.badBody("body", "The body could not be read: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser does not support the secure configuration", e);
        }
    }

    /** A namespace-aware DOM parser that refuses DOCTYPE and every way to reach outside the document. */
    static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    private List<ImportedReport> reports(Document document) {
        Element root = document.getDocumentElement();
        if (!Have.isHave(root.getNamespaceURI()) || !root.getLocalName().equals("HospitalStatus")) {
            throw ApiException.badBody("/", "The root element must be HospitalStatus in the EDXL-HAVE namespace " + Have.NS
                    + "; got " + (root.getNamespaceURI() == null ? "" : "{" + root.getNamespaceURI() + "}") + root.getLocalName());
        }
        List<Element> hospitals = children(root, "Hospital");
        if (hospitals.isEmpty()) throw ApiException.badBody("HospitalStatus", "The document holds no Hospital");
        if (hospitals.size() > MAX_HOSPITALS) {
            throw ApiException.badBody("HospitalStatus", "At most " + MAX_HOSPITALS + " Hospital elements at once; got " + hospitals.size());
        }
        List<ImportedReport> reports = new ArrayList<>();
        for (int i = 0; i < hospitals.size(); i++) reports.add(hospital(hospitals.get(i), "Hospital[" + (i + 1) + "]"));
        return reports;
    }

    private ImportedReport hospital(Element hospital, String where) {
        String id = institutionId(hospital, where);
        OffsetDateTime reportedAt = time(child(hospital, "LastUpdateTime"), where + "/LastUpdateTime");

        Element edStatus = child(hospital, "EmergencyDepartmentStatus");
        Element traffic = edStatus == null ? null : child(edStatus, "EMSTraffic");
        String trafficWhere = where + "/EmergencyDepartmentStatus/EMSTraffic";
        EmergencyDepartment ed = traffic == null ? null : new EmergencyDepartment(
                have(EmergencyDepartmentStatus.class, child(traffic, "EMSTrafficStatus"), trafficWhere + "/EMSTrafficStatus"),
                text(child(traffic, "EMSTrafficReason"), trafficWhere + "/EMSTrafficReason", StatusInput.REASON_LENGTH));

        Map<String, BedCount> beds = beds(hospital, where);

        Element facility = child(hospital, "HospitalFacilityStatus");
        String facilityWhere = where + "/HospitalFacilityStatus";
        OperationalStatus operational = facility == null ? null
                : have(OperationalStatus.class, child(facility, "FacilityStatus"), facilityWhere + "/FacilityStatus");
        DeconStatus decon = facility == null ? null
                : have(DeconStatus.class, child(facility, "DeconCapacity"), facilityWhere + "/DeconCapacity");
        String remarks = facility == null ? null : joined(children(facility, "CommentText"), facilityWhere + "/CommentText",
                StatusInput.REMARKS_LENGTH);

        Element resources = child(hospital, "HospitalResourcesStatus");
        if (resources == null) resources = child(hospital, "HospitalResourceStatus");
        String resourcesWhere = where + "/HospitalResourcesStatus";
        StaffingLevel staffing = resources == null ? null
                : have(StaffingLevel.class, child(resources, "Staffing"), resourcesWhere + "/Staffing");
        String needs = resources == null ? null : joined(children(resources, "ResourceInformationText"),
                resourcesWhere + "/ResourceInformationText", StatusInput.NEEDS_LENGTH);

        Element extension = firstChild(hospital, Have.ZB, "ZorgbeeldStatus");
        String extWhere = where + "/zb:ZorgbeeldStatus";
        Received received = null;
        Integer perHour = null;
        Continuity continuity = null;
        if (extension != null) {
            for (Element mc : elements(extension, Have.ZB, "Beds")) {
                String type = mc.getAttribute("type");
                if (!type.equals(BedType.MC.code())) {
                    throw ApiException.badBody(extWhere + "/zb:Beds", "zb:Beds only carries type '" + BedType.MC.code()
                            + "' (the other bed types are HAVE BedCapacity); got '" + type + "'");
                }
                beds.put(type, StatusInput.bed(extWhere + "/zb:Beds/@available", count(mc, "available", extWhere + "/zb:Beds"),
                        count(mc, "total", extWhere + "/zb:Beds")));
            }
            Element r = firstChild(extension, Have.ZB, "Received");
            if (r != null) {
                String rw = extWhere + "/zb:Received";
                received = new Received(count(r, "t1", rw), count(r, "t2", rw), count(r, "t3", rw), count(r, "dead", rw), count(r, "unknown", rw));
            }
            Element d = firstChild(extension, Have.ZB, "Decontamination");
            if (d != null) perHour = count(d, "capacityPerHour", extWhere + "/zb:Decontamination");
            Element k = firstChild(extension, Have.ZB, "Continuity");
            if (k != null) {
                String kw = extWhere + "/zb:Continuity";
                continuity = new Continuity(level(k, "power", kw), level(k, "water", kw), level(k, "ict", kw), level(k, "staff", kw),
                        level(k, "supplies", kw));
            }
        }
        StatusContent content = new StatusContent(operational, ed, beds, received,
                decon == null && perHour == null ? null : new Decontamination(decon, perHour), staffing, continuity, needs, remarks);
        return new ImportedReport(id, reportedAt, content, where);
    }

    /** The institution's id: xnl:OrganisationName/@xnl:ID of the Organisation (or Organization, as HAVE 1.0 spells it). */
    private static String institutionId(Element hospital, String where) {
        Element organisation = child(hospital, "Organisation");
        if (organisation == null) organisation = child(hospital, "Organization");
        Element information = organisation == null ? null : child(organisation, "OrganisationInformation");
        if (information == null && organisation != null) information = child(organisation, "OrganizationInformation");
        Element name = information == null ? null : firstChild(information, Have.XNL, "OrganisationName");
        String id = name == null ? "" : name.getAttributeNS(Have.XNL, "ID").strip();
        if (id.isEmpty()) {
            throw ApiException.badBody(where + "/Organisation", where + " needs the institution's id in"
                    + " Organisation/OrganisationInformation/xnl:OrganisationName/@xnl:ID (the id of the institution layer)");
        }
        if (id.length() > 200) throw ApiException.badBody(where + "/Organisation", "The institution id is longer than 200 characters");
        return id;
    }

    private Map<String, BedCount> beds(Element hospital, String where) {
        Map<String, BedCount> beds = new LinkedHashMap<>();
        Element status = child(hospital, "HospitalBedCapacityStatus");
        if (status == null) return beds;
        List<Element> capacities = children(status, "BedCapacity");
        for (int i = 0; i < capacities.size(); i++) {
            Element bed = capacities.get(i);
            String bw = where + "/HospitalBedCapacityStatus/BedCapacity[" + (i + 1) + "]";
            String haveType = text(child(bed, "BedType"), bw + "/BedType", 100);
            if (haveType == null) throw ApiException.badBody(bw + "/BedType", bw + " needs a BedType");
            BedType type = "OtherIsolation".equalsIgnoreCase(haveType) ? BedType.ISOLATIE
                    : HaveCoded.fromHave(BedType.class, haveType).orElse(null);
            if (type == null) {
                warnings.add(bw + ": BedType '" + haveType + "' has no Zorgbeeld bed type and was skipped");
                continue;
            }
            if (beds.containsKey(type.code())) {
                throw ApiException.badBody(bw + "/BedType", "Bed type " + haveType + " (Zorgbeeld " + type.code() + ") appears twice in "
                        + where);
            }
            // HAVE 2.0 puts the counts in Capacity; some HAVE 1.0 writers put them straight in BedCapacity.
            Element capacity = child(bed, "Capacity");
            Element counts = capacity == null ? bed : capacity;
            String cw = capacity == null ? bw : bw + "/Capacity";
            Integer available = integer(child(counts, "AvailableCount"), cw + "/AvailableCount");
            Integer total = integer(child(counts, "BaselineCount"), cw + "/BaselineCount");
            if (available == null && total == null) continue;
            beds.put(type.code(), StatusInput.bed(cw + "/AvailableCount", available, total));
        }
        return beds;
    }

    /** A HAVE code of {@code type}; {@code Unknown} and {@code NotApplicable} are not reported (null). */
    private static <E extends Enum<E> & HaveCoded> E have(Class<E> type, Element element, String where) {
        String value = text(element, where, 100);
        if (value == null) return null;
        if (value.equalsIgnoreCase("Unknown") || value.equalsIgnoreCase("NotApplicable")) return null;
        return HaveCoded.fromHave(type, value).orElseThrow(() -> ApiException.badBody(where, "Unknown " + where + " '" + value
                + "'; known: " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(HaveCoded::have).toList())
                + ", Unknown"));
    }

    private static ContinuityLevel level(Element element, String attribute, String where) {
        if (!element.hasAttribute(attribute)) return null;
        String value = element.getAttribute(attribute).strip();
        return Coded.find(ContinuityLevel.class, value).orElseThrow(() -> ApiException.badBody(where + "/@" + attribute,
                "Unknown " + attribute + " '" + value + "'; known: " + Coded.codes(ContinuityLevel.class)));
    }

    private static Integer count(Element element, String attribute, String where) {
        if (!element.hasAttribute(attribute)) return null;
        return wholeNumber(element.getAttribute(attribute), where + "/@" + attribute);
    }

    private static Integer integer(Element element, String where) {
        String value = text(element, where, 20);
        return value == null ? null : wholeNumber(value, where);
    }

    private static Integer wholeNumber(String text, String where) {
        String value = text.strip();
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badBody(where, where + " must be a whole number, not '" + value + "'");
        }
        if (n < 0 || n > StatusInput.MAX_COUNT) {
            throw ApiException.badBody(where, where + " must be between 0 and " + StatusInput.MAX_COUNT + ", not " + n);
        }
        return n;
    }

    private static OffsetDateTime time(Element element, String where) {
        String value = text(element, where, 64);
        if (value == null) return null;
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badBody(where, where + " must be an xs:dateTime with offset, such as 2026-03-01T14:05:00+01:00;"
                    + " got '" + value + "'");
        }
    }

    private static String joined(List<Element> elements, String where, int maxLength) {
        List<String> parts = new ArrayList<>();
        for (Element e : elements) {
            String part = text(e, where, maxLength);
            if (part != null) parts.add(part);
        }
        if (parts.isEmpty()) return null;
        String text = String.join("\n", parts);
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw ApiException.badBody(where, where + " is longer than " + maxLength + " characters in all");
        }
        return text;
    }

    /** The element's text, stripped; null when absent or blank; plain text of at most {@code maxLength} characters. */
    private static String text(Element element, String where, int maxLength) {
        if (element == null) return null;
        String text = element.getTextContent().strip();
        if (text.isEmpty()) return null;
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw ApiException.badBody(where, where + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t') {
                throw ApiException.badBody(where, where + " must be plain text; it contains control character U+" + String.format("%04X", (int) ch));
            }
        }
        return text;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The child elements named {@code name} in the HAVE namespace. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Have.isHave(e.getNamespaceURI()) && name.equals(e.getLocalName())) found.add(e);
        }
        return found;
    }

    private static Element firstChild(Element parent, String namespace, String name) {
        List<Element> found = elements(parent, namespace, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> elements(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) found.add(e);
        }
        return found;
    }
}

package nl.zorgbeeld.status;

import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.status.StatusContent.BedCount;
import nl.zorgbeeld.status.StatusContent.Continuity;
import nl.zorgbeeld.status.StatusContent.Received;

/**
 * Writes status reports as an EDXL-HAVE 2.0 document: one {@code Hospital} per institution with a
 * report (an institution without one has no status to exchange). Unknown values are left out, never
 * written as 0. Times carry a numeric offset (Europe/Amsterdam), as EDXL expects.
 */
final class HaveWriter {
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private HaveWriter() {}

    static void write(OutputStream out, List<StatusItem> items) {
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("have", Have.NS);
            w.setPrefix("xnl", Have.XNL);
            w.setPrefix("gml", Have.GML);
            w.setPrefix("zb", Have.ZB);
            w.writeStartElement(Have.NS, "HospitalStatus");
            w.writeNamespace("have", Have.NS);
            w.writeNamespace("xnl", Have.XNL);
            w.writeNamespace("gml", Have.GML);
            w.writeNamespace("zb", Have.ZB);
            for (StatusItem item : items) {
                if (item.report() != null) hospital(w, item.institution(), item.report());
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the EDXL-HAVE document could not be written: " + e.getMessage(), e);
        }
    }

    private static void hospital(XMLStreamWriter w, InstitutionRef institution, StatusReport report) throws XMLStreamException {
        StatusContent content = report.content();
        w.writeStartElement(Have.NS, "Hospital");
        organisation(w, institution);

        var ed = content.emergencyDepartment();
        if (ed.status() != null || ed.reason() != null) {
            w.writeStartElement(Have.NS, "EmergencyDepartmentStatus");
            w.writeStartElement(Have.NS, "EMSTraffic");
            text(w, Have.NS, "EMSTrafficStatus", ed.status() == null ? null : ed.status().have());
            text(w, Have.NS, "EMSTrafficReason", ed.reason());
            w.writeEndElement();
            w.writeEndElement();
        }

        boolean anyHaveBed = content.beds().keySet().stream().anyMatch(code -> bedType(code).have() != null);
        if (anyHaveBed) {
            w.writeStartElement(Have.NS, "HospitalBedCapacityStatus");
            for (Map.Entry<String, BedCount> bed : content.beds().entrySet()) {
                BedType type = bedType(bed.getKey());
                if (type.have() == null) continue;
                BedCount count = bed.getValue();
                w.writeStartElement(Have.NS, "BedCapacity");
                text(w, Have.NS, "BedType", type.have());
                w.writeStartElement(Have.NS, "Capacity");
                if (count.available() != null) {
                    text(w, Have.NS, "CapacityStatus", count.available() > 0 ? "VacantAvailable" : "NotAvailable");
                    text(w, Have.NS, "AvailableCount", count.available().toString());
                }
                if (count.total() != null) text(w, Have.NS, "BaselineCount", count.total().toString());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        }

        serviceCoverage(w, content);

        if (content.operationalStatus() != null || content.decontamination().status() != null || content.remarks() != null) {
            w.writeStartElement(Have.NS, "HospitalFacilityStatus");
            text(w, Have.NS, "FacilityStatus", content.operationalStatus() == null ? null : content.operationalStatus().have());
            text(w, Have.NS, "DeconCapacity", content.decontamination().status() == null ? null : content.decontamination().status().have());
            text(w, Have.NS, "CommentText", content.remarks());
            w.writeEndElement();
        }
        if (content.staffing() != null || content.needs() != null) {
            w.writeStartElement(Have.NS, "HospitalResourcesStatus");
            text(w, Have.NS, "Staffing", content.staffing() == null ? null : content.staffing().have());
            text(w, Have.NS, "ResourceInformationText", content.needs());
            w.writeEndElement();
        }
        text(w, Have.NS, "LastUpdateTime", report.reportedAt().atZoneSameInstant(ZONE).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        extension(w, content);
        w.writeEndElement();
    }

    private static void organisation(XMLStreamWriter w, InstitutionRef institution) throws XMLStreamException {
        w.writeStartElement(Have.NS, "Organisation");
        w.writeStartElement(Have.NS, "OrganisationInformation");
        w.writeStartElement(Have.XNL, "OrganisationName");
        w.writeAttribute(Have.XNL, "ID", institution.id());
        text(w, Have.XNL, "NameElement", institution.name());
        w.writeEndElement();
        w.writeEndElement();
        if (institution.lat() != null && institution.lon() != null) {
            w.writeStartElement(Have.NS, "OrganisationGeoLocation");
            w.writeStartElement(Have.GML, "Point");
            // GML 3.2 in EPSG:4326 order: latitude first.
            text(w, Have.GML, "pos", institution.lat() + " " + institution.lon());
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** Which services are offered now, derived from the report (written, not read back). */
    private static void serviceCoverage(XMLStreamWriter w, StatusContent content) throws XMLStreamException {
        EmergencyDepartmentStatus ed = content.emergencyDepartment().status();
        Boolean burns = offered(content.beds().get(BedType.BRANDWONDEN.code()));
        Boolean neonatology = offered(content.beds().get(BedType.NICU.code()));
        if (ed == null && burns == null && neonatology == null) return;
        w.writeStartElement(Have.NS, "ServiceCoverageStatus");
        if (burns != null) text(w, Have.NS, "Burn", burns.toString());
        if (neonatology != null) text(w, Have.NS, "Neonatology", neonatology.toString());
        if (ed != null) text(w, Have.NS, "EmergencyDepartment", Boolean.toString(ed != EmergencyDepartmentStatus.GESLOTEN));
        w.writeEndElement();
    }

    private static Boolean offered(BedCount count) {
        return count == null || count.available() == null ? null : count.available() > 0;
    }

    /** What HAVE has no element for, in Zorgbeeld's namespace; left out when all of it is unknown. */
    private static void extension(XMLStreamWriter w, StatusContent content) throws XMLStreamException {
        BedCount mc = content.beds().get(BedType.MC.code());
        Received r = content.received();
        Integer perHour = content.decontamination().capacityPerHour();
        Continuity k = content.continuity();
        boolean anyReceived = r.t1() != null || r.t2() != null || r.t3() != null || r.dead() != null || r.unknown() != null;
        boolean anyContinuity = k.power() != null || k.water() != null || k.ict() != null || k.staff() != null || k.supplies() != null;
        if (mc == null && !anyReceived && perHour == null && !anyContinuity) return;
        w.writeStartElement(Have.ZB, "ZorgbeeldStatus");
        if (mc != null) {
            w.writeEmptyElement(Have.ZB, "Beds");
            w.writeAttribute("type", BedType.MC.code());
            attribute(w, "available", mc.available());
            attribute(w, "total", mc.total());
        }
        if (anyReceived) {
            w.writeEmptyElement(Have.ZB, "Received");
            attribute(w, "t1", r.t1());
            attribute(w, "t2", r.t2());
            attribute(w, "t3", r.t3());
            attribute(w, "dead", r.dead());
            attribute(w, "unknown", r.unknown());
        }
        if (perHour != null) {
            w.writeEmptyElement(Have.ZB, "Decontamination");
            attribute(w, "capacityPerHour", perHour);
        }
        if (anyContinuity) {
            w.writeEmptyElement(Have.ZB, "Continuity");
            attribute(w, "power", k.power());
            attribute(w, "water", k.water());
            attribute(w, "ict", k.ict());
            attribute(w, "staff", k.staff());
            attribute(w, "supplies", k.supplies());
        }
        w.writeEndElement();
    }

    private static BedType bedType(String code) {
        return Coded.known(BedType.class, code);
    }

    private static void attribute(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) return;
        w.writeAttribute(name, value instanceof Coded coded ? coded.code() : value.toString());
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        if (value == null) return;
        w.writeStartElement(ns, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}

package nl.zorgbeeld.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.status.StatusFixtures.Place;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** EDXL-HAVE 2.0: the export's elements, export -> import without loss, and a parser that refuses XXE, DTDs and entity expansion. */
class StatusHaveTest {
    private static final String P = "sthave:";
    private static final String REGION = "VRSTH";
    private static final String FULL = "{\"operationalStatus\":\"beperkt\",\"emergencyDepartment\":{\"status\":\"gesloten\",\"reason\":\"Brand\\nop de SEH\"},"
            + "\"beds\":{\"ic-volwassenen\":{\"available\":3,\"total\":10},\"ic-kinderen\":{\"available\":0,\"total\":2},\"nicu\":{\"total\":6},"
            + "\"seh\":{\"available\":4},\"mc\":{\"available\":5,\"total\":9},\"brandwonden\":{\"available\":1,\"total\":3},"
            + "\"psychiatrie\":{\"available\":2,\"total\":2},\"isolatie\":{\"available\":1,\"total\":4},\"algemeen\":{\"available\":40,\"total\":300}},"
            + "\"received\":{\"t1\":2,\"t2\":5,\"dead\":0},\"decontamination\":{\"status\":\"open\",\"capacityPerHour\":12},\"staffing\":\"krap\","
            + "\"continuity\":{\"power\":\"kritiek\",\"water\":\"geen\",\"ict\":\"verstoord\"},\"needs\":\"Aggregaat & brandstof <spoed>\","
            + "\"remarks\":\"Noodstroom draait sinds 14:00\"}";
    private static final List<String> CONTENT = List.of("operationalStatus", "emergencyDepartment", "beds", "received", "decontamination",
            "staffing", "continuity", "needs", "remarks");
    private static TestServer server;
    /** The regional system's account: a Hoofd Informatie of the region, with an API token. */
    private static TestUser koppeling;
    private static TestUser derdeRegio;
    private static JsonClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        koppeling = TestUsers.user("Koppeling", "Regionaal systeem HAVE", REGION, null, Role.HOOFD_INFORMATIE);
        derdeRegio = TestUsers.user("Koppeling Derde", "Regionaal systeem HAVE derde", "VRSTH2", null, Role.HOOFD_INFORMATIE);
        client = JsonClient.as(server, koppeling);
        StatusFixtures.institutions(P, REGION, List.of(new Place(P + "vol", "Ziekenhuis Volledig", "ziekenhuis", 5.1, 52.1),
                new Place(P + "kaal", "Huisartsenpost Kaal", "huisartsenpost", 5.2, 52.1)));
        StatusFixtures.institutions(P + "derde:", "VRSTH2", List.of(new Place(P + "derde:1", "Derde", "ziekenhuis", 5.3, 52.1)));
        assertEquals(201, client.post(StatusApiTest.path(P + "vol"), FULL).status());
        assertEquals(201, client.post(StatusApiTest.path(P + "kaal"), "{\"operationalStatus\":\"normaal\"}").status());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, String accept) {
        return server.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Accept", accept)
                .header("Authorization", "Bearer " + koppeling.token()).GET().build());
    }

    private static Response postXml(String xml, String contentType) {
        return postXml(xml, contentType, koppeling);
    }

    /** An import as {@code user}; a header naming someone else is not who the report is by. */
    private static Response postXml(String xml, String contentType, TestUser user) {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/institutions/status")))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + user.token())
                .header("X-Zorgbeeld-Author", "Vervalst").header("X-Zorgbeeld-Organisation", "Elders")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build());
        JsonNode json = null;
        try {
            json = Json.MAPPER.readTree(r.body());
        } catch (Exception ignored) {
            // not JSON: the assertions say so
        }
        return new Response(r.statusCode(), json, r.body(), r);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(Have.NS, name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }

    private static long reports() {
        return Sql.count("SELECT count(*) FROM institution_status_report WHERE institution_id LIKE 'sthave:%'");
    }

    @Test
    void theExportUsesHaveElementsAndLeavesUnknownOut() throws Exception {
        HttpResponse<String> r = get("/api/institutions/status?region=" + REGION, "application/xml");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
        Document doc = parse(r.body());
        Element root = doc.getDocumentElement();
        assertEquals(Have.NS, root.getNamespaceURI());
        assertEquals("HospitalStatus", root.getLocalName());
        NodeList hospitals = root.getElementsByTagNameNS(Have.NS, "Hospital");
        assertEquals(2, hospitals.getLength());
        Element full = (Element) hospitals.item(1);
        Element name = (Element) full.getElementsByTagNameNS(Have.XNL, "OrganisationName").item(0);
        assertEquals(P + "vol", name.getAttributeNS(Have.XNL, "ID"));
        assertEquals("Ziekenhuis Volledig", name.getTextContent());
        assertEquals("Closed", text(full, "EMSTrafficStatus"));
        assertEquals("Brand\nop de SEH", text(full, "EMSTrafficReason"));
        assertEquals("Compromised", text(full, "FacilityStatus"));
        assertEquals("Open", text(full, "DeconCapacity"));
        assertEquals("Insufficient", text(full, "Staffing"));
        assertEquals("Aggregaat & brandstof <spoed>", text(full, "ResourceInformationText"));
        assertEquals("false", text(full, "EmergencyDepartment"), "service coverage: the closed SEH is not offered");
        OffsetDateTime.parse(text(full, "LastUpdateTime"));
        assertTrue(text(full, "LastUpdateTime").matches(".*[+-]\\d\\d:\\d\\d$"), "a numeric offset");

        NodeList beds = full.getElementsByTagNameNS(Have.NS, "BedCapacity");
        assertEquals(8, beds.getLength(), "every bed type but medium care, which has no HAVE BedType");
        Element adultIcu = (Element) beds.item(0);
        assertEquals("AdultICU", text(adultIcu, "BedType"));
        assertEquals("VacantAvailable", text(adultIcu, "CapacityStatus"));
        assertEquals("3", text(adultIcu, "AvailableCount"));
        assertEquals("10", text(adultIcu, "BaselineCount"));
        assertEquals("NotAvailable", text((Element) beds.item(1), "CapacityStatus"), "0 free: not available");
        Element nicu = (Element) beds.item(2);
        assertEquals("NeonatalICU", text(nicu, "BedType"));
        assertEquals(null, text(nicu, "AvailableCount"), "free NICU beds unknown: left out, not 0");
        Element extension = (Element) full.getElementsByTagNameNS(Have.ZB, "ZorgbeeldStatus").item(0);
        assertEquals("mc", ((Element) extension.getElementsByTagNameNS(Have.ZB, "Beds").item(0)).getAttribute("type"));
        assertFalse(((Element) extension.getElementsByTagNameNS(Have.ZB, "Received").item(0)).hasAttribute("t3"), "t3 unknown: left out");

        Element bare = (Element) hospitals.item(0);
        assertEquals("Normal", text(bare, "FacilityStatus"));
        assertEquals(0, bare.getElementsByTagNameNS(Have.NS, "HospitalBedCapacityStatus").getLength());
        assertEquals(0, bare.getElementsByTagNameNS(Have.ZB, "ZorgbeeldStatus").getLength());

        HttpResponse<String> download = get("/api/institutions/status?region=" + REGION + "&format=xml", "*/*");
        assertTrue(download.headers().firstValue("Content-Disposition").orElseThrow().contains(".xml"));
        assertEquals(r.body().replaceAll("<have:LastUpdateTime>[^<]*", ""), download.body().replaceAll("<have:LastUpdateTime>[^<]*", ""));
    }

    @Test
    void anExportReadBackInIsTheSameStatus() {
        String xml = get("/api/institutions/status?region=" + REGION, "application/xml").body();
        JsonNode before = client.get(StatusApiTest.path(P + "vol")).json().get("report");
        Response imported = postXml(xml, "application/xml");
        assertEquals(201, imported.status(), imported.toString());
        assertEquals(2, imported.json().get("imported").asInt());
        assertEquals(0, imported.json().get("warnings").size(), imported.toString());
        JsonNode after = client.get(StatusApiTest.path(P + "vol")).json().get("report");
        assertEquals(before.get("version").asInt() + 1, after.get("version").asInt());
        assertEquals("edxl-have", after.get("source").asText());
        assertEquals("Koppeling", after.get("author").asText(), "the logged-in user, not the header");
        assertEquals("Regionaal systeem HAVE", after.get("organisation").asText());
        for (String field : CONTENT) assertEquals(before.get(field), after.get(field), field);
        assertTrue(OffsetDateTime.parse(before.get("reportedAt").asText()).isEqual(OffsetDateTime.parse(after.get("reportedAt").asText())),
                "LastUpdateTime is the report's time");
    }

    @Test
    void externalEntitiesAreRefusedAndNothingIsRead() {
        long before = reports();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<have:HospitalStatus xmlns:have=\"" + Have.NS + "\"><have:Hospital>&x;</have:Hospital></have:HospitalStatus>";
        Response r = postXml(xxe, "application/xml");
        assertEquals(400, r.status(), r.toString());
        assertEquals("body", r.where());
        assertTrue(r.json().get("detail").asText().contains("DOCTYPE"), r.toString());
        assertFalse(r.body().contains("root:"), "no file content in the answer");
        assertEquals(before, reports());
    }

    @Test
    void externalDtdsParameterEntitiesAndEntityExpansionAreRefused() {
        String root = "<have:HospitalStatus xmlns:have=\"" + Have.NS + "\"/>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><have:HospitalStatus xmlns:have=\"" + Have.NS
                + "\"><have:Hospital>&lol3;</have:Hospital></have:HospitalStatus>";
        for (String xml : List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:9/evil.dtd\">" + root,
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;]>" + root,
                laughs)) {
            Response r = postXml(xml, "text/xml");
            assertEquals(400, r.status(), r.toString());
            assertTrue(r.json().get("detail").asText().contains("DOCTYPE"), r.toString());
        }
    }

    @Test
    void badDocumentsGetClear4xxErrorsAndStoreNothing() {
        long before = reports();
        Response wrongType = postXml("<x/>", "text/plain");
        assertEquals(415, wrongType.status(), wrongType.toString());

        Response broken = postXml("<have:HospitalStatus xmlns:have=\"" + Have.NS + "\"><have:Hospital>", "application/xml");
        assertEquals(400, broken.status());
        assertTrue(broken.json().get("detail").asText().contains("line 1"), broken.toString());

        Response other = postXml("<status/>", "application/xml");
        assertEquals(400, other.status());
        assertEquals("/", other.where());

        Response big = postXml("<have:HospitalStatus xmlns:have=\"" + Have.NS + "\">" + "<!-- opvulling -->".repeat(70_000)
                + "</have:HospitalStatus>", "application/xml");
        assertEquals(413, big.status(), big.toString());

        String known = hospital(P + "vol", "<have:EmergencyDepartmentStatus><have:EMSTraffic><have:EMSTrafficStatus>Normal"
                + "</have:EMSTrafficStatus></have:EMSTraffic></have:EmergencyDepartmentStatus>");
        Response unknownInstitution = postXml(document(known + hospital(P + "bestaat-niet", "")), "application/xml");
        assertEquals(404, unknownInstitution.status(), unknownInstitution.toString());
        assertEquals("Hospital[2]", unknownInstitution.where());

        Response badStatus = postXml(document(hospital(P + "vol", "<have:EmergencyDepartmentStatus><have:EMSTraffic>"
                + "<have:EMSTrafficStatus>Shut</have:EMSTrafficStatus></have:EMSTraffic></have:EmergencyDepartmentStatus>")), "application/xml");
        assertEquals(400, badStatus.status());
        assertEquals("Hospital[1]/EmergencyDepartmentStatus/EMSTraffic/EMSTrafficStatus", badStatus.where());

        Response tooMany = postXml(document(hospital(P + "vol", "<have:HospitalBedCapacityStatus><have:BedCapacity><have:BedType>Burn"
                + "</have:BedType><have:Capacity><have:AvailableCount>5</have:AvailableCount><have:BaselineCount>2</have:BaselineCount>"
                + "</have:Capacity></have:BedCapacity></have:HospitalBedCapacityStatus>")), "application/xml");
        assertEquals(400, tooMany.status());
        assertEquals("Hospital[1]/HospitalBedCapacityStatus/BedCapacity[1]/Capacity/AvailableCount", tooMany.where());

        Response future = postXml(document(hospital(P + "vol", "<have:LastUpdateTime>2999-01-01T00:00:00Z</have:LastUpdateTime>")),
                "application/xml");
        assertEquals(400, future.status());
        assertEquals("Hospital[1]/LastUpdateTime", future.where());
        assertEquals(before, reports(), "nothing stored");
    }

    @Test
    void aBedTypeZorgbeeldDoesNotHaveIsSkippedWithAWarning() {
        Response r = postXml(document(hospital(P + "derde:1", "<have:HospitalBedCapacityStatus><have:BedCapacity><have:BedType>OperatingRooms"
                + "</have:BedType><have:Capacity><have:AvailableCount>2</have:AvailableCount></have:Capacity></have:BedCapacity>"
                + "<have:BedCapacity><have:BedType>Burn</have:BedType><have:AvailableCount>1</have:AvailableCount>"
                + "<have:BaselineCount>4</have:BaselineCount></have:BedCapacity></have:HospitalBedCapacityStatus>")), "application/xml",
                derdeRegio);
        assertEquals(201, r.status(), r.toString());
        assertTrue(r.json().get("warnings").get(0).asText().contains("OperatingRooms"), r.toString());
        JsonNode beds = JsonClient.as(server, derdeRegio).get(StatusApiTest.path(P + "derde:1")).json().at("/report/beds");
        assertEquals(1, beds.size());
        assertEquals(1, beds.at("/brandwonden/available").asInt(), "HAVE 1.0 writers put the counts straight in BedCapacity");
    }

    static String document(String hospitals) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><have:HospitalStatus xmlns:have=\"" + Have.NS + "\" xmlns:xnl=\"" + Have.XNL
                + "\">" + hospitals + "</have:HospitalStatus>";
    }

    static String hospital(String id, String content) {
        return "<have:Hospital><have:Organisation><have:OrganisationInformation><xnl:OrganisationName xnl:ID=\"" + id + "\">"
                + "<xnl:NameElement>x</xnl:NameElement></xnl:OrganisationName></have:OrganisationInformation></have:Organisation>"
                + content + "</have:Hospital>";
    }
}

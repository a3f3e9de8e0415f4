package nl.zorgbeeld.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.zorgbeeld.alert.AlertFixtures.Place;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * CAP 1.2 out (every document the app produces is validated against the OASIS schema of
 * ../shared/schemas) and in (POST /api/cap: valid alerts become external warnings; DTDs, entities,
 * broken XML, schema violations and oversize are refused, storing nothing), and the Atom feed.
 */
class CapTest {
    private static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final String PREFIX = AlertApiTest.PREFIX + "cap:";
    private static final Coordinate ORIGIN = new Coordinate(20_000, 540_000);
    private static final Path SHARED_SCHEMA = TestDatabase.projectDir().resolve("../shared/schemas/cap-1.2.xsd").normalize();
    private static TestServer server;
    private static JsonClient hanna;
    private static TestUser femke;
    private static long incident;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        hanna = JsonClient.as(server, TestUsers.standard());
        AlertFixtures.institutions(PREFIX, List.of(new Place(PREFIX + "in", "Zorghuis Havenzicht", "vvt", ORIGIN.x + 100, ORIGIN.y),
                new Place(PREFIX + "out", "Verpleeghuis Landinwaarts", "vvt", ORIGIN.x + 40_000, ORIGIN.y)));
        femke = TestUsers.user("Femke Landinwaarts", "Verpleeghuis Landinwaarts (captest)", "VR13", PREFIX + "out", Role.INFORMATIECOORDINATOR);
        incident = TestIncidents.create("Brand & rook <haven>", "actief");
        AlertFixtures.draw(hanna, incident, "incidentlocatie", Map.of(), AlertFixtures.point(ORIGIN));
        AlertFixtures.draw(hanna, incident, "effectgebied", Map.of("zone", "AGW", "substance", "zoutzuur"), AlertFixtures.square(ORIGIN, 800));
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private static long send(long incidentId, String body) {
        Response r = hanna.post(AlertApiTest.alerts(incidentId), body);
        assertEquals(201, r.status(), r.body());
        return r.json().at("/alert/id").asLong();
    }

    private static String cap(long incidentId, long alertId) {
        Response r = hanna.send("GET", AlertApiTest.alerts(incidentId) + "/" + alertId, null, "Accept", "application/cap+xml");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/cap+xml"), r.header("Content-Type"));
        return r.body();
    }

    /** Validates against the OASIS schema beside the project (not the app's own copy). */
    static void validate(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator validator = factory.newSchema(SHARED_SCHEMA.toFile()).newValidator();
        validator.validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    private static Document dom(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> all(Document d, String name) {
        NodeList nodes = d.getElementsByTagNameNS(NS, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) texts.add(nodes.item(i).getTextContent());
        return texts;
    }

    private static String one(Document d, String name) {
        List<String> texts = all(d, name);
        assertEquals(1, texts.size(), name + ": " + texts);
        return texts.get(0);
    }

    private static String parameter(Document d, String name) {
        NodeList nodes = d.getElementsByTagNameNS(NS, "parameter");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            if (p.getElementsByTagNameNS(NS, "valueName").item(0).getTextContent().equals(name)) {
                return p.getElementsByTagNameNS(NS, "value").item(0).getTextContent();
            }
        }
        return null;
    }

    @Test
    void theAppShipsTheOasisSchemaUnchanged() throws Exception {
        assertTrue(Files.isRegularFile(SHARED_SCHEMA), "the reference schema at " + SHARED_SCHEMA);
        Path shipped = TestDatabase.projectDir().resolve("server/src/main/resources/cap/cap-1.2.xsd");
        assertEquals(-1, Files.mismatch(SHARED_SCHEMA, shipped), "the copy in the app is the OASIS schema as published");
        assertTrue(Files.readString(shipped).contains("Copyright OASIS Open 2010"), "with its notice");
    }

    @Test
    void anAlertUpdateAndCancelAreValidCapWithZonesAndParameters() throws Exception {
        long alert = send(incident, "{\"audience\":{\"zone\":\"AGW\"},\"wind\":\"ZW 5 m/s\",\"expires\":\""
                + java.time.OffsetDateTime.now().plusHours(2) + "\"}");
        String xml = cap(incident, alert);
        validate(xml);
        Document d = dom(xml);
        assertEquals("Exercise", one(d, "status"));
        assertEquals("Alert", one(d, "msgType"));
        assertEquals("Restricted", one(d, "scope"));
        assertEquals("nl-NL", one(d, "language"));
        assertEquals("Fire", one(d, "category"));
        assertEquals("zorgbeeld-alert-" + alert, one(d, "identifier"));
        assertTrue(one(d, "sent").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"), "a numeric offset, no Z");
        assertTrue(one(d, "areaDesc").startsWith("Effectgebied AGW"));
        assertEquals("zoutzuur", parameter(d, "substance"));
        assertEquals("AGW (alarmeringsgrenswaarde)", parameter(d, "threshold"));
        assertEquals("ZW 5 m/s", parameter(d, "wind"));
        assertEquals("Brand & rook <haven>", parameter(d, "incident"), "escaped, and read back as written");
        String polygon = one(d, "polygon");
        String[] pairs = polygon.split(" ");
        assertEquals(5, pairs.length, "the square, closed");
        assertEquals(pairs[0], pairs[4], "first point repeated last");
        double lat = Double.parseDouble(pairs[0].split(",")[0]);
        double lon = Double.parseDouble(pairs[0].split(",")[1]);
        assertTrue(lat > 50 && lat < 54 && lon > 2 && lon < 5, "lat,lon in that order: " + pairs[0]);

        long update = send(incident, "{\"msgType\":\"Update\",\"references\":" + alert + "}");
        String updated = cap(incident, update);
        validate(updated);
        Document u = dom(updated);
        assertEquals("Update", one(u, "msgType"));
        String[] reference = one(u, "references").split(",");
        assertEquals(3, reference.length, "sender,identifier,sent");
        assertEquals("zorgbeeld-alert-" + alert, reference[1]);
        assertEquals(one(d, "sent"), reference[2]);
        assertEquals(one(d, "sender"), reference[0]);

        long cancel = send(incident, "{\"msgType\":\"Cancel\",\"references\":" + update + "}");
        String cancelled = cap(incident, cancel);
        validate(cancelled);
        assertEquals("Cancel", one(dom(cancelled), "msgType"));
        assertEquals("AllClear", one(dom(cancelled), "responseType"));
    }

    @Test
    void aDetailedZoneIsSimplifiedToAtMostFiveHundredPointsPerPolygon() throws Exception {
        long detailed = TestIncidents.create("Grillige pluim", "actief");
        // A 3,000-vertex wobbly ring, as a computed plume contour may be.
        org.locationtech.jts.geom.Coordinate[] ring = new org.locationtech.jts.geom.Coordinate[3001];
        for (int i = 0; i < 3000; i++) {
            double a = 2 * Math.PI * i / 3000;
            double r = 900 + 60 * Math.sin(a * 37);
            ring[i] = new Coordinate(ORIGIN.x + r * Math.cos(a), ORIGIN.y + r * Math.sin(a));
        }
        ring[3000] = ring[0];
        AlertFixtures.draw(hanna, detailed, "effectgebied", Map.of("zone", "VRW"),
                new org.locationtech.jts.geom.GeometryFactory().createPolygon(ring));
        long alert = send(detailed, "{\"audience\":{\"zone\":\"VRW\"}}");
        String xml = cap(detailed, alert);
        validate(xml);
        String[] points = one(dom(xml), "polygon").split(" ");
        assertTrue(points.length >= 4 && points.length <= 500, points.length + " points");
        assertEquals(points[0], points[points.length - 1]);
    }

    @Test
    void anActualIncidentWithoutZonesGivesACircleAroundTheLocation() throws Exception {
        long actual = TestIncidents.create("Echte melding", "actief");
        Sql.rows("UPDATE incident_version SET exercise = false WHERE incident_id = ? RETURNING incident_id", actual);
        AlertFixtures.draw(hanna, actual, "incidentlocatie", Map.of(), AlertFixtures.point(ORIGIN));
        long alert = send(actual, "{\"audience\":{\"institutionIds\":[\"" + PREFIX + "in\"]},\"headline\":\"Let op\"}");
        String xml = cap(actual, alert);
        validate(xml);
        Document d = dom(xml);
        assertEquals("Actual", one(d, "status"));
        assertTrue(all(d, "polygon").isEmpty());
        assertTrue(one(d, "circle").endsWith(" 5.000"), "5 km around the location: " + one(d, "circle"));

        Response json = hanna.get(AlertApiTest.alerts(actual) + "/" + alert);
        assertTrue(json.header("Content-Type").startsWith("application/json"), "JSON unless CAP is asked for");
        Response link = hanna.get(AlertApiTest.alerts(actual) + "/" + alert + "?format=cap");
        validate(link.body());
        assertEquals(400, hanna.get(AlertApiTest.alerts(actual) + "/" + alert + "?format=pdf").status());
    }

    @Test
    void theFeedHoldsTheAlertsTheUserMaySeeEachLinkingToValidCap() throws Exception {
        long toFemke = send(incident, "{\"audience\":{\"institutionIds\":[\"" + PREFIX + "out\"]},\"headline\":\"Voor Femke\"}");
        long notToFemke = send(incident, "{\"audience\":{\"zone\":\"AGW\"},\"headline\":\"Niet voor Femke\"}");
        Response feed = hanna.get("/api/alerts/feed");
        assertEquals(200, feed.status());
        assertTrue(feed.header("Content-Type").startsWith("application/atom+xml"));
        Document atom = dom(feed.body());
        NodeList links = atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
        int followed = 0;
        for (int i = 0; i < links.getLength() && followed < 3; i++) {
            Element link = (Element) links.item(i);
            if (!link.getAttribute("rel").equals("alternate")) continue;
            validate(hanna.get(link.getAttribute("href")).body());
            followed++;
        }
        assertTrue(followed > 0);
        assertTrue(feed.body().contains("zorgbeeld-alert-" + notToFemke));

        String hers = JsonClient.as(server, femke).get("/api/alerts/feed").body();
        assertTrue(hers.contains("zorgbeeld-alert-" + toFemke), "what her institution was sent, although the incident is not of her region");
        assertFalse(hers.contains("zorgbeeld-alert-" + notToFemke));
    }

    private static String external(String identifier, String msgType, String references, String area) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"" + NS + "\"><identifier>" + identifier + "</identifier>"
                + "<sender>meldkamer@vrzeeland.nl</sender><sent>2026-11-23T10:00:00+01:00</sent><status>Actual</status>"
                + "<msgType>" + msgType + "</msgType><scope>Public</scope>" + (references == null ? "" : "<references>" + references + "</references>")
                + "<info><language>nl-NL</language><category>Fire</category><event>Grote brand</event><urgency>Immediate</urgency>"
                + "<severity>Severe</severity><certainty>Observed</certainty><headline>Rook over de haven</headline>"
                + "<description>Sluit ramen en deuren.</description><area><areaDesc>Havengebied</areaDesc>" + area + "</area></info></alert>";
    }

    private static final String SQUARE = "<polygon>52.40,3.30 52.40,3.32 52.42,3.32 52.42,3.30 52.40,3.30</polygon>";

    /** POST /api/cap with exactly this Content-Type (JsonClient would add its own), as Hanna or {@code user}. */
    private static Response post(String xml, String contentType, String query) {
        return post(xml, contentType, query, TestUsers.standard());
    }

    private static Response post(String xml, String contentType, String query, TestUser user) {
        java.net.http.HttpResponse<String> r = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/api/cap" + query)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(xml)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + user.token()).build());
        JsonNode json = r.body().startsWith("{") ? nl.zorgbeeld.common.Json.tree(r.body()) : null;
        return new Response(r.statusCode(), json, r.body(), r);
    }

    @Test
    void aReceivedAlertIsAnExternalWarningOnTheMapAndTimeline() {
        long own = TestIncidents.create("Ontvangst CAP", "actief");
        Response r = post(external("vrz-1", "Alert", null, SQUARE + "<circle>52.41,3.35 1.5</circle>"), "application/cap+xml",
                "?incident=" + own);
        assertEquals(201, r.status(), r.body());
        JsonNode feature = r.json();
        assertEquals("Feature", feature.get("type").asText());
        assertEquals("MultiPolygon", feature.at("/geometry/type").asText(), "the polygon and the circle");
        assertEquals("Rook over de haven", feature.at("/properties/headline").asText());

        JsonNode standing = hanna.get("/api/incidents/" + own + "/external-warnings").json();
        assertEquals(1, count(standing, "vrz-1"));
        assertEquals(1, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ? AND action = 'external-warning.received'", own));

        Response duplicate = post(external("vrz-1", "Alert", null, SQUARE), "application/cap+xml", "?incident=" + own);
        assertEquals(409, duplicate.status(), duplicate.body());

        Response update = post(external("vrz-2", "Update", "meldkamer@vrzeeland.nl,vrz-1,2026-11-23T10:00:00+01:00", SQUARE),
                "application/xml", "?incident=" + own);
        assertEquals(201, update.status(), update.body());
        standing = hanna.get("/api/incidents/" + own + "/external-warnings").json();
        assertEquals(0, count(standing, "vrz-1"), "replaced by the update");
        assertEquals(1, count(standing, "vrz-2"));
        assertEquals(403, post(external("vrz-9", "Alert", null, SQUARE), "application/cap+xml", "",
                TestUsers.user("Lotte Lezer", "GHOR Utrecht", Role.LEZER)).status());
    }

    private static int count(JsonNode collection, String identifier) {
        int n = 0;
        for (JsonNode f : collection.get("features")) {
            if (f.at("/properties/identifier").asText().equals(identifier)) n++;
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"not well-formed", "schema", "dtd entity expansion", "external entity", "parameter entity", "wrong root",
        "open polygon", "bad point", "oversize", "empty"})
    void harmfulOrBrokenCapIsRefusedAndNothingStored(String kind) {
        String valid = external("bad-" + kind.replace(' ', '-'), "Alert", null, SQUARE);
        String body = switch (kind) {
            case "not well-formed" -> valid.replace("</headline>", "");
            case "schema" -> valid.replace("<status>Actual</status>", "<status>Real</status>");
            case "dtd entity expansion" -> "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;\">]>" + valid.substring(valid.indexOf("<alert")).replace("Rook over de haven", "&c;");
            case "external entity" -> "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + valid.substring(valid.indexOf("<alert")).replace("Rook over de haven", "&x;");
            case "parameter entity" -> "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p;]>"
                    + valid.substring(valid.indexOf("<alert"));
            case "wrong root" -> "<value xmlns=\"" + NS + "\">x</value>";
            case "open polygon" -> valid.replace(SQUARE, "<polygon>52.40,3.30 52.40,3.32 52.42,3.32 52.42,3.30</polygon>");
            case "bad point" -> valid.replace(SQUARE, "<polygon>52.40;3.30 52.40,3.32 52.42,3.32 52.40;3.30</polygon>");
            case "oversize" -> valid.replace("Sluit ramen en deuren.", "x".repeat(300_000));
            case "empty" -> "";
            default -> throw new IllegalArgumentException(kind);
        };
        long before = Sql.count("SELECT count(*) FROM external_warning");
        Response r = post(body, "application/cap+xml", "");
        int expected = kind.equals("oversize") ? 413 : 400;
        assertEquals(expected, r.status(), r.body());
        assertTrue(r.json().has("detail"), r.body());
        assertFalse(r.body().contains("root:"), "no file content leaks");
        if (kind.contains("entity")) assertTrue(r.json().get("detail").asText().contains("DTD"), r.body());
        assertEquals(before, Sql.count("SELECT count(*) FROM external_warning"), "nothing stored");
    }

    @Test
    void capMustComeAsXml() {
        Response r = post(external("json-1", "Alert", null, SQUARE), "application/json", "");
        assertEquals(415, r.status(), r.body());
    }
}

package nl.zorgbeeld.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.zorgbeeld.alert.AlertFixtures.Place;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * Outbound channels per organisation: an alert to its institution goes out as e-mail (to a real SMTP
 * server in the test, GreenMail, with the CAP document attached) and to a webhook (a local HTTP
 * receiver) as JSON signed with HMAC-SHA256; a failing receiver is tried again and the failure
 * recorded; configuration is for the organisation's administrators, with bad input refused.
 */
class ChannelTest {
    private static final String PREFIX = AlertApiTest.PREFIX + "chan:";
    private static final String HOME = PREFIX + "huis";
    private static final Coordinate ORIGIN = new Coordinate(20_000, 620_000);
    private static final String ORGANISATION = "Zorghuis Kanaalzicht (alarmtest)";
    private static GreenMail mail;
    private static HttpServer receiver;
    private static final BlockingQueue<Received> hooks = new LinkedBlockingQueue<>();
    private static TestServer server;
    private static JsonClient admin;
    private static long organisation;

    private record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst().orElseThrow().getValue().get(0);
        }
    }

    @BeforeAll
    static void setUp() throws IOException {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                hooks.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            }
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/kapot") ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        server = TestServer.start(Map.of("ZORGBEELD_SMTP_HOST", "127.0.0.1", "ZORGBEELD_SMTP_PORT",
                String.valueOf(mail.getSmtp().getPort()), "ZORGBEELD_SMTP_FROM", "alarm@zorgbeeld.test"));
        AlertFixtures.institutions(PREFIX, List.of(new Place(HOME, "Zorghuis Kanaalzicht", "vvt", ORIGIN.x, ORIGIN.y)));
        organisation = TestUsers.organisation(ORGANISATION, "VR09");
        Sql.rows("UPDATE organisation SET institution_id = ? WHERE id = ? RETURNING id", HOME, organisation);
        TestUsers.user("Kees Kanaal", ORGANISATION, Role.LEZER);
        admin = JsonClient.as(server, TestUsers.user("Beheer Kanaal", ORGANISATION, Role.ORGANISATIEBEHEERDER));
    }

    @AfterAll
    static void tearDown() {
        server.close();
        receiver.stop(0);
        mail.stop();
    }

    private static String channels() {
        return "/api/organisations/" + organisation + "/channels";
    }

    private static Received hook(String path) throws InterruptedException {
        while (true) {
            Received r = hooks.poll(30, TimeUnit.SECONDS);
            if (r == null) throw new AssertionError("no webhook call to " + path + " within 30 s");
            if (r.path().equals(path)) return r;
        }
    }

    private static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits (a safety net of 30 s, not a pause) until the channel has recorded this many outcomes. */
    private static void awaitDeliveries(long channel, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Sql.count("SELECT count(*) FROM channel_delivery WHERE channel_id = ?", channel) < count) {
            if (System.nanoTime() > deadline) throw new AssertionError("channel " + channel + " recorded fewer than " + count + " outcomes");
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    @Test
    void anAlertGoesOutByMailWithItsCapDocumentAndToASignedWebhook() throws Exception {
        Response email = admin.post(channels(), "{\"kind\":\"email\",\"address\":\"crisis@kanaalzicht.test\"}");
        assertEquals(201, email.status(), email.body());
        Response webhook = admin.post(channels(), "{\"kind\":\"webhook\",\"address\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/alarm\"}");
        assertEquals(201, webhook.status(), webhook.body());
        String secret = webhook.json().get("secret").asText();
        assertTrue(secret.length() >= 32, "a long random key, shown this once");
        JsonNode list = admin.get(channels()).json();
        assertEquals(2, list.get("channels").size());
        assertFalse(list.toString().contains(secret), "the key is never shown again");

        long incident = TestIncidents.create("Kanaalbrand", "actief");
        Response sent = JsonClient.as(server, TestUsers.standard()).post(AlertApiTest.alerts(incident),
                "{\"audience\":{\"institutionIds\":[\"" + HOME + "\"]},\"headline\":\"Rookwolk over het kanaal\"}");
        assertEquals(201, sent.status(), sent.body());

        assertTrue(mail.waitForIncomingEmail(30_000, 1), "the mail arrives");
        MimeMessage message = mail.getReceivedMessages()[0];
        assertEquals("[OEFENING] [ALARM] Rookwolk over het kanaal", message.getSubject());
        assertEquals("crisis@kanaalzicht.test", message.getAllRecipients()[0].toString());
        assertEquals("alarm@zorgbeeld.test", message.getFrom()[0].toString());
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertTrue(((String) parts.getBodyPart(0).getContent()).contains("Bevestig de ontvangst in Zorgbeeld"));
        BodyPart attachment = parts.getBodyPart(1);
        assertTrue(attachment.getContentType().startsWith("application/cap+xml"), attachment.getContentType());
        try (InputStream in = attachment.getInputStream()) {
            CapTest.validate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        Received call = hook("/alarm");
        assertEquals("sha256=" + hmac(secret, call.header("X-Zorgbeeld-Timestamp") + "." + call.body()), call.header("X-Zorgbeeld-Signature"));
        assertEquals("alert.sent", call.header("X-Zorgbeeld-Event"));
        JsonNode body = Json.tree(call.body());
        assertEquals("Rookwolk over het kanaal", body.at("/alert/headline").asText());
        assertEquals("Kanaalbrand", body.get("incidentTitle").asText());

        awaitDeliveries(email.json().at("/channel/id").asLong(), 1);
        awaitDeliveries(webhook.json().at("/channel/id").asLong(), 1);
        JsonNode after = admin.get(channels()).json();
        for (JsonNode ch : after.get("channels")) assertEquals("verzonden", ch.at("/deliveries/0/outcome").asText(), ch.toString());
        for (JsonNode ch : after.get("channels")) {
            assertEquals(204, admin.send("DELETE", channels() + "/" + ch.get("id").asLong(), null).status());
        }
    }

    @Test
    void aFailingReceiverIsTriedAgainAndTheFailureRecorded() throws Exception {
        Response webhook = admin.post(channels(), "{\"kind\":\"webhook\",\"address\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/kapot\"}");
        long channel = webhook.json().at("/channel/id").asLong();
        long incident = TestIncidents.create("Kapotte ontvanger", "actief");
        JsonClient.as(server, TestUsers.standard()).post(AlertApiTest.alerts(incident), "{\"audience\":{\"institutionIds\":[\"" + HOME + "\"]}}");
        awaitDeliveries(channel, 3);
        assertEquals(3, Sql.count("SELECT count(*) FROM channel_delivery WHERE channel_id = ? AND outcome = 'mislukt'", channel));
        assertTrue(((String) Sql.one("SELECT detail FROM channel_delivery WHERE channel_id = ? ORDER BY id DESC LIMIT 1", channel))
                .contains("HTTP 500"));
        assertEquals(204, admin.send("DELETE", channels() + "/" + channel, null).status());
        assertEquals(404, admin.send("DELETE", channels() + "/" + channel, null).status(), "removed already");
    }

    @Test
    void onlyTheOrganisationsAdministratorsConfigureAndBadInputIsRefused() {
        TestUser stranger = TestUsers.user("Beheer Elders", "Zorggroep Elders (alarmtest)", Role.ORGANISATIEBEHEERDER);
        assertEquals(403, JsonClient.as(server, stranger).post(channels(), "{\"kind\":\"email\",\"address\":\"x@y.nl\"}").status());
        assertEquals(403, JsonClient.as(server, TestUsers.standard()).get(channels()).status());
        long before = Sql.count("SELECT count(*) FROM organisation_channel");
        for (String[] bad : new String[][] {
            {"{\"kind\":\"sms\",\"address\":\"0612345678\"}", "kind"},
            {"{\"kind\":\"email\",\"address\":\"geen adres\"}", "address"},
            {"{\"kind\":\"webhook\",\"address\":\"ftp://127.0.0.1/x\"}", "address"},
            {"{\"kind\":\"webhook\",\"address\":\"https://user:pw@example.nl/x\"}", "address"},
            {"{\"kind\":\"webhook\"}", "address"},
        }) {
            Response r = admin.post(channels(), bad[0]);
            assertEquals(400, r.status(), r.body());
            assertEquals(bad[1], r.where(), r.body());
        }
        assertEquals(before, Sql.count("SELECT count(*) FROM organisation_channel"));
        assertNotNull(admin.get(channels()).json().get("channels"));
    }
}

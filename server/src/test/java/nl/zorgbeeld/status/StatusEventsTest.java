package nl.zorgbeeld.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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

/**
 * Triggers: every report is a CloudEvents event on the institution-status live stream; a change of the
 * operational or emergency-department status is action institution.status.changed and goes into the
 * timeline (and so the live stream) of the incident the report belongs to.
 */
class StatusEventsTest {
    private static final String P = "stevent:";
    private static TestServer server;
    private static TestUser hin;
    private static JsonClient coordinator;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        // A Hoofd Informatie of the institutions' region, who reports for both and follows the streams.
        hin = TestUsers.user("Ilse", "GHOR Eventregio", "VRSTE", null, Role.HOOFD_INFORMATIE);
        coordinator = JsonClient.as(server, hin);
        StatusFixtures.institutions(P, "VRSTE", List.of(new Place(P + "noord", "Ziekenhuis Noord", "ziekenhuis", 5.1, 52.1),
                new Place(P + "zuid", "Ziekenhuis Zuid", "ziekenhuis", 5.2, 52.0)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Opens a stream and collects its events as "name json". */
    private BlockingQueue<String> watch(String path) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + hin.token()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String event = null;
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("event:")) event = line.substring(6).trim();
                    if (line.startsWith("data:") && event != null) events.add(event + " " + line.substring(5).trim());
                }
            } catch (Exception ignored) {
                // The stream ends when the test ends.
            }
        });
        reader.setDaemon(true);
        reader.start();
        String first = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(first, "the stream says it is connected");
        assertTrue(first.startsWith("connected "), first);
        return events;
    }

    /** The next event named {@code name}, as JSON. */
    private static JsonNode next(BlockingQueue<String> events, String name) throws Exception {
        String event = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(event, "an event arrived");
        assertTrue(event.startsWith(name + " "), event);
        return Json.MAPPER.readTree(event.substring(name.length() + 1));
    }

    @Test
    void everyReportIsOnTheStatusStreamAndAClosedEmergencyDepartmentIsAChange() throws Exception {
        BlockingQueue<String> events = watch("/api/institutions/status/live");
        String id = P + "noord";
        assertEquals(201, coordinator.post(StatusApiTest.path(id), "{\"operationalStatus\":\"normaal\",\"emergencyDepartment\":{\"status\":\"open\"}}").status());
        JsonNode first = next(events, "change");
        assertEquals(StatusEvents.CHANGED, first.get("action").asText(), "from unknown to open is a change");
        assertEquals("nl.zorgbeeld.institution.status.changed", first.get("type").asText());
        assertEquals("/api/institutions", first.get("source").asText());
        assertEquals(id + "/status", first.get("subject").asText());
        assertEquals(id, first.at("/data/institutionId").asText());
        assertEquals("VRSTE", first.at("/data/regionCode").asText());

        assertEquals(201, coordinator.post(StatusApiTest.path(id), "{\"operationalStatus\":\"normaal\",\"emergencyDepartment\":{\"status\":\"open\"},"
                + "\"beds\":{\"seh\":{\"available\":1,\"total\":10}}}").status());
        JsonNode same = next(events, "change");
        assertEquals(StatusEvents.REPORTED, same.get("action").asText(), "new beds, same statuses: reported, not changed");
        assertEquals(2, same.get("subjectversion").asInt());
        assertTrue(Long.parseLong(same.get("id").asText()) > Long.parseLong(first.get("id").asText()), "positions rise");

        assertEquals(201, coordinator.post(StatusApiTest.path(id), "{\"operationalStatus\":\"normaal\",\"emergencyDepartment\":"
                + "{\"status\":\"gesloten\",\"reason\":\"Brand op de SEH\"}}").status());
        JsonNode closed = next(events, "change");
        assertEquals(StatusEvents.CHANGED, closed.get("action").asText());
        assertEquals("open", closed.at("/data/changes/emergencyDepartment/from").asText());
        assertEquals("gesloten", closed.at("/data/changes/emergencyDepartment/to").asText());
        assertEquals("Brand op de SEH", closed.at("/data/emergencyDepartment/reason").asText());
        assertEquals("Ziekenhuis Noord: SEH gesloten (Brand op de SEH)", closed.get("summary").asText());
        assertEquals("Ilse", closed.get("author").asText());

        Response confirmed = coordinator.send("POST", StatusApiTest.path(id) + "/confirm", null, "If-Match", "\"3\"");
        assertEquals(201, confirmed.status(), confirmed.toString());
        assertEquals(StatusEvents.CONFIRMED, next(events, "change").get("action").asText());

        // A screen that lost its connection resumes after the last event it had, without loss.
        BlockingQueue<String> resumed = watch("/api/institutions/status/live?lastEventId=" + first.get("id").asText());
        assertEquals(StatusEvents.REPORTED, next(resumed, "change").get("action").asText());
        assertEquals("gesloten", next(resumed, "change").at("/data/changes/emergencyDepartment/to").asText());
    }

    @Test
    void aChangeInAReportOfAnIncidentGoesIntoItsTimelineAndLiveStream() throws Exception {
        long incident = StatusFixtures.incident("Treinongeval", "actief", "VRSTE");
        BlockingQueue<String> incidentEvents = watch("/api/incidents/" + incident + "/live");
        String id = P + "zuid";
        String body = "{\"incidentId\":" + incident + ",\"operationalStatus\":\"beperkt\",\"emergencyDepartment\":{\"status\":\"omleiding\"}}";
        assertEquals(201, coordinator.post(StatusApiTest.path(id), body).status());
        JsonNode change = next(incidentEvents, "change");
        assertEquals(StatusEvents.CHANGED, change.get("action").asText());
        assertEquals("/api/institutions/" + id + "/status", change.get("subject").asText());
        assertEquals("beperkt", change.at("/data/operationalStatus").asText());
        assertEquals("Ziekenhuis Zuid: SEH omleiding, status beperkt", change.get("summary").asText());

        assertEquals(201, coordinator.post(StatusApiTest.path(id), body.replace("}}", "},\"needs\":\"Beademingsapparatuur\"}")).status());
        assertEquals(1, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ? AND action = ?", incident, StatusEvents.CHANGED),
                "a report that changes neither status is not a change in the timeline");
        JsonNode timeline = coordinator.get("/api/incidents/" + incident + "/timeline").json();
        assertEquals(StatusEvents.CHANGED, timeline.findValues("action").get(0).asText());
    }
}

package nl.zorgbeeld.analysis;

import static nl.zorgbeeld.analysis.AnalysisFixtures.draw;
import static nl.zorgbeeld.analysis.AnalysisFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import nl.zorgbeeld.analysis.AnalysisFixtures.Place;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.testing.EventStream;
import nl.zorgbeeld.testing.EventStream.Options;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.TestIncidents;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The analysis' live events (written by the recomputation off the request) under access control: an
 * organisation of another region gets them only while invited. "Nothing arrived" is shown by order:
 * the analysis read after the redraw has recorded its event, so the next event the stream carries,
 * once invited again, is that invitation.
 */
class AnalysisLiveAccessTest {
    private static final String PREFIX = "analive:";
    private static final double OX = 100_000;
    private static final double OY = 600_000;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static TestServer server;
    private static JsonClient hin;
    private static TestUser extern;

    @BeforeAll
    static void start() {
        AnalysisFixtures.institutions(PREFIX, List.of(
                new Place(PREFIX + "binnen", "Verpleeghuis Binnen", "vvt", false, null, OX, OY),
                new Place(PREFIX + "later", "Apotheek Later", "apotheek", false, null, OX + 6000, OY)));
        server = TestServer.start();
        hin = JsonClient.as(server, TestUsers.standard());
        extern = TestUsers.user("Erik Extern", "GHOR Amsterdam-Amstelland", "VR13", null, Role.HOOFD_INFORMATIE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Geometry square(double x1, double x2) {
        return GEOMETRY.toGeometry(new Envelope(OX + x1, OX + x2, OY - 500, OY + 500));
    }

    private static EventStream.Event nextChange(EventStream stream) {
        return stream.next("change");
    }

    @Test
    void anotherRegionGetsTheAnalysisEventsOnlyWhileInvited() {
        long incident = TestIncidents.create("Analyse live uitgenodigd", "actief");
        String invitations = "/api/incidents/" + incident + "/invitations";
        String invite = "{\"organisationId\":" + extern.organisationId() + "}";
        assertEquals(201, hin.post(invitations, invite).status());
        try (EventStream s = EventStream.open(server.port(), "/api/incidents/" + incident + "/live", Options.fresh().as(extern))) {
            assertEquals(200, s.status());
            s.next("connected");
            JsonNode zone = draw(server, incident, "incidentgebied", null, "Brandhaard", square(-500, 500));
            assertEquals("element.create", nextChange(s).json().get("action").asText());
            JsonNode analysis = nextChange(s).json();
            assertEquals("analysis.changed", analysis.get("action").asText(), "invited: the analysis' event arrives");
            assertTrue(analysis.path("data").path("changes").toString().contains(PREFIX + "binnen"), analysis.toString());

            assertEquals(204, hin.send("DELETE", invitations + "/" + extern.organisationId(), null).status());
            HttpResponse<String> redrawn = send(server, "PUT", "/api/incidents/" + incident + "/elements/" + zone.path("id").asText(),
                    AnalysisFixtures.feature("incidentgebied", null, "Brandhaard", square(-500, 6500)), "Content-Crs", AnalysisFixtures.RD,
                    "If-Match", "\"1\"");
            assertEquals(200, redrawn.statusCode(), redrawn.body());
            // The read follows the write: the recomputation of the redraw, and its event, are committed now.
            JsonNode read = hin.get("/api/incidents/" + incident + "/affected").json();
            assertTrue(read.path("recording").path("current").asBoolean(), read.path("recording").toString());
            assertTrue(read.get("institutions").toString().contains(PREFIX + "later"));

            assertEquals(201, hin.post(invitations, invite).status());
            assertEquals("invitation.added", nextChange(s).json().get("action").asText(),
                    "while not invited neither the redraw nor the analysis that followed it arrived");
        }
    }
}

package nl.zorgbeeld.analysis;

import static nl.zorgbeeld.analysis.AnalysisFixtures.draw;
import static nl.zorgbeeld.analysis.AnalysisFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import nl.zorgbeeld.analysis.AnalysisFixtures.Place;
import nl.zorgbeeld.auth.Role;
import nl.zorgbeeld.common.Json;
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
 * The analysis over HTTP at little cost above the service: revalidation with the ETag (304 while
 * nothing changed, a new ETag as soon as something did), gzip only when asked (and not for small
 * responses or the live stream), and asking for the summary alone or a page of one zone.
 */
class AnalysisHttpTest {
    private static final String PREFIX = "anahttp:";
    private static final double OX = 20_000;
    private static final double OY = 520_000;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static TestServer server;
    private static long incident;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        List<Place> places = new ArrayList<>();
        // 40 inside the area, 30 within 1 km, 20 within 2 km: enough for pages and a response worth compressing.
        for (int i = 0; i < 40; i++) places.add(new Place(PREFIX + "in" + i, OX - 400 + i * 20, OY));
        for (int i = 0; i < 30; i++) places.add(new Place(PREFIX + "near" + i, OX + 1100 + i * 10, OY + 100));
        for (int i = 0; i < 20; i++) places.add(new Place(PREFIX + "far" + i, OX, OY - 1600 - i * 10));
        AnalysisFixtures.institutions(PREFIX, places);
        incident = TestIncidents.create("Analyse over HTTP", "actief");
        draw(server, incident, "incidentgebied", null, "Brandhaard", square(-500, -500, 500, 500));
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private static Geometry square(double x1, double y1, double x2, double y2) {
        return GEOMETRY.toGeometry(new Envelope(OX + x1, OX + x2, OY + y1, OY + y2));
    }

    private static String affected(String query) {
        return "/api/incidents/" + incident + "/affected" + query;
    }

    /** GET as the standard test user, the body as bytes (to see what gzip sent). */
    private static HttpResponse<byte[]> get(String path, String... headers) {
        return get(TestUsers.standard(), path, headers);
    }

    private static HttpResponse<byte[]> get(TestUser user, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).GET();
        if (user != null) request.header("Authorization", "Bearer " + user.token());
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static JsonNode body(HttpResponse<byte[]> r) throws IOException {
        byte[] bytes = r.body();
        if ("gzip".equals(header(r, "Content-Encoding"))) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        return Json.MAPPER.readTree(bytes);
    }

    private static int ours(JsonNode institutions) {
        int n = 0;
        for (JsonNode item : institutions) if (item.path("institution").path("id").asText().startsWith(PREFIX)) n++;
        return n;
    }

    @Test
    void anUnchangedAnalysisAnswers304AndAChangeGivesANewEtag() throws IOException {
        HttpResponse<byte[]> first = get(affected(""));
        assertEquals(200, first.statusCode());
        String etag = header(first, "ETag");
        assertNotNull(etag, "the analysis carries an ETag");
        assertTrue(etag.startsWith("W/\""), etag);
        assertEquals("private, no-cache", header(first, "Cache-Control"), "clients ask again each time, with the ETag; no shared cache");

        HttpResponse<byte[]> again = get(affected(""), "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, header(again, "ETag"));
        assertEquals(304, get(affected(""), "If-None-Match", "\"other\", " + etag).statusCode(), "one of several ETags matches");
        assertEquals(200, get(affected(""), "If-None-Match", "W/\"other\"").statusCode());

        HttpResponse<byte[]> summary = get(affected("?view=summary"));
        assertNotEquals(etag, header(summary, "ETag"), "each representation has its own ETag");
        assertEquals(200, get(affected("?view=summary"), "If-None-Match", etag).statusCode());

        assertEquals(200, send(server, "PUT", "/api/incidents/" + incident + "/stakeholders/" + PREFIX + "in0",
                "{\"status\":\"geinformeerd\"}").statusCode());
        HttpResponse<byte[]> status = get(affected(""), "If-None-Match", etag);
        assertEquals(200, status.statusCode(), "a status set since is a new version of the analysis");
        assertNotEquals(etag, header(status, "ETag"));
        JsonNode informed = null;
        for (JsonNode item : body(status).get("institutions")) {
            if (item.path("institution").path("id").asText().equals(PREFIX + "in0")) informed = item;
        }
        assertEquals("geinformeerd", informed.path("status").path("status").asText());
        assertEquals(304, get(affected(""), "If-None-Match", header(status, "ETag")).statusCode());
    }

    @Test
    void theEtagOpensNothingTheUserMayNotSee() throws IOException {
        String etag = header(get(affected("")), "ETag");
        TestUser lezer = TestUsers.user("Lieke Lezer", "GHOR Utrecht", Role.LEZER);
        assertEquals(304, get(lezer, affected(""), "If-None-Match", etag).statusCode(), "every role of the region reads the analysis");
        assertEquals(200, get(lezer, affected("?view=summary")).statusCode());
        assertEquals(200, get(lezer, affected("?zone=incidentgebied&limit=5")).statusCode());

        TestUser extern = TestUsers.user("Erik Extern", "GHOR Amsterdam-Amstelland", "VR13", null, Role.HOOFD_INFORMATIE);
        for (String query : List.of("", "?view=summary", "?zone=incidentgebied&limit=5")) {
            HttpResponse<byte[]> other = get(extern, affected(query), "If-None-Match", etag, "Accept-Encoding", "gzip");
            assertEquals(404, other.statusCode(), "another region's incident, even with its ETag: " + query);
            assertEquals("NotFound", body(other).path("code").asText());
            HttpResponse<byte[]> anonymous = get((TestUser) null, affected(query), "If-None-Match", etag);
            assertEquals(401, anonymous.statusCode(), query);
            assertNull(header(anonymous, "ETag"), "no validator before the login");
        }
    }

    @Test
    void gzipOnlyWhenAskedAndTheSameAnalysisEitherWay() throws IOException {
        HttpResponse<byte[]> plain = get(affected(""));
        assertNull(header(plain, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(plain, "Vary"), "caches must keep the two forms apart");
        for (int round = 0; round < 2; round++) {
            // The first request may render, the second is sent from the rendering kept: both compressed.
            HttpResponse<byte[]> zipped = get(affected(""), "Accept-Encoding", "gzip");
            assertEquals(200, zipped.statusCode());
            assertEquals("gzip", header(zipped, "Content-Encoding"));
            assertEquals("Accept-Encoding", header(zipped, "Vary"));
            assertTrue(zipped.body().length * 3 < plain.body().length, "compressed " + zipped.body().length + " of " + plain.body().length);
            assertEquals(body(plain), body(zipped));
            assertEquals(header(plain, "ETag"), header(zipped, "ETag"), "a weak ETag names the analysis, not its encoding");
        }
        assertNull(header(get(affected(""), "Accept-Encoding", "gzip;q=0"), "Content-Encoding"), "refused with q=0");
        assertNull(header(get(affected(""), "Accept-Encoding", "br"), "Content-Encoding"));

        for (int round = 0; round < 2; round++) {
            HttpResponse<byte[]> small = get(affected("?view=summary"), "Accept-Encoding", "gzip");
            assertEquals(200, small.statusCode());
            assertTrue(small.body().length < 1500, small.body().length + " bytes");
            assertNull(header(small, "Content-Encoding"), "a small response is sent as it is");
            assertEquals(90, body(small).path("summary").path("total").asInt());
        }
        HttpResponse<byte[]> error = get(affected("?limit=0"), "Accept-Encoding", "gzip");
        assertEquals(400, error.statusCode());
        assertEquals("limit", body(error).path("where").asText());
    }

    @Test
    void theLiveStreamIsNotCompressedWhenAClientAcceptsGzip() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/api/incidents/" + incident + "/live")))
                .header("Accept", "text/event-stream").header("Accept-Encoding", "gzip")
                .header("Authorization", "Bearer " + TestUsers.standard().token()).build();
        HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertEquals(200, response.statusCode());
            assertNull(header(response, "Content-Encoding"), "events must reach the browser as they happen");
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.startsWith("event:"));
            assertEquals("event: connected", line);
        }
    }

    @Test
    void theSummaryAloneOrAPageOfOneZone() throws IOException {
        JsonNode full = body(get(affected("")));
        JsonNode summary = body(get(affected("?view=summary")));
        assertFalse(summary.has("institutions"), "the summary alone");
        assertEquals(full.get("summary"), summary.get("summary"));
        assertEquals(full.get("elements"), summary.get("elements"));
        assertTrue(summary.path("recording").path("current").asBoolean());

        JsonNode inside = body(get(affected("?zone=incidentgebied")));
        assertEquals(40, ours(inside.get("institutions")));
        inside.get("institutions").forEach(i -> assertEquals("incidentgebied", i.path("zone").path("key").asText()));
        assertEquals(full.get("summary"), inside.get("summary"), "the summary stays that of the whole analysis");
        assertEquals(inside.path("page").path("matched").asInt(), inside.get("institutions").size());

        JsonNode rings = body(get(affected("?zone=ring:1000,RING:2000")));
        assertEquals(50, ours(rings.get("institutions")));
        JsonNode group = body(get(affected("?zone=ring")));
        assertEquals(rings.path("page").path("matched").asInt(), group.path("page").path("matched").asInt());

        // Pages of 15 through the next links add up to the zone, in the order of the whole list.
        List<String> paged = new ArrayList<>();
        String next = affected("?zone=incidentgebied&limit=15");
        int pages = 0;
        while (next != null) {
            JsonNode page = body(get(next));
            assertTrue(page.get("institutions").size() <= 15);
            assertEquals(page.get("institutions").size(), page.path("page").path("returned").asInt());
            page.get("institutions").forEach(i -> paged.add(i.path("institution").path("id").asText()));
            next = page.path("page").has("next") ? page.path("page").path("next").asText() : null;
            pages++;
        }
        List<String> all = new ArrayList<>();
        inside.get("institutions").forEach(i -> all.add(i.path("institution").path("id").asText()));
        assertEquals(all, paged);
        assertEquals((all.size() + 14) / 15, pages);

        JsonNode offset = body(get(affected("?limit=5&offset=3")));
        for (int i = 0; i < 5; i++) {
            assertEquals(full.get("institutions").get(3 + i).path("institution").path("id"), offset.get("institutions").get(i).path("institution").path("id"));
        }
        assertEquals(0, body(get(affected("?offset=100000"))).get("institutions").size());

        JsonNode geojson = body(get(affected("?format=geojson&zone=incidentgebied&limit=7")));
        assertEquals(7, geojson.get("features").size());
        assertEquals(inside.path("page").path("matched"), geojson.path("page").path("matched"));
        assertEquals("Point", geojson.get("features").get(0).path("geometry").path("type").asText());
        String csv = new String(get(affected("?format=csv&zone=ring:2000")).body(), StandardCharsets.UTF_8);
        assertEquals(20, csv.lines().filter(l -> l.contains(PREFIX + "far")).count());
        assertFalse(csv.contains(PREFIX + "in1;"));
    }
}

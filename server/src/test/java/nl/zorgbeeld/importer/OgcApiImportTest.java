package nl.zorgbeeld.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Import from an OGC API - Features collection (as PDOK serves the CBS area divisions), against a
 * local server that pages its answer, and the start-up fallback to demo data when the official
 * source cannot be reached.
 */
class OgcApiImportTest {
    private static Javalin ogc;
    private static final List<String> requests = new ArrayList<>();

    private static String municipality(String code, double x0) {
        double x1 = x0 + 0.1;
        return "{\"type\":\"Feature\",\"id\":\"" + code + "\",\"properties\":{\"statcode\":\"" + code + "\",\"statnaam\":\"Gemeente " + code
                + "\",\"jaarcode\":2023},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + x0 + ",52.0],[" + x1 + ",52.0],["
                + x1 + ",52.1],[" + x0 + ",52.1],[" + x0 + ",52.0]]]}}";
    }

    @BeforeAll
    static void startOgcServer() {
        ogc = Javalin.create(cfg -> cfg.routes.get("/ogc/collections/gemeente_gegeneraliseerd/items", ctx -> {
            requests.add(ctx.queryString());
            boolean second = "2".equals(ctx.queryParam("page"));
            String next = second ? "" : ",{\"rel\":\"next\",\"type\":\"application/geo+json\",\"href\":\"items?page=2&jaarcode=2023&limit=1000\"}";
            String features = second ? municipality("GM9103", 5.2) : municipality("GM9101", 5.0) + "," + municipality("GM9102", 5.1);
            ctx.contentType("application/geo+json").result("{\"type\":\"FeatureCollection\",\"features\":[" + features
                    + "],\"links\":[{\"rel\":\"self\",\"href\":\"items\"}" + next + "]}");
        })).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        ogc.stop();
    }

    @BeforeEach
    void empty() {
        TestDatabase.clearReferenceData();
        requests.clear();
    }

    @Test
    void followsNextLinksAcrossPages() {
        String url = "http://127.0.0.1:" + ogc.port() + "/ogc/collections/gemeente_gegeneraliseerd/items?jaarcode=2023";
        ImportReport report = new Importer(TestDatabase.dataSource()).importSource(url);

        assertEquals(List.of(), report.failures());
        assertEquals(3, report.storedCount(LayerKind.MUNICIPALITY));
        assertEquals(List.of("GM9101", "GM9102", "GM9103"), Sql.rows("SELECT code FROM municipality ORDER BY code").stream()
                .map(r -> r.get("code")).toList());
        assertTrue(requests.get(0).contains("jaarcode=2023"), "the filter of the given URL is kept: " + requests.get(0));
        assertTrue(requests.stream().anyMatch(q -> q.contains("page=2")), "the next link was followed: " + requests);
        assertEquals(1, requests.stream().filter(q -> !q.contains("page=2")).count(),
                "the first page is fetched once, for recognising the layer and for loading it: " + requests);
        assertEquals(2, requests.size(), "two pages, two requests: " + requests);
        assertEquals("© CBS, Kadaster (CC BY 4.0)", Sql.one("SELECT attribution FROM reference_source WHERE layer = 'municipalities'"));
    }

    @Test
    void startsWithALabelledDemoSetWhenTheOfficialSourceIsUnreachable() {
        // Port 9 (discard) on loopback: refused at once, as on a closed network.
        Config config = new Config("unused", 0, null, java.net.URI.create("http://127.0.0.1:9/ogc"), 2023, "", "");
        new InitialLoad(TestDatabase.dataSource(), config).loadIfEmpty();

        assertTrue(Sql.count("SELECT count(*) FROM institution WHERE demo") > 1000);
        assertEquals(0, Sql.count("SELECT count(*) FROM institution WHERE NOT demo"));
        assertTrue(Sql.count("SELECT count(*) FROM safety_region WHERE demo") > 0);
        assertTrue(Sql.count("SELECT count(*) FROM municipality WHERE demo AND region_code IS NOT NULL") > 0);
        assertTrue(Sql.count("SELECT count(*) FROM institution WHERE name NOT LIKE 'Demo-%'") == 0, "every demo name says it is a demo");
        assertTrue(Sql.count("SELECT count(*) FROM reference_source WHERE demo AND source LIKE 'Synthetische demodata%'") >= 3);
    }

    @Test
    void startUpLoadsTheDataFolderIntoAnEmptyDatabaseOnly() {
        Path folder = nl.zorgbeeld.testing.Fixtures.path("reference");
        Config config = new Config("unused", 0, folder, java.net.URI.create("http://127.0.0.1:9/ogc"), 2023, "", "");
        new InitialLoad(TestDatabase.dataSource(), config).loadIfEmpty();
        assertEquals(3, Sql.count("SELECT count(*) FROM institution WHERE NOT demo AND name IN"
                + " ('Testziekenhuis Centrum', 'Verpleeghuis De Proef', 'Ambulancepost Oost')"));
        long before = Sql.count("SELECT count(*) FROM institution");
        TestDatabase.execute("DELETE FROM institution WHERE name = 'Ambulancepost Oost'");
        new InitialLoad(TestDatabase.dataSource(), config).loadIfEmpty();
        assertEquals(before - 1, Sql.count("SELECT count(*) FROM institution"), "a filled database is left as it is");
    }
}

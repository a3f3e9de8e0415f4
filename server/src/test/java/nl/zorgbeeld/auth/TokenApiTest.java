package nl.zorgbeeld.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.Main;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API tokens: Bearer authentication, what is refused (401/403), making and revoking one's own, and ./zorgbeeld token. */
class TokenApiTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonClient bearer(String value) {
        return JsonClient.withHeaders(server, Map.of("Authorization", value));
    }

    @Test
    void noLoginIs401WithAHint() {
        Response r = JsonClient.anonymous(server).get("/api/incidents");
        assertEquals(401, r.status());
        assertEquals("AuthenticationRequired", r.code());
        assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"));
        assertEquals(200, JsonClient.anonymous(server).get("/health").status(), "the health check is open");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer nonsense", "Bearer zbt_tooshort",
            "Bearer zbt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void malformedOrUnknownTokensAre401(String authorization) {
        Response r = bearer(authorization).get("/api/me");
        assertEquals(401, r.status(), authorization + ": " + r);
        assertEquals("AuthenticationRequired", r.code());
    }

    @Test
    void expiredAndRevokedTokensAre401() {
        TestUser user = TestUsers.fresh("Token Test", "GHOR Utrecht", TestUsers.REGION, null, Role.LEZER);
        String expired = TestUsers.token(user, TokenScope.READ, OffsetDateTime.now().minusMinutes(1));
        Response r = bearer("Bearer " + expired).get("/api/me");
        assertEquals(401, r.status());
        assertTrue(r.json().get("detail").asText().contains("expired"), r.toString());

        String token = TestUsers.token(user, TokenScope.READ, OffsetDateTime.now().plusDays(1));
        assertEquals(200, bearer("Bearer " + token).get("/api/me").status());
        Sql.rows("UPDATE api_token SET revoked_at = now() WHERE token_hash = ? RETURNING 1", Secrets.hash(token));
        Response revoked = bearer("Bearer " + token).get("/api/me");
        assertEquals(401, revoked.status());
        assertTrue(revoked.json().get("detail").asText().contains("revoked"), revoked.toString());

        String ofDisabled = TestUsers.token(user, TokenScope.READ, OffsetDateTime.now().plusDays(1));
        Sql.rows("UPDATE app_user SET disabled = true WHERE id = ? RETURNING 1", user.id());
        assertEquals(401, bearer("Bearer " + ofDisabled).get("/api/me").status());
    }

    @Test
    void aReadTokenOnlyReads() {
        TestUser hin = TestUsers.standard();
        JsonClient read = bearer("Bearer " + TestUsers.token(hin, TokenScope.READ, OffsetDateTime.now().plusDays(1)));
        long before = Sql.count("SELECT count(*) FROM incident");
        assertEquals(200, read.get("/api/incidents").status());
        assertEquals(200, read.get("/ogc/collections").status());
        Response write = read.post("/api/incidents", "{\"title\":\"Met leestoken\",\"type\":\"brand\"}");
        assertEquals(403, write.status(), write.toString());
        assertTrue(write.json().get("detail").asText().contains("only read"));
        assertEquals(before, Sql.count("SELECT count(*) FROM incident"));
        assertEquals("token", read.get("/api/me").json().get("authMethod").asText());
        assertEquals("read", read.get("/api/me").json().get("tokenScope").asText());
    }

    @Test
    void aUserMakesListsAndRevokesOwnTokensFromABrowserSession() {
        TestUser user = TestUsers.fresh("Token Eigenaar", "GHOR Utrecht", TestUsers.REGION, null, Role.LEZER);
        JsonClient browser = JsonClient.inSession(server, user, true);
        Response created = browser.post("/api/me/tokens", "{\"name\":\"QGIS\",\"scope\":\"read\",\"expiresInDays\":30}");
        assertEquals(201, created.status(), created.toString());
        String token = created.json().get("token").asText();
        assertTrue(token.startsWith("zbt_"));
        assertEquals("read", created.json().get("scope").asText());
        assertEquals(Secrets.hash(token), Sql.one("SELECT token_hash FROM api_token WHERE id = ?", created.json().get("id").asLong()),
                "only the hash is stored");
        assertEquals(1, Sql.count("SELECT count(*) FROM audit_entry WHERE action = 'token.created' AND login = ?", user.login()));

        JsonClient qgis = bearer("Bearer " + token);
        assertEquals(200, qgis.get("/ogc/collections").status());
        assertEquals(403, qgis.get("/api/me/tokens").status(), "a token cannot manage tokens");
        Response list = browser.get("/api/me/tokens");
        assertTrue(list.json().get("tokens").findValuesAsText("name").contains("QGIS"));
        assertFalse(list.body().contains(token), "the list never shows a token again");

        assertEquals(400, browser.post("/api/me/tokens", "{\"name\":\"x\",\"scope\":\"alles\"}").status());
        assertEquals(400, browser.post("/api/me/tokens", "{\"name\":\"x\",\"expiresInDays\":100000}").status());
        assertEquals(404, JsonClient.inSession(server, TestUsers.standard(), true).send("DELETE", "/api/me/tokens/"
                + created.json().get("id").asLong(), null).status(), "someone else's token is not yours to revoke");
        assertEquals(204, browser.send("DELETE", "/api/me/tokens/" + created.json().get("id").asLong(), null).status());
        assertEquals(401, qgis.get("/ogc/collections").status());
    }

    @Test
    void theTokenCommandPrintsAWorkingTokenAsTheLastLine() {
        TestUser user = TestUsers.fresh("Script", "GHOR Utrecht", TestUsers.REGION, null, Role.LEZER);
        Config config = Config.fromEnvironment(Map.of("DATABASE_URL", System.getenv("ZORGBEELD_TEST_DATABASE_URL")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.token(config, List.of(user.login(), "read"), new PrintStream(out, true, StandardCharsets.UTF_8)));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        String token = lines.get(lines.size() - 1);
        Response me = bearer("Bearer " + token).get("/api/me");
        assertEquals(200, me.status(), me.toString());
        assertEquals(user.login(), me.json().get("login").asText());
        assertEquals(2, Main.token(config, List.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }
}

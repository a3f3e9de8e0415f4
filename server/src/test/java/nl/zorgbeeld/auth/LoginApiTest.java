package nl.zorgbeeld.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Logging in over HTTP as a browser does: password then TOTP, enrolment at the first login,
 * session cookies and their renewal, replayed codes, lockout, CSRF, idle time-out and logout.
 */
class LoginApiTest {
    private static final String PASSWORD = "een lang genoeg wachtwoord";
    private static final Totp TOTP = new Totp();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A response with the session cookie it set (null when none). */
    record Reply(int status, JsonNode json, String setCookie) {
        String session() {
            if (setCookie == null || !setCookie.startsWith("zb_session=")) return null;
            String value = setCookie.substring("zb_session=".length(), setCookie.indexOf(';'));
            return value.isEmpty() ? null : value;
        }

        String code() {
            return json == null ? null : json.path("code").asText(null);
        }
    }

    private static Reply post(String path, String body, String session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) b.header("Cookie", "zb_session=" + session);
        return reply(server.sendAnonymous(b.build()));
    }

    private static Reply get(String path, String session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (session != null) b.header("Cookie", "zb_session=" + session);
        return reply(server.sendAnonymous(b.build()));
    }

    private static Reply reply(HttpResponse<String> r) {
        JsonNode json = r.body().isBlank() ? null : Json.tree(r.body());
        return new Reply(r.statusCode(), json, r.headers().firstValue("Set-Cookie").orElse(null));
    }

    private static String credentials(TestUser user, String password) {
        return "{\"login\":" + JsonClient.quote(user.login()) + ",\"password\":" + JsonClient.quote(password) + "}";
    }

    private static String code(String code) {
        return "{\"code\":\"" + code + "\"}";
    }

    @Test
    void passwordThenTotpLogsInWithANewSessionIdEachStep() {
        String secret = Totp.newSecret();
        TestUser user = TestUsers.withPassword(PASSWORD, secret, Role.LEZER);
        String planted = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

        Reply password = post("/auth/login", credentials(user, PASSWORD), planted);
        assertEquals(200, password.status(), password.toString());
        assertEquals("totp", password.json().get("step").asText());
        String half = password.session();
        assertNotNull(half);
        assertNotEquals(planted, half, "a session id the browser brought is never taken over");
        assertTrue(password.setCookie().contains("HttpOnly"), password.setCookie());
        assertTrue(password.setCookie().contains("SameSite=Strict"), password.setCookie());
        assertFalse(password.setCookie().contains("Secure"), "plain HTTP: no Secure flag");
        assertEquals(401, get("/api/me", half).status(), "half a login opens nothing");

        Reply totp = post("/auth/totp", code(TOTP.code(secret, Instant.now())), half);
        assertEquals(200, totp.status(), totp.toString());
        String full = totp.session();
        assertNotNull(full);
        assertNotEquals(half, full, "the session id is renewed at login");
        assertEquals(user.login(), totp.json().get("login").asText());
        assertFalse(totp.json().get("csrfToken").asText().isBlank());

        Reply me = get("/api/me", full);
        assertEquals(200, me.status());
        assertEquals("Login Test", me.json().get("displayName").asText());
        assertEquals("GHOR Utrecht", me.json().path("organisation").path("name").asText());
        assertEquals("VR09", me.json().path("organisation").path("regionCode").asText());
        assertEquals("lezer", me.json().path("roles").get(0).asText());
        assertEquals(401, get("/api/me", half).status(), "the half session is gone");
        assertEquals(401, post("/auth/totp", code(TOTP.code(secret, Instant.now().plusSeconds(30))), half).status());
    }

    @Test
    void aReplayedCodeIsRefused() {
        String secret = Totp.newSecret();
        TestUser user = TestUsers.withPassword(PASSWORD, secret, Role.LEZER);
        String used = TOTP.code(secret, Instant.now());
        Reply first = post("/auth/totp", code(used), post("/auth/login", credentials(user, PASSWORD), null).session());
        assertEquals(200, first.status(), first.toString());

        String half = post("/auth/login", credentials(user, PASSWORD), null).session();
        Reply replay = post("/auth/totp", code(used), half);
        assertEquals(401, replay.status(), replay.toString());
        assertEquals("CodeRejected", replay.code());
        assertTrue(replay.json().get("detail").asText().contains("used already"), replay.toString());
        assertNull(replay.session(), "no session for a replay");
        Reply next = post("/auth/totp", code(TOTP.code(secret, Instant.now().plusSeconds(30))), half);
        assertEquals(200, next.status(), "the next code still works: " + next);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountAndAreLogged() {
        TestUser user = TestUsers.withPassword(PASSWORD, Totp.newSecret(), Role.LEZER);
        Logger logger = (Logger) LoggerFactory.getLogger("login");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            for (int i = 0; i < LoginService.MAX_FAILURES; i++) {
                Reply wrong = post("/auth/login", credentials(user, "fout wachtwoord " + i), null);
                assertEquals(401, wrong.status(), wrong.toString());
                assertEquals("LoginFailed", wrong.code());
            }
            Reply locked = post("/auth/login", credentials(user, PASSWORD), null);
            assertEquals(429, locked.status(), locked.toString());
            assertEquals("AccountLocked", locked.code());
            assertNull(locked.session());
            assertTrue(locked.json().get("retryAfter").asLong() > 60);
            assertNotNull(Sql.one("SELECT locked_until FROM app_user WHERE id = ?", user.id()));
            assertTrue(log.list.stream().anyMatch(e -> e.getFormattedMessage().contains(user.login())
                    && e.getFormattedMessage().contains("account locked")), "the lockout is logged");
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void wrongCodesCountTowardsTheLockoutToo() {
        String secret = Totp.newSecret();
        TestUser user = TestUsers.withPassword(PASSWORD, secret, Role.LEZER);
        String half = post("/auth/login", credentials(user, PASSWORD), null).session();
        String wrongCode = TOTP.code(secret, Instant.now().minusSeconds(600));
        for (int i = 0; i < LoginService.MAX_FAILURES; i++) {
            assertEquals("CodeRejected", post("/auth/totp", code(wrongCode), half).code());
        }
        Reply locked = post("/auth/totp", code(TOTP.code(secret, Instant.now())), half);
        assertEquals(429, locked.status(), locked.toString());
    }

    @Test
    void theFirstLoginEnrolsTheAuthenticatorWithTheOneTimeCode() {
        TestUser user = TestUsers.withPassword(PASSWORD, null, Role.HOOFD_INFORMATIE);
        String enrolmentCode = TestUsers.enrolmentCode(user);
        Reply password = post("/auth/login", credentials(user, PASSWORD), null);
        assertEquals("enrol", password.json().get("step").asText());
        String half = password.session();
        assertEquals(401, post("/auth/totp", code("123456"), half).status(), "no TOTP step before enrolment");

        Reply wrong = post("/auth/enrol", "{\"enrolmentCode\":\"AAAA-BBBB-CCCC\"}", half);
        assertEquals(401, wrong.status());
        assertEquals("CodeRejected", wrong.code());
        Reply enrol = post("/auth/enrol", "{\"enrolmentCode\":\"" + enrolmentCode.toLowerCase() + "\"}", half);
        assertEquals(200, enrol.status(), enrol.toString());
        String secret = enrol.json().get("secret").asText();
        assertTrue(enrol.json().get("otpauthUri").asText().startsWith("otpauth://totp/Zorgbeeld:" + user.login() + "?secret=" + secret));
        assertTrue(enrol.json().get("qrSvg").asText().startsWith("<svg"));

        Reply confirm = post("/auth/enrol/confirm", code(TOTP.code(secret, Instant.now())), half);
        assertEquals(200, confirm.status(), confirm.toString());
        assertNotEquals(half, confirm.session());
        assertEquals(200, get("/api/me", confirm.session()).status());
        Map<String, Object> row = Sql.rows("SELECT enrolment, totp_secret, enrolment_code_hash FROM app_user WHERE id = ?", user.id()).get(0);
        assertEquals("enrolled", row.get("enrolment"));
        assertEquals(secret, row.get("totp_secret"));
        assertNull(row.get("enrolment_code_hash"), "the one-time code is used up");

        String again = post("/auth/login", credentials(user, PASSWORD), null).session();
        assertEquals(401, post("/auth/enrol", "{\"enrolmentCode\":\"" + enrolmentCode + "\"}", again).status(),
                "an enrolled user is asked for a code, not enrolled again");
    }

    @Test
    void aBrowserWriteNeedsTheCsrfToken() {
        TestUser user = TestUsers.standard();
        String body = "{\"title\":\"CSRF\",\"type\":\"brand\"}";
        long before = Sql.count("SELECT count(*) FROM incident");
        JsonClient.Response without = JsonClient.inSession(server, user, false).post("/api/incidents", body);
        assertEquals(403, without.status(), without.toString());
        assertEquals("CsrfTokenMissing", without.code());
        assertEquals("X-CSRF-Token", without.where());
        JsonClient.Response forged = JsonClient.withHeaders(server, Map.of("Cookie", "zb_session=" + TestUsers.session(user),
                "X-CSRF-Token", "guessed")).post("/api/incidents", body);
        assertEquals(403, forged.status());
        assertEquals(before, Sql.count("SELECT count(*) FROM incident"), "refused writes store nothing");
        assertEquals(200, JsonClient.inSession(server, user, false).get("/api/me").status(), "reads need no token");
        assertEquals(201, JsonClient.inSession(server, user, true).post("/api/incidents", body).status());
    }

    @Test
    void anIdleSessionEnds() {
        String session = TestUsers.session(TestUsers.standard());
        assertEquals(200, get("/api/me", session).status());
        Sql.rows("UPDATE user_session SET last_seen_at = now() - interval '2 hours' WHERE id_hash = ? RETURNING 1", Secrets.hash(session));
        assertEquals(401, get("/api/me", session).status());
        assertEquals(0, Sql.count("SELECT count(*) FROM user_session WHERE id_hash = ?", Secrets.hash(session)));
    }

    @Test
    void logoutEndsTheSession() {
        String session = TestUsers.session(TestUsers.standard());
        Reply out = post("/auth/logout", "", session);
        assertEquals(204, out.status());
        assertTrue(out.setCookie().contains("Max-Age=0"), out.setCookie());
        assertEquals(401, get("/api/me", session).status());
    }

    @Test
    void aDisabledOrUnknownUserCannotLogIn() {
        TestUser user = TestUsers.withPassword(PASSWORD, Totp.newSecret(), Role.LEZER);
        Sql.rows("UPDATE app_user SET disabled = true WHERE id = ? RETURNING 1", user.id());
        assertEquals("LoginFailed", post("/auth/login", credentials(user, PASSWORD), null).code());
        assertEquals("LoginFailed", post("/auth/login", "{\"login\":\"niemand-hier\",\"password\":\"x\"}", null).code());
        Reply bad = post("/auth/login", "{\"login\":\"x\"}", null);
        assertEquals(400, bad.status());
    }

    @Test
    void cookiesAreSecureBehindTls() {
        try (TestServer tls = TestServer.start(Map.of("ZORGBEELD_PUBLIC_URL", "https://zorgbeeld.example.nl"))) {
            TestUser user = TestUsers.withPassword(PASSWORD, Totp.newSecret(), Role.LEZER);
            HttpResponse<String> r = tls.sendAnonymous(HttpRequest.newBuilder(URI.create(tls.url("/auth/login")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(credentials(user, PASSWORD))).build());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"));
        }
    }
}

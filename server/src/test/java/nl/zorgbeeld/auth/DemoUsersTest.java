package nl.zorgbeeld.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The demo users of ./zorgbeeld run: one per role, the documented password and TOTP secret; production refuses them. */
class DemoUsersTest {

    @Test
    void theDemoUsersAreSeededOnceAndLogInWithTheDocumentedSecrets() {
        TestDatabase.execute("INSERT INTO institution (id, type, name, organisation, connected, region_code, source, geom) VALUES"
                + " ('demo:umc', 'ziekenhuis', 'Demo UMC', 'Demo Zorggroep', true, 'VR09', 'demo', ST_SetSRID(ST_MakePoint(136000, 456000), 28992))"
                + " ON CONFLICT (id) DO NOTHING");
        DemoUsers demo = new DemoUsers(TestDatabase.dataSource());
        demo.seed();
        demo.seed();
        List<String> logins = List.of("demo-beheerder", "demo-orgbeheerder", "demo-hin", "demo-gags", "demo-ico", "demo-lezer", "demo-extern");
        for (String login : logins) assertEquals(1, Sql.count("SELECT count(*) FROM app_user WHERE login = ? AND demo", login), login);
        assertEquals("VR13", Sql.one("SELECT o.region_code FROM app_user u JOIN organisation o ON o.id = u.organisation_id"
                + " WHERE u.login = 'demo-extern'"));
        String institution = (String) Sql.one("SELECT institution_id FROM app_user WHERE login = 'demo-ico'");
        assertNotNull(institution);
        assertEquals(1, Sql.count("SELECT count(*) FROM institution WHERE id = ?", institution), "bound to an institution of the reference layer");

        try (TestServer server = TestServer.start()) {
            JsonClient anonymous = JsonClient.anonymous(server);
            var password = anonymous.post("/auth/login", "{\"login\":\"demo-hin\",\"password\":\"" + DemoUsers.PASSWORD + "\"}");
            assertEquals(200, password.status(), password.toString());
            assertEquals("totp", password.json().get("step").asText(), "demo users are enrolled already");
            String cookie = password.header("Set-Cookie").split(";")[0];
            var totp = JsonClient.withHeaders(server, Map.of("Cookie", cookie)).post("/auth/totp",
                    "{\"code\":\"" + DemoUsers.currentCode(Clock.systemUTC()) + "\"}");
            assertEquals(200, totp.status(), totp.toString());
            assertEquals("hoofd-informatie", totp.json().get("roles").get(0).asText());
        }

        List<String> problems = ProductionCheck.problems(AuthSettings.defaults(), TestDatabase.dataSource());
        assertEquals(2, problems.size(), "no TLS and demo users: " + problems);
        List<String> withTls = ProductionCheck.problems(new AuthSettings(true, URI.create("https://zorgbeeld.example.nl"), 60, 365),
                TestDatabase.dataSource());
        assertEquals(1, withTls.size());
        assertTrue(withTls.get(0).contains("demo users"));
    }
}

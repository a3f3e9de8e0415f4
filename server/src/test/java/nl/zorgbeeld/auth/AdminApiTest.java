package nl.zorgbeeld.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.Main;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestServer;
import nl.zorgbeeld.testing.TestUsers;
import nl.zorgbeeld.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Managing organisations and users: the beheerder everywhere, an organisatiebeheerder in its own organisation only. */
class AdminApiTest {
    private static TestServer server;
    private static JsonClient beheerder;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        beheerder = JsonClient.as(server, TestUsers.user("Bea Beheer", "GHOR Utrecht", Role.BEHEERDER));
        TestDatabase.execute("INSERT INTO institution (id, type, name, connected, source, geom) VALUES ('adm:1', 'ziekenhuis', 'Admin"
                + " Ziekenhuis', true, 'adm', ST_SetSRID(ST_MakePoint(136000, 456000), 28992)) ON CONFLICT (id) DO NOTHING");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String newUser(String login, long organisation, String roles, String extra) {
        return "{\"login\":\"" + login + "\",\"displayName\":\"Nieuwe Gebruiker\",\"organisationId\":" + organisation + ",\"roles\":" + roles
                + extra + "}";
    }

    @Test
    void theBeheerderMakesAnOrganisationAndAUserWhoLogsInWithTheEnrolmentCode() {
        Response org = beheerder.post("/api/organisations", "{\"name\":\"" + unique("Ziekenhuis Admin") + "\",\"kind\":\"zorginstelling\","
                + "\"regionCode\":\"vr09\",\"institutionId\":\"adm:1\"}");
        assertEquals(201, org.status(), org.toString());
        assertEquals("VR09", org.json().get("regionCode").asText());
        long orgId = org.json().get("id").asLong();
        assertEquals(400, beheerder.post("/api/users", newUser("ico-" + orgId, orgId, "[\"informatiecoordinator\"]", "")).status(),
                "an information coordinator needs an institution");
        String login = "ico-" + orgId;
        Response user = beheerder.post("/api/users", newUser(login, orgId, "[\"informatiecoordinator\"]",
                ",\"institutionId\":\"adm:1\",\"password\":\"een veilig wachtwoord\""));
        assertEquals(201, user.status(), user.toString());
        String code = user.json().get("enrolmentCode").asText();
        assertTrue(code.matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"), code);
        assertFalse(user.body().contains("$argon2"), "no hash leaves the server");
        assertEquals(409, beheerder.post("/api/users", newUser(login, orgId, "[]", "")).status(), "logins are unique");
        assertEquals(TestUsers.user("Bea Beheer", "GHOR Utrecht", Role.BEHEERDER).login(),
                Sql.one("SELECT login FROM audit_entry WHERE action = 'user.created' AND object_id = ?", user.json().get("id").asText()));

        long id = user.json().get("id").asLong();
        Response renamed = beheerder.patch("/api/users/" + id, "{\"displayName\":\"Ilse Nieuw\",\"roles\":[\"lezer\",\"informatiecoordinator\"]}", null);
        assertEquals(200, renamed.status(), renamed.toString());
        JsonNode roles = renamed.json().get("roles");
        assertEquals(List.of("informatiecoordinator", "lezer"), List.of(roles.get(0).asText(), roles.get(1).asText()));
        assertEquals(1, Sql.count("SELECT count(*) FROM audit_entry WHERE action = 'user.updated' AND object_id = ?", String.valueOf(id)));
        JsonNode fresh = beheerder.post("/api/users/" + id + "/enrolment-code", "{}").json();
        assertFalse(fresh.get("code").asText().equals(code), "a new code replaces the old one");
    }

    @Test
    void anOrganisatiebeheerderManagesOnlyItsOwnOrganisation() {
        TestUser admin = TestUsers.user("Otto Organisatie", "GHOR Utrecht", Role.ORGANISATIEBEHEERDER);
        JsonClient otto = JsonClient.as(server, admin);
        long own = admin.organisationId();
        long other = TestUsers.organisation("GHOR Elders Admin", "VR13");
        String login = "org-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, otto.post("/api/users", newUser(login, own, "[\"lezer\"]", "")).status());
        assertEquals(403, otto.post("/api/users", newUser(login + "x", other, "[\"lezer\"]", "")).status());
        assertEquals(403, otto.post("/api/users", newUser(login + "y", own, "[\"beheerder\"]", "")).status(), "never beheerder");
        JsonNode users = otto.get("/api/users").json().get("users");
        for (JsonNode u : users) assertEquals(own, u.path("organisation").path("id").asLong(), u.toString());
        TestUser outsider = TestUsers.fresh("Buiten", "GHOR Elders Admin", "VR13", null, Role.LEZER);
        assertEquals(403, otto.patch("/api/users/" + outsider.id(), "{\"disabled\":true}", null).status());
        TestUser bea = TestUsers.user("Bea Beheer", "GHOR Utrecht", Role.BEHEERDER);
        assertEquals(403, otto.patch("/api/users/" + bea.id(), "{\"disabled\":true}", null).status(), "not the beheerder of its organisation");
        assertEquals(403, otto.post("/api/organisations", "{\"name\":\"X\",\"kind\":\"overig\",\"regionCode\":\"VR01\"}").status());

        TestUser colleague = TestUsers.fresh("Collega", "GHOR Utrecht", TestUsers.REGION, null, Role.LEZER);
        String session = TestUsers.session(colleague);
        assertEquals(200, otto.patch("/api/users/" + colleague.id(), "{\"disabled\":true}", null).status());
        assertEquals(0, Sql.count("SELECT count(*) FROM user_session WHERE id_hash = ?", Secrets.hash(session)), "a disabled user's sessions end");
        assertEquals(401, JsonClient.as(server, colleague).get("/api/me").status(), "and its tokens stop");
    }

    @Test
    void organisationsAreListedForEveryoneWithoutTheProviderSettings() {
        Response list = JsonClient.as(server, TestUsers.standard()).get("/api/organisations");
        assertEquals(200, list.status());
        assertFalse(list.body().contains("oidcClientSecretRef"));
        assertTrue(beheerder.get("/api/organisations").body().contains("oidcAddTotp"), "the beheerder sees the provider settings");
        Response bad = beheerder.post("/api/organisations", "{\"name\":\"Geheim\",\"kind\":\"ghor\",\"regionCode\":\"VR09\","
                + "\"oidcIssuer\":\"https://login.example.nl\",\"oidcClientId\":\"zb\",\"oidcClientSecretRef\":\"het-geheim-zelf\"}");
        assertEquals(400, bad.status(), "the secret itself is never stored: only the name of its variable");
        assertEquals("oidcClientSecretRef", bad.where());
    }

    @Test
    void theAdminCommandMakesTheFirstAdministrator() {
        Config config = Config.fromEnvironment(Map.of("DATABASE_URL", System.getenv("ZORGBEELD_TEST_DATABASE_URL")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String login = "eerste-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(0, Main.admin(config, List.of(login, "Eerste Beheerder", "Zorgbeeld beheer", "VR09"),
                new PrintStream(out, true, StandardCharsets.UTF_8)));
        String text = out.toString(StandardCharsets.UTF_8);
        String password = text.lines().filter(l -> l.contains("password:")).findFirst().orElseThrow().split(":\\s+")[1].trim();
        assertTrue(Passwords.matches(password, (String) Sql.one("SELECT password_hash FROM app_user WHERE login = ?", login)));
        assertTrue(text.contains("enrolment code:"), text);
        assertEquals("{beheerder}", Sql.one("SELECT array_agg(role)::text FROM user_role r JOIN app_user u ON u.id = r.user_id WHERE login = ?", login));
    }
}

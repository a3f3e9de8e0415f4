package nl.zorgbeeld.auth;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** Organisations and users as the API shows them: never a secret, and the OIDC settings only to administrators. */
public final class AdminViews {
    private AdminViews() {}

    public static Map<String, Object> organisation(Organisation o, boolean full) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("name", o.name());
        m.put("kind", o.kind().code());
        m.put("regionCode", o.regionCode());
        m.put("institutionId", o.institutionId());
        m.put("federated", o.federated());
        if (full) {
            m.put("oidcIssuer", o.oidcIssuer());
            m.put("oidcClientId", o.oidcClientId());
            m.put("oidcClientSecretRef", o.oidcClientSecretRef());
            m.put("oidcAddTotp", o.oidcAddTotp());
            m.put("oidcMfaAcrValues", o.oidcMfaAcrValues());
            m.put("demo", o.demo());
        }
        return m;
    }

    public static Map<String, Object> user(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("login", u.login());
        m.put("displayName", u.displayName());
        m.put("organisation", Map.of("id", u.organisation().id(), "name", u.organisation().name()));
        m.put("roles", u.roles().stream().map(Role::code).sorted().toList());
        m.put("institutionId", u.institutionId());
        m.put("disabled", u.disabled());
        m.put("enrolled", u.enrolled());
        m.put("hasPassword", u.passwordHash() != null);
        m.put("federated", u.externalSubject() != null);
        m.put("lockedUntil", u.lockedAt(OffsetDateTime.now()) ? u.lockedUntil() : null);
        m.put("demo", u.demo());
        return m;
    }
}

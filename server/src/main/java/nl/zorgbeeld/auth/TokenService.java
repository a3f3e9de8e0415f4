package nl.zorgbeeld.auth;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;

/** API tokens: made (shown once), listed and revoked by their owner; each an audited write. */
public final class TokenService {
    private final Transactions tx;
    private final TokenStore tokens;
    private final UserStore users;
    private final AuthSettings settings;
    private final Clock clock;

    public TokenService(Transactions tx, TokenStore tokens, UserStore users, AuthSettings settings, Clock clock) {
        this.tx = tx;
        this.tokens = tokens;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    public TokenStore.Created create(Principal owner, String name, TokenScope scope, int days) {
        if (days < 1 || days > settings.tokenMaxDays()) {
            throw ApiException.badBody("expiresInDays", "expiresInDays must be between 1 and " + settings.tokenMaxDays());
        }
        return tx.run(c -> {
            TokenStore.Created created = tokens.create(c, owner.userId(), name, scope, OffsetDateTime.now(clock).plusDays(days));
            AuditLog.record(c, new AuditLog.Entry(owner.actor(), "token.created", "token", String.valueOf(created.token().id()), null,
                    null, describe(created.token())));
            return created;
        });
    }

    /**
     * A token for a user named by login, without a session: for {@code ./zorgbeeld token USER}
     * (administrators and tests). Audited as made by the system.
     */
    public TokenStore.Created createFor(String login, String name, TokenScope scope, int days) {
        return tx.run(c -> {
            User user = users.findByLogin(c, login).orElseThrow(() -> new IllegalArgumentException("there is no user '" + login + "'"));
            if (user.disabled()) throw new IllegalArgumentException("user '" + login + "' is disabled");
            TokenStore.Created created = tokens.create(c, user.id(), name, scope, OffsetDateTime.now(clock).plusDays(days));
            Map<String, Object> after = describe(created.token());
            after.put("user", user.login());
            AuditLog.record(c, new AuditLog.Entry(new nl.zorgbeeld.common.Actor("Zorgbeeld", user.organisation().name()), "token.created",
                    "token", String.valueOf(created.token().id()), null, null, after));
            return created;
        });
    }

    public List<ApiToken> list(Principal owner) {
        return tx.run(c -> tokens.list(c, owner.userId()));
    }

    public void revoke(Principal owner, long id) {
        tx.run(c -> {
            ApiToken token = tokens.find(c, owner.userId(), id).orElseThrow(() -> ApiException.notFound("You have no token " + id));
            if (token.revokedAt() != null) return null;
            tokens.revoke(c, id);
            AuditLog.record(c, new AuditLog.Entry(owner.actor(), "token.revoked", "token", String.valueOf(id), null, describe(token),
                    Map.of("revoked", true)));
            return null;
        });
    }

    private static Map<String, Object> describe(ApiToken token) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", token.name());
        m.put("scope", token.scope().code());
        m.put("expiresAt", token.expiresAt().toString());
        return m;
    }
}

package nl.zorgbeeld.auth;

import java.time.OffsetDateTime;

/** An API token as stored, without the token itself (only its hash is kept). */
public record ApiToken(long id, long userId, String name, TokenScope scope, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                       OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

    public boolean activeAt(OffsetDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}

package nl.zorgbeeld.auth;

import java.time.OffsetDateTime;
import java.util.Set;

/** A user as stored, secrets included: never sent to clients as it is (see {@link AdminViews}). */
public record User(long id, String login, String displayName, Organisation organisation, Set<Role> roles,
                   String passwordHash, String externalSubject, String totpSecret, boolean enrolled,
                   String enrolmentCodeHash, OffsetDateTime enrolmentCodeExpires, boolean disabled, int failedAttempts,
                   OffsetDateTime lockedUntil, Long lastTotpStep, String institutionId, boolean demo) {

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Principal principal(AuthMethod method, TokenScope scope) {
        return new Principal(id, login, displayName, organisation.id(), organisation.name(), organisation.kind(),
                organisation.regionCode(), roles, institutionId, method, scope);
    }
}

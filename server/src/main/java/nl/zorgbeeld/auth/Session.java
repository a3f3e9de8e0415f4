package nl.zorgbeeld.auth;

import java.time.OffsetDateTime;

/** A browser session as stored (the id only as its hash). */
public record Session(String idHash, long userId, State state, String pendingSecret, String csrfToken, OffsetDateTime createdAt,
                      OffsetDateTime lastSeenAt) {

    /** The steps of a login: the second factor still to come ({@code TOTP}, {@code ENROL}, {@code ENROL_CONFIRM}), or done. */
    public enum State {
        TOTP("totp"), ENROL("enrol"), ENROL_CONFIRM("enrol_confirm"), FULL("full");

        final String code;

        State(String code) {
            this.code = code;
        }

        static State of(String code) {
            for (State s : values()) if (s.code.equals(code)) return s;
            throw new IllegalStateException("unknown session state " + code);
        }
    }

    public boolean full() {
        return state == State.FULL;
    }
}

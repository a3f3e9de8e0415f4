package nl.zorgbeeld.auth.oidc;

/**
 * What an organisation's login does when its identity provider does not vouch for a second factor
 * (neither in {@code amr} nor with an {@code acr} the organisation lists as multi-factor).
 * A second factor is always required (issue 10); the policy only says who provides it.
 */
public enum SecondFactorPolicy {
    /** The provider must vouch for the second factor; a login without it is refused. */
    REQUIRE_FROM_PROVIDER,
    /** When the provider vouches for none, Zorgbeeld asks for its own TOTP code before the login is complete. */
    ZORGBEELD_TOTP_FALLBACK
}

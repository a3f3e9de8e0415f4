package nl.zorgbeeld.auth.oidc;

import java.util.Optional;

/** Which identity provider an organisation logs in with (the auth branch reads it from the organisation table). */
public interface OidcProviders {
    /** Empty when the organisation does not exist or has no identity provider. */
    Optional<OidcProvider> find(long organisationId);
}

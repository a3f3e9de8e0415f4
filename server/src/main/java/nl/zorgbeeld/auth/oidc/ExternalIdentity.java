package nl.zorgbeeld.auth.oidc;

import java.util.List;

/**
 * Who the identity provider says logged in, from a validated ID token. {@code issuer} plus
 * {@code subject} is the stable key of the person at that provider; the other claims are optional
 * (null when the provider does not send them) and may change between logins.
 *
 * @param amr             authentication methods (RFC 8176 values), empty when not sent
 * @param hasSecondFactor the provider vouches for a second factor ({@link SecondFactors})
 */
public record ExternalIdentity(long organisationId, String issuer, String subject, String preferredUsername, String name,
                               String email, List<String> amr, String acr, boolean hasSecondFactor) {

    public ExternalIdentity {
        amr = List.copyOf(amr);
    }
}

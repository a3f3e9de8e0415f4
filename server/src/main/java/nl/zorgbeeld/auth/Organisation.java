package nl.zorgbeeld.auth;

import java.util.List;

/**
 * An organisation whose users log in: its kind, its safety region, optionally the care institution
 * of the reference layer it is, and optionally its own identity provider (OIDC).
 *
 * @param oidcClientSecretRef the name of the environment variable holding the client secret, never the secret
 * @param oidcAddTotp         the provider gives no second factor: Zorgbeeld asks its own TOTP code after the OIDC login
 * @param oidcMfaAcrValues    the provider's acr values that mean a multi-factor login
 */
public record Organisation(long id, String name, OrganisationKind kind, String regionCode, String institutionId,
                           String oidcIssuer, String oidcClientId, String oidcClientSecretRef, boolean oidcAddTotp,
                           List<String> oidcMfaAcrValues, boolean demo) {

    public Organisation {
        oidcMfaAcrValues = List.copyOf(oidcMfaAcrValues);
    }

    public boolean federated() {
        return oidcIssuer != null;
    }
}

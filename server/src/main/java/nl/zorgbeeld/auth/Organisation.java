package nl.zorgbeeld.auth;

/**
 * An organisation whose users log in: its kind, its safety region, optionally the care institution
 * of the reference layer it is, and optionally its own identity provider (OIDC).
 *
 * @param oidcClientSecretRef the name of the environment variable holding the client secret, never the secret
 * @param oidcAddTotp         the provider gives no second factor: Zorgbeeld asks its own TOTP code after the OIDC login
 */
public record Organisation(long id, String name, OrganisationKind kind, String regionCode, String institutionId,
                           String oidcIssuer, String oidcClientId, String oidcClientSecretRef, boolean oidcAddTotp, boolean demo) {

    public boolean federated() {
        return oidcIssuer != null;
    }
}

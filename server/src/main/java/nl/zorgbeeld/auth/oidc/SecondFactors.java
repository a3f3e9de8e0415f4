package nl.zorgbeeld.auth.oidc;

import java.util.Collection;
import java.util.Set;

/** Whether an ID token's {@code amr} / {@code acr} claims show a login with more than a password. */
public final class SecondFactors {
    /**
     * RFC 8176 methods that are a factor beyond knowledge: "mfa" and "mca" say so outright; the others
     * are possession (otp, sms, tel, hwk, swk, sc, pop) or inherence (fpt, face, iris, retina, vbm)
     * factors, which providers list next to "pwd" (or alone, for passwordless logins with a device).
     * Knowledge and context values (pwd, pin, kba, geo, rba, wia, user) do not count.
     */
    public static final Set<String> AMR_VALUES = Set.of(
            "mfa", "mca", "otp", "sms", "tel", "hwk", "swk", "sc", "pop", "fpt", "face", "iris", "retina", "vbm");

    private SecondFactors() {}

    public static boolean present(Collection<String> amr, String acr, Set<String> mfaAcrValues) {
        return amr.stream().anyMatch(AMR_VALUES::contains) || (acr != null && mfaAcrValues.contains(acr));
    }
}

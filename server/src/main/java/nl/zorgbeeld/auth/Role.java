package nl.zorgbeeld.auth;

import io.javalin.security.RouteRole;
import nl.zorgbeeld.common.Coded;

/**
 * What a user may do, managed in the app itself (not in the identity provider). A user can hold
 * several roles; each route says which roles may call it ({@link AccessRules}).
 */
public enum Role implements Coded, RouteRole {
    BEHEERDER("beheerder", "Beheerder (systeem)"),
    ORGANISATIEBEHEERDER("organisatiebeheerder", "Organisatiebeheerder"),
    HOOFD_INFORMATIE("hoofd-informatie", "Hoofd Informatie"),
    GAGS("gags", "GAGS (gevaarlijke stoffen)"),
    INFORMATIECOORDINATOR("informatiecoordinator", "Informatiecoördinator zorginstelling"),
    LEZER("lezer", "Lezer");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() { return code; }

    @Override
    public String label() { return label; }
}

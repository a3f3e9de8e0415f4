package nl.zorgbeeld.http;

import io.javalin.http.Context;
import nl.zorgbeeld.auth.Principals;
import nl.zorgbeeld.common.Actor;

/**
 * Who is writing: the logged-in user, never what the request says about itself (headers such as
 * the former X-Zorgbeeld-Author are not read). The actor carries the display name and organisation
 * that the stores record, and the login, ids and roles for the audit trail.
 */
public final class Actors {
    private Actors() {}

    /** The actor of the request's user; 401 when nobody is logged in. */
    public static Actor require(Context ctx) {
        return Principals.require(ctx).actor();
    }
}
